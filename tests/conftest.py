from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings

SEED_NOTES = Path(settings.NOTES_DIR)


@pytest.fixture(autouse=True, scope="session")
def _test_settings():
    """Production settings (DEBUG off), except what needs a deployment: collected static
    files with a manifest (WhiteNoise serves the source folders instead), and HTTPS in front
    of the test client. tests/portal/test_settings.py covers the deployed configuration."""
    static = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    with override_settings(
        STORAGES={
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": static,
        },
        STATIC_ROOT=None,
        WHITENOISE_USE_FINDERS=True,
        SECURE_SSL_REDIRECT=False,
    ):
        yield


@pytest.fixture(autouse=True)
def _forget_checked_sessions():
    """Each test starts with an empty memo of checked sessions (portal/auth.py)."""
    from portal import auth

    auth._checked.clear()


@pytest.fixture(scope="module")
def seed_notes(django_db_setup, django_db_blocker):
    """The seed notes (../shared/notes) imported once for a module, committed, and removed
    after it."""
    from content.importer.run import notes_import
    from content.models import Source, Term, Topic

    if not SEED_NOTES.is_dir():
        pytest.skip("../shared/notes is not beside the checkout")
    with django_db_blocker.unblock():
        notes_import(paths=[SEED_NOTES])
    yield SEED_NOTES
    with django_db_blocker.unblock():
        Source.objects.all().delete()
        Topic.objects.all().delete()
        Term.objects.all().delete()
