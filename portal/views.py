"""The site shell: home page, health check, and the answers when the database is away."""

import sys

from django.db import InterfaceError, OperationalError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers
from django.utils.log import log_response
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


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
        error = f"database unreachable ({type(exc).__name__})"
        response = JsonResponse({"status": "error", "database": None, "error": error}, status=503)
        # One line, and Django does not log the 503 again.
        log_response(
            "Health check failed: %s: %s",
            type(exc).__name__,
            first_line(exc),
            response=response,
            request=request,
            level="warning",
        )
        return response
    return JsonResponse({"status": "ok", "database": version})


# Raised when the database server cannot be reached (down, restarting, connection lost), and
# for other transient server-side failures (a deadlock, a cancelled statement): worth a retry.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 5


def database_unavailable(request: HttpRequest, exception: Exception) -> HttpResponse:
    """503 "temporarily unavailable", logged as one line without a traceback.

    The page is rendered without the request, so no context processor can touch the database
    (request.user, messages)."""
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    # Marks the response as logged, so Django does not log it again (with the traceback).
    log_response(
        "database unavailable: %s %s (%s: %s)",
        request.method,
        request.get_full_path(),
        type(exception).__name__,
        first_line(exception),
        response=response,
        request=request,
        level="warning",
    )
    return response


def first_line(exception: Exception) -> str:
    """The first non-blank line of an exception's message (libpq's run over several)."""
    return next((line.strip() for line in str(exception).splitlines() if line.strip()), "")


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: 503 when the database is unavailable (an error raised outside a view, which
    `DatabaseUnavailableMiddleware` does not see), else Django's 500 page."""
    exception = sys.exc_info()[1]
    if isinstance(exception, DATABASE_UNAVAILABLE):
        return database_unavailable(request, exception)
    return defaults.server_error(request)
