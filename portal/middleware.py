"""Middleware of the site shell."""

from django.http import HttpRequest, HttpResponse

from portal.views import DATABASE_UNAVAILABLE, database_unavailable


class DatabaseUnavailableMiddleware:
    """A view that cannot reach the database answers 503 "temporarily unavailable" (logged in
    one line) instead of 500 with a traceback. Errors raised outside views (in middleware) get
    the same answer from `portal.views.server_error`, the handler500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, DATABASE_UNAVAILABLE):
            return database_unavailable(request, exception)
        return None
