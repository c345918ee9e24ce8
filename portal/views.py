"""The site shell: home page and health check."""

import logging

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "home.html")


def database_version() -> str:
    """Ask the database server for its version string (a real round trip)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT version()")
        return cursor.fetchone()[0]


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    try:
        version = database_version()
    except Exception as exc:  # whatever the cause, the database cannot answer
        logger.warning("Health check failed: %s", exc)
        error = f"database unreachable ({type(exc).__name__})"
        return JsonResponse({"status": "error", "database": None, "error": error}, status=503)
    return JsonResponse({"status": "ok", "database": version})
