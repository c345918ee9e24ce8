import pytest
from django.test import override_settings


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
