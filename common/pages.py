"""Site-wide pages that belong to no app: the health check and the 400/404 handlers (JSON under /api/)."""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.db import connection
from django.http import JsonResponse
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext
from django.views import defaults

from common.api.errors import error_json
from common.middleware import error_response


def healthz(request):
    """Liveness and database check for load balancers and docker-compose."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def bad_request(request, exception=None):
    """A request Django could not read: JSON under /api/ (the API's error format), the HTML page elsewhere.

    Form fields over DATA_UPLOAD_MAX_MEMORY_SIZE are a body too large (413), said with the limit.
    """
    if isinstance(exception, RequestDataTooBig):
        detail = gettext(
            "The fields of this request take more than %(limit)s (files apart), the most accepted. Nothing was saved."
        ) % {"limit": filesizeformat(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)}
        return error_response(request, 413, "request_too_large", detail, gettext("Request too large"))
    if request.path.startswith("/api/"):
        detail = gettext("The portal could not read this request. Nothing was saved: go back and try again.")
        return error_json(400, "bad_request", detail)
    return defaults.bad_request(request, exception)


def page_not_found(request, exception=None):
    """JSON under /api/ (the API's error format), the HTML page elsewhere."""
    if request.path.startswith("/api/"):
        return error_json(404, "not_found", "Not found.")
    return defaults.page_not_found(request, exception)
