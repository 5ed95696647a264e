"""The API's error body, {"status", "code", "detail", "errors"}: built here for DRF's exception handler,
the middleware that answers before any view, and the error views."""

from django.http import JsonResponse


def error_body(status: int, code: str, detail, errors: dict | None = None) -> dict:
    """The body of an API error; `errors` holds field errors keyed by field name."""
    return {"status": status, "code": code, "detail": str(detail), "errors": errors or {}}


def error_json(status: int, code: str, detail, errors: dict | None = None) -> JsonResponse:
    """An API error answered outside DRF (middleware, error views)."""
    return JsonResponse(error_body(status, code, detail, errors), status=status)
