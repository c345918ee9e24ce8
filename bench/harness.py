"""Shared set-up for benchmark scripts: Django on a throwaway database of the same server."""

import os
import sys
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


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
