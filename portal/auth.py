"""Authentication backend: Django's ModelBackend with a cheaper per-request user lookup.

Every signed-in request loads its user. ModelBackend does it with `User.objects.get(pk=...)`,
which builds and compiles the same query each time (about a fifth of the CPU of saving an
exam answer). Here the SELECT is written once from the model's own field list and the row
becomes a user through `Model.from_db`, the same path the ORM uses. A user model with a field
that converts database values (`from_db_value`) keeps the ORM's lookup. The row is still read
on every request, so a password change (session hash) or a deactivated account takes effect at
once.
"""

from functools import cache

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db import connections, router


@cache
def _user_select() -> tuple[str, list[str]] | None:
    """The SELECT of one user by primary key and the attribute names of its columns, or None
    when a field needs the ORM's value conversion."""
    model = get_user_model()
    meta = model._meta
    fields = meta.concrete_fields
    if any(hasattr(field, "from_db_value") for field in fields):
        return None
    connection = connections[router.db_for_read(model)]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    sql = f"SELECT {columns} FROM {quote(meta.db_table)} WHERE {quote(meta.pk.column)} = %s"
    return sql, [field.attname for field in fields]


def user_by_pk(pk):
    """The user with this primary key, or None; the same instance the ORM would give."""
    model = get_user_model()
    select = _user_select()
    if select is None:
        return model._default_manager.filter(pk=pk).first()
    sql, attnames = select
    alias = router.db_for_read(model)
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, [pk])
        row = cursor.fetchone()
    return None if row is None else model.from_db(alias, attnames, row)


class UserLookupBackend(ModelBackend):
    """ModelBackend (passwords, permissions, is_active) with `user_by_pk` for get_user."""

    def get_user(self, user_id):
        user = user_by_pk(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None
