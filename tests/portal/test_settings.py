import secrets
import subprocess
import sys

from tests.portal.helpers import BASE_DIR, manage

PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_ALLOWED_HOSTS": "portal.example.com",
}


def test_check_deploy_is_clean_in_production():
    env = {**PRODUCTION, "DJANGO_SECRET_KEY": secrets.token_urlsafe(50)}
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_check_deploy_flags_the_development_secret_key():
    env = {**PRODUCTION, "DJANGO_SECRET_KEY": None}
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode != 0
    assert "security.W009" in result.stderr


def test_settings_refuse_a_database_url_that_is_not_postgresql():
    result = manage("check", env={"DATABASE_URL": "sqlite:///portal.sqlite3"})
    assert result.returncode != 0
    assert "PostgreSQL only" in result.stderr


def test_production_serves_hashed_compressed_static_files(tmp_path):
    """collectstatic + WhiteNoise's manifest storage, as `make serve` deploys them."""
    env = {
        **PRODUCTION,
        "DJANGO_ALLOWED_HOSTS": "testserver",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_STATIC_ROOT": str(tmp_path / "static"),
    }
    collected = manage("collectstatic", "--noinput", "-v", "0", env=env)
    assert collected.returncode == 0, collected.stderr
    assert list((tmp_path / "static" / "css").glob("site.*.css.gz"))
    script = (
        "import re\n"
        "from django.test import Client\n"
        "c = Client()\n"
        "html = c.get('/', secure=True).content.decode()\n"
        "css = re.search(r'href=\"(/static/css/site\\.[0-9a-f]{12}\\.css)\"', html).group(1)\n"
        "r = c.get(css, secure=True, headers={'accept-encoding': 'gzip'})\n"
        "print(r.status_code, r.headers.get('Content-Encoding'), r.headers['Cache-Control'])\n"
    )
    result = manage("shell", "-v", "0", "-c", script, env=env)
    assert result.returncode == 0, result.stderr
    status, encoding, cache_control = result.stdout.split(maxsplit=2)
    assert (status, encoding) == ("200", "gzip")
    assert "immutable" in cache_control


def test_gunicorn_workers_freeze_what_they_loaded():
    """portal/gunicorn.conf.py: after a worker loads the app, its objects leave the garbage
    collector's reach (checked in a child process, which then exits)."""
    code = (
        "import gc, runpy, django, os;"
        "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'portal.settings');"
        "django.setup();"
        "config = runpy.run_path('portal/gunicorn.conf.py');"
        "assert config['worker_class'] == 'gthread' and config['reuse_port'];"
        "config['post_worker_init'](None);"
        "print(gc.get_freeze_count())"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=BASE_DIR, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) > 10_000
