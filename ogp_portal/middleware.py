import logging

from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)


class StaffSessionExpiryMiddleware:
    """Support staff hold wide powers: their session ends after a short idle time (sliding)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.is_staff:
            request.session.set_expiry(settings.STAFF_SESSION_IDLE_SECONDS)
        return self.get_response(request)


class RejectNulBytesMiddleware:
    """A NUL character in the query string or in a form's fields is never legitimate: 400, before any view.

    PostgreSQL cannot store or compare text containing NUL, so such a value would otherwise reach a
    filter or a lookup and fail there. File uploads (multipart) are not inspected: their bytes are
    checked by the upload service.
    """

    FORM = "application/x-www-form-urlencoded"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._has_nul(request):
            return self._bad_request(request)
        return self.get_response(request)

    def _has_nul(self, request) -> bool:
        if "\x00" in request.path or _any_nul(request.GET):
            return True
        if request.method == "POST" and request.content_type == self.FORM:
            return _any_nul(request.POST)
        return False

    def _bad_request(self, request):
        from django.utils.translation import gettext as _

        detail = _("The request contains a NUL character, which no field accepts.")
        if request.path.startswith("/api/"):
            return JsonResponse({"status": 400, "code": "parse_error", "detail": detail, "errors": {}}, status=400)
        return HttpResponseBadRequest(render_to_string("400.html", request=request))


def _any_nul(query_dict) -> bool:
    return any("\x00" in key or any("\x00" in value for value in values) for key, values in query_dict.lists())


class DatabaseUnavailableMiddleware:
    """A lost or refused database connection gives a clear 503, not a 500; the next request reconnects.

    The request's transaction (ATOMIC_REQUESTS) is already rolled back by then, so nothing is half-written.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        from django.db import InterfaceError, OperationalError, connections

        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        logger.warning("Database unavailable during %s %s: %s", request.method, request.path, exception)
        for connection in connections.all():
            connection.close_if_unusable_or_obsolete()
        if request.path.startswith("/api/"):
            response = JsonResponse(
                {"status": 503, "code": "unavailable", "detail": "The service is briefly unavailable.", "errors": {}},
                status=503,
            )
        else:
            response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = "30"
        return response
