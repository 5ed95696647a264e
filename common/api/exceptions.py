"""One error format for the whole API: {"status", "code", "detail", "errors"}."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.serializers import as_serializer_error
from rest_framework.views import exception_handler as drf_exception_handler

from common.api.errors import error_body
from common.ratelimit import RateLimited


def exception_handler(exc, context):
    """Field errors keyed by field name; services' ValidationErrors become 400 like serializer errors."""
    if isinstance(exc, RateLimited):
        exc = exceptions.Throttled(wait=getattr(exc, "wait", None), detail=exc.messages[0], code="rate_limited")
    elif isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(detail=as_serializer_error(exc))
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        errors = flat_errors(response.data)
        detail = _("Invalid input.")
        code = "invalid"
    else:
        errors = {}
        detail = response.data.get("detail", "") if isinstance(response.data, dict) else str(response.data)
        code = getattr(exc, "default_code", "error")
        codes = exc.get_codes() if hasattr(exc, "get_codes") else None
        if isinstance(codes, str):
            code = codes
    response.data = error_body(response.status_code, code, detail, errors)
    return response


def flat_errors(data, prefix: str = "") -> dict[str, list[str]]:
    """Field errors as the schema declares them, {field: [message]}: the errors of a nested serializer or of a
    list's items get dotted keys ("evidence.0", "lines.2.amount") instead of nested objects."""
    if isinstance(data, dict):
        flat = {}
        for key, value in data.items():
            flat.update(flat_errors(value, f"{prefix}.{key}" if prefix else str(key)))
        return flat
    if isinstance(data, list) and any(isinstance(item, (dict, list)) for item in data):
        flat = {}
        for index, item in enumerate(data):
            if item:
                flat.update(flat_errors(item, f"{prefix}.{index}" if prefix else str(index)))
        return flat
    messages = data if isinstance(data, list) else [data]
    return {prefix or "non_field_errors": [str(message) for message in messages]}


def invalid_input_response(errors: dict) -> Response:
    """A 400 in the API's error format, answered rather than raised: the request's transaction commits.

    For refusals whose record must stay, such as the failed sign-in django-axes has just written.
    """
    return Response(error_body(400, "invalid", _("Invalid input."), errors), status=400)
