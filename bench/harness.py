"""Shared set-up for benchmark scripts: Django on a throwaway database of the same server."""

import http.client
import json
import os
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"


def setup_django():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    import django

    django.setup()


@contextmanager
def bench_database():
    """Create `bench_portal` (migrated), use it, and drop it afterwards."""
    from django.conf import settings
    from django.db import connection

    settings.DATABASES["default"]["TEST"]["NAME"] = "bench_portal"
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        yield
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def save_results(name: str, data) -> Path:
    """Write a benchmark's figures to bench/results/NAME.json."""
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(data, indent=2))
    return path


@contextmanager
def timer():
    result = {}
    start = time.perf_counter()
    yield result
    result["seconds"] = time.perf_counter() - start


def notes_dir() -> Path | None:
    """NOTES_DIR, or None (with a message) when it does not exist."""
    from django.conf import settings

    notes = Path(settings.NOTES_DIR)
    if not notes.is_dir():
        print(f"NOTES_DIR {notes} does not exist: nothing to benchmark", file=sys.stderr)
        return None
    return notes


def database_url() -> str:
    """A DATABASE_URL for the database this process uses (so gunicorn uses it too)."""
    from django.db import connection

    params = connection.get_connection_params()
    url = f"postgresql://{params.get('user', '')}@/{connection.settings_dict['NAME']}"
    url += f"?host={params.get('host', '')}"
    if params.get("port"):
        url += f"&port={params['port']}"
    return url


def production_env(*, static_root: Path, secret_key: str) -> dict:
    """`make serve`'s settings, pointed at this process's database, plain HTTP on loopback."""
    return {
        **os.environ,
        "DATABASE_URL": database_url(),
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secret_key,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_STATIC_ROOT": str(static_root),
    }


@contextmanager
def gunicorn(port: int, env: dict, *options: str):
    """Run gunicorn on 127.0.0.1:port until the block ends, once /healthz answers."""
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "portal.wsgi",
         "--bind", f"127.0.0.1:{port}", "--log-level", "warning", *options],
        cwd=ROOT, env=env,
    )  # fmt: skip
    try:
        for _ in range(150):
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                connection.request("GET", "/healthz")
                if connection.getresponse().status == 200:
                    break
            except OSError:
                pass
            time.sleep(0.2)
        else:
            raise RuntimeError("gunicorn did not start")
        yield server
    finally:
        server.terminate()
        server.wait(30)
