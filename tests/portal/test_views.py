import json
import re

from django.contrib.auth import get_user_model
from django.template.loader import render_to_string

from tests.portal.helpers import manage


def test_healthz_reports_the_postgresql_server(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"].startswith("PostgreSQL ")
    assert "no-cache" in response["Cache-Control"]


def test_healthz_is_503_when_the_database_is_unreachable():
    script = (
        "from django.test import Client\n"
        "r = Client().get('/healthz')\n"
        "print(r.status_code)\n"
        "print(r.content.decode())\n"
    )
    # Nothing listens on port 9 (discard) on this machine: the connection is refused.
    result = manage(
        "shell",
        "-c",
        script,
        env={
            "DATABASE_URL": "postgresql://portal:secret@127.0.0.1:9/portal?connect_timeout=2",
            "DJANGO_ALLOWED_HOSTS": "testserver",
        },
    )
    assert result.returncode == 0, result.stderr
    status, body = result.stdout.strip().splitlines()[-2:]
    assert status == "503"
    payload = json.loads(body)
    assert payload["status"] == "error"
    assert payload["database"] is None
    assert "OperationalError" in payload["error"]
    # No credentials leak into the public answer.
    assert "secret" not in body


def test_home_page_renders_the_site_shell(client, db, django_assert_max_num_queries):
    with django_assert_max_num_queries(0):
        response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Prepare for the AWS Certified Developer" in html
    assert 'href="/static/css/site.css"' in html
    assert '<a class="skip-link" href="#main">' in html
    # htmx is vendored and sends the CSRF token: every script is ours, none from a CDN.
    scripts = re.findall(r'<script[^>]*src="([^"]+)"', html)
    assert any("htmx" in src for src in scripts)
    assert all(src.startswith("/static/") for src in scripts)
    assert 'hx-headers=\'{"X-CSRFToken": "' in html


def test_admin_link_is_shown_to_staff_only(client, db):
    assert 'href="/admin/"' not in client.get("/").content.decode()
    staff = get_user_model().objects.create_user("instructor", password="pw", is_staff=True)
    client.force_login(staff)
    assert 'href="/admin/"' in client.get("/").content.decode()


def test_unknown_page_gets_the_site_404(client, db):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert "<code>/no-such-page/</code>" in html


def test_500_page_renders_without_a_request():
    html = render_to_string("500.html")
    assert "Something went wrong" in html
    assert "/static/css/site.css" in html


def test_static_files_are_served_from_the_project(client):
    response = client.get("/static/js/site.js")
    assert response.status_code == 200
