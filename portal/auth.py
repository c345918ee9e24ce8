"""Authentication: a cheaper per-request user lookup, and hot paths that skip it safely.

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

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.contrib.sessions.models import Session
from django.db import connection, connections, router
from django.utils import timezone


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
# Loading the session and the user costs two queries on every request. A hot path (saving an
# exam answer) can skip both: the first request of a session in this process runs Django's
# full check (the session row, then request.user: session hash, active account) and remembers,
# by session key, the user and the password hash it accepted. Later requests give the session
# key and that hash to their one SQL statement (`session_user_sql`), which acts only while the
# session row still exists unexpired and the user is still active with that password hash:
# the same verdict as the full check. Django gives a session a new key whenever its user or
# session hash changes (login, logout, password change, key rotation), and the session hash is
# an HMAC of the password hash under a secret key that cannot change in a running process.
# When the statement matches nothing because of this check, the view forgets the memo and
# runs again after the full check, which signs the session out as on every other page.
# The SQL mirrors this project's set-up: database sessions (a logout in one process deletes
# the row, so every process sees it) and UserLookupBackend (active accounts only); with
# anything else, `session_user` returns None and every request takes the full check.


@dataclass(frozen=True)
class SessionUser:
    """A signed-in user as a hot path's SQL re-checks it."""

    pk: int
    password: str  # the hash that Django's full check accepted for this session
    session_key: str | None = None  # None: not acting for a browser session (tests, commands)


class StaleSessionUser(Exception):
    """The session or the account changed since the full check (signed out, expired, password
    changed, deactivated, deleted)."""


_checked: dict[str, SessionUser] = {}  # session key → user; this process only
_CHECKED_MAX = 10_000
_DATABASE_SESSIONS = "django.contrib.sessions.backends.db"


def _fast_path_applies() -> bool:
    return (
        settings.SESSION_ENGINE == _DATABASE_SESSIONS
        and [f"{__name__}.{UserLookupBackend.__name__}"] == settings.AUTHENTICATION_BACKENDS
    )


def session_user(request) -> SessionUser | None:
    """The signed-in user without a query, when this process has fully checked this session
    before; otherwise None (then use `session_user_checked`)."""
    key = request.session.session_key  # the cookie's value; the session is not loaded
    if key is None or not _fast_path_applies():
        return None
    return _checked.get(key)


def session_user_checked(request) -> SessionUser | None:
    """Django's full check, remembered for `session_user`; None if signed out."""
    user = request.user
    if not user.is_authenticated:
        return None
    key = request.session.session_key  # read after the check, which may give a new key
    checked = SessionUser(pk=user.pk, password=user.password, session_key=key)
    if key is not None and _fast_path_applies():
        if len(_checked) >= _CHECKED_MAX:
            _checked.clear()
        _checked[key] = checked
    return checked


def session_user_forget(request) -> None:
    _checked.pop(request.session.session_key, None)


@cache
def session_user_sql(user_column: str) -> str:
    """A WHERE condition that holds while the session and the account are as the full check
    found them. Its parameters come from `session_user_params`."""
    model = get_user_model()
    meta = model._meta
    quote = connection.ops.quote_name
    pk, active, password = (
        quote(field.column)
        for field in (meta.pk, meta.get_field("is_active"), meta.get_field("password"))
    )
    session = Session._meta
    key = quote(session.get_field("session_key").column)
    expires = quote(session.get_field("expire_date").column)
    return (
        f"EXISTS (SELECT 1 FROM {quote(meta.db_table)} AS account"
        f" WHERE account.{pk} = {user_column} AND account.{active}"
        f" AND account.{password} = %(session_user_password)s)"
        f" AND (%(session_key)s::text IS NULL OR EXISTS (SELECT 1 FROM {quote(session.db_table)}"
        f" AS session WHERE session.{key} = %(session_key)s"
        f" AND session.{expires} > %(session_now)s))"
    )


def session_user_params(user: SessionUser, *, now) -> dict:
    """The parameters of `session_user_sql` (a User is taken as a user without a session)."""
    return {
        "session_user_password": user.password,
        "session_key": getattr(user, "session_key", None),
        "session_now": now,
    }


def session_user_holds(user: SessionUser) -> bool:
    """Whether the session and the account are still as checked (for saying why a statement
    matched nothing)."""
    model = get_user_model()
    account = model._default_manager.filter(pk=user.pk, is_active=True, password=user.password)
    key = getattr(user, "session_key", None)
    session = Session.objects.filter(session_key=key, expire_date__gt=timezone.now())
    return account.exists() and (key is None or session.exists())


def login_required_session_user(view):
    """`login_required` for a hot path: the view gets `session_user=` and checks it in its own
    SQL (`session_user_sql`), raising StaleSessionUser when that check failed, before any
    other effect; the view then runs once more after Django's full check (so a changed
    session or account is signed out as usual)."""

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
