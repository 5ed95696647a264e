import logging

from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest
from django.template.loader import render_to_string

from common.api.errors import error_json
from common.cache import one_version_per_request

logger = logging.getLogger(__name__)


class ContentVersionMiddleware:
    """The content version is read once per request (common.cache), not once per fragment and filter."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with one_version_per_request():
            return self.get_response(request)


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
            return error_json(400, "parse_error", detail)
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
            response = error_json(503, "unavailable", "The service is briefly unavailable.")
        else:
            response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = "30"
        return response


# Views that take file uploads, with who may send them a large body and the setting that sizes it.
UPLOAD_VIEWS = {
    "consultations:proposal-create": ("is_authenticated", "REQUEST_BODY_UPLOAD_MAX_BYTES"),
    "consultations:proposal-update": ("is_authenticated", "REQUEST_BODY_UPLOAD_MAX_BYTES"),
    "grants:application-create": ("is_authenticated", "REQUEST_BODY_UPLOAD_MAX_BYTES"),
    "grants:application-update": ("is_authenticated", "REQUEST_BODY_UPLOAD_MAX_BYTES"),
    "support:request-create": ("is_authenticated", "REQUEST_BODY_UPLOAD_MAX_BYTES"),
    "support:request-note": ("is_authenticated", "REQUEST_BODY_UPLOAD_MAX_BYTES"),
    "monitoring:report-create": ("is_authenticated", "REQUEST_BODY_UPLOAD_MAX_BYTES"),
    "monitoring:report-update": ("is_authenticated", "REQUEST_BODY_UPLOAD_MAX_BYTES"),
    "api:monitoringreport-list": ("is_authenticated", "REQUEST_BODY_UPLOAD_MAX_BYTES"),
    "api:assistancerequest-list": ("is_authenticated", "REQUEST_BODY_UPLOAD_MAX_BYTES"),
    "api:assistancerequest-notes": ("is_authenticated", "REQUEST_BODY_UPLOAD_MAX_BYTES"),
    "api:grantapplication-list": ("is_authenticated", "REQUEST_BODY_UPLOAD_MAX_BYTES"),
    "api:grantapplication-detail": ("is_authenticated", "REQUEST_BODY_UPLOAD_MAX_BYTES"),
    "admin:irm_reports_importrun_add": ("is_staff", "REQUEST_BODY_IMPORT_MAX_BYTES"),
}


def request_body_limit(request) -> int:
    """The largest body this request may carry: REQUEST_BODY_MAX_BYTES, unless it goes to an upload view
    and comes from someone allowed to upload there (signed in; staff for the IRM import)."""
    from django.contrib.auth import get_user
    from django.urls import Resolver404, resolve

    try:
        view_name = resolve(request.path_info).view_name
    except Resolver404:
        view_name = ""
    if view_name in UPLOAD_VIEWS:
        attribute, setting = UPLOAD_VIEWS[view_name]
        user = get_user(request)
        if user.is_active and getattr(user, attribute):
            return max(getattr(settings, setting), settings.REQUEST_BODY_MAX_BYTES)
    return settings.REQUEST_BODY_MAX_BYTES


class RequestBodyLimitMiddleware:
    """Refuse a request body larger than it may be before anything reads it (nothing is spooled to disk).

    The size is the declared Content-Length: Django never reads past it. A body without one (chunked
    transfer) would be read as empty, so it is refused with 411 rather than silently dropped.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self._refusal(request) or self.get_response(request)

    def _refusal(self, request):
        from django.template.defaultfilters import filesizeformat
        from django.utils.translation import gettext as _

        declared = request.META.get("CONTENT_LENGTH", "").strip()
        if not declared:
            if request.META.get("HTTP_TRANSFER_ENCODING", "").strip().lower() in ("", "identity"):
                return None
            detail = _("The request's body has no declared length (Content-Length); send it with one.")
            return error_response(request, 411, "length_required", detail, _("Length required"))
        try:
            size = int(declared)
        except ValueError:
            size = -1
        if size < 0:
            detail = _("The request's declared length (Content-Length) is not a number of bytes.")
            return error_response(request, 400, "parse_error", detail, _("Bad request"))
        if size <= settings.REQUEST_BODY_MAX_BYTES:
            return None
        limit = request_body_limit(request)
        if size <= limit:
            return None
        logger.warning("Refused a body of %d bytes (limit %d) for %s %s", size, limit, request.method, request.path)
        detail = _("This request is %(size)s; the portal accepts at most %(limit)s here. Nothing was saved.") % {
            "size": filesizeformat(size),
            "limit": filesizeformat(limit),
        }
        return error_response(request, 413, "request_too_large", detail, _("Request too large"))


def error_response(request, status: int, code: str, detail: str, title: str):
    """The API's error format under /api/, the portal's plain error page elsewhere."""
    if request.path.startswith("/api/"):
        response = error_json(status, code, detail)
    else:
        html = render_to_string("request_error.html", {"title": title, "detail": detail}, request=request)
        response = HttpResponse(html, status=status)
    return response
