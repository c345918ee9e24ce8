"""Authentication: a cheaper per-request user lookup, and hot paths that skip it safely.

Backend: Django's ModelBackend with a cheaper per-request user lookup.

Every signed-in request loads its user. ModelBackend does it with `User.objects.get(pk=...)`,
which builds and compiles the same query each time (about a fifth of the CPU of saving an
exam answer). Here the SELECT is written once from the model's own field list and the row
becomes a user through `Model.from_db`, the same path the ORM uses. A user model with a field
that converts database values (`from_db_value`) keeps the ORM's lookup. The row is still read
on every request, so a password change (session hash) or a deactivated account takes effect at
once.

Hot paths (`login_required_session_user`, below) skip even that read and let their own SQL
statement check the account.
"""

from dataclasses import dataclass
from functools import cache, wraps

from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
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


# --- Hot paths that re-check the signed-in user inside their own SQL statement -------------
#
# Loading the user costs a query on every request. A hot path (saving an exam answer) can skip
# it: the first request of a session in this process runs Django's full check (request.user:
# session hash, active account) and remembers the password hash it accepted; later requests
# give that hash to their one SQL statement, which acts only while the user still exists, is
# active and has that password hash (`session_user_sql`): the same verdict as the full check,
# since the session hash is an HMAC of the password hash and the secret key cannot change in a
# running process. A changed password or a deactivated account makes the statement match
# nothing; the view then forgets the memo and runs the full check again, which signs the
# session out as Django would. Login, logout and a new session change the session's user id or
# hash, and with them the memo's key. The SQL mirrors ModelBackend's rule (active accounts
# only), which is this project's backend.


@dataclass(frozen=True)
class SessionUser:
    """A signed-in user as a hot path's SQL re-checks it."""

    pk: int
    password: str  # the hash that Django's full check accepted for this session


class StaleSessionUser(Exception):
    """The user's account changed since the full check (password, active flag, deleted)."""


_checked: dict[tuple, str] = {}  # (user id, session hash, backend) → password hash; this process
_CHECKED_MAX = 10_000


def _session_key(request) -> tuple | None:
    session = request.session
    key = tuple(session.get(name) for name in (SESSION_KEY, HASH_SESSION_KEY, BACKEND_SESSION_KEY))
    return key if all(key) else None


def session_user(request) -> SessionUser | None:
    """The signed-in user without a query, when this process has fully checked this session's
    user before; otherwise None (use `session_user_checked`)."""
    key = _session_key(request)
    password = _checked.get(key) if key else None
    if password is None:
        return None
    return SessionUser(pk=get_user_model()._meta.pk.to_python(key[0]), password=password)


def session_user_checked(request) -> SessionUser | None:
    """Django's full check (one query), remembered for `session_user`; None if signed out."""
    user = request.user
    if not user.is_authenticated:
        return None
    key = _session_key(request)  # read after the check, which may rotate the hash
    if key is not None:
        if len(_checked) >= _CHECKED_MAX:
            _checked.clear()
        _checked[key] = user.password
    return SessionUser(pk=user.pk, password=user.password)


def session_user_forget(request) -> None:
    key = _session_key(request)
    if key is not None:
        _checked.pop(key, None)


def session_user_sql(user_column: str) -> str:
    """A WHERE condition that holds while the `session_user` parameter's user is unchanged
    (ModelBackend's rule: active; Django's session rule: the same password hash)."""
    model = get_user_model()
    meta = model._meta
    quote = connections[router.db_for_read(model)].ops.quote_name
    pk, active, password = (
        quote(field.column)
        for field in (meta.pk, meta.get_field("is_active"), meta.get_field("password"))
    )
    return (
        f"EXISTS (SELECT 1 FROM {quote(meta.db_table)} AS account"
        f" WHERE account.{pk} = {user_column} AND account.{active}"
        f" AND account.{password} = %(session_password)s)"
    )


def session_user_holds(user: SessionUser) -> bool:
    """Whether the account still matches (for saying why a statement matched nothing)."""
    model = get_user_model()
    return model._default_manager.filter(
        pk=user.pk, is_active=True, password=user.password
    ).exists()


def login_required_session_user(view):
    """`login_required` for a hot path: the view gets `session_user=` and checks it in its own
    SQL, raising StaleSessionUser when that matched no user; the view then runs once more
    after Django's full check (so a changed account is signed out as usual)."""

    @login_required
    def checked(request, *args, **kwargs):
        user = session_user_checked(request)
        try:
            return view(request, *args, session_user=user, **kwargs)
        except StaleSessionUser:  # changed since the check a moment ago
            return redirect_to_login(request.get_full_path())

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        user = session_user(request)
        if user is not None:
            try:
                return view(request, *args, session_user=user, **kwargs)
            except StaleSessionUser:
                session_user_forget(request)
        return checked(request, *args, **kwargs)

    return wrapper
