"""The API's error body has one builder (common/api/errors.py): DRF's handler, the middleware and the
error views all answer in the same shape."""

import re
from pathlib import Path

from common.api.errors import error_body, error_json
from tests.conftest import PROJECT_PACKAGES

ROOT = Path(__file__).resolve().parents[2]
APPS = PROJECT_PACKAGES
# A dictionary literal with a value for "code" and then one for "errors" (the OpenAPI schema has neither value).
BY_HAND = re.compile(r"""["']code["']\s*:\s*[^{\s][^}]*["']errors["']\s*:""")


def test_the_error_body_is_built_in_one_place():
    """No module but the builder writes the {"status", "code", "detail", "errors"} dictionary by hand."""
    by_hand = [
        str(path.relative_to(ROOT))
        for app in APPS
        for path in (ROOT / app).rglob("*.py")
        if BY_HAND.search(path.read_text()) and path != ROOT / "common/api/errors.py"
    ]
    assert by_hand == []


def test_the_builder_keeps_the_apis_error_format():
    assert error_body(400, "invalid", "Invalid input.", {"name": ["Required."]}) == {
        "status": 400,
        "code": "invalid",
        "detail": "Invalid input.",
        "errors": {"name": ["Required."]},
    }
    response = error_json(503, "unavailable", "The service is briefly unavailable.")
    assert response.status_code == 503 and response["Content-Type"] == "application/json"
    assert response.content == (
        b'{"status": 503, "code": "unavailable", "detail": "The service is briefly unavailable.", "errors": {}}'
    )


def test_nested_field_errors_are_flattened_to_dotted_keys():
    """The schema declares {field: [message]}: a list's or a nested serializer's errors get dotted keys."""
    from common.api.exceptions import flat_errors

    nested = {"evidence": {"0": ["Not a file."]}, "lines": [{}, {"amount": ["Too big."]}], "title": ["Required."]}
    assert flat_errors(nested) == {
        "evidence.0": ["Not a file."],
        "lines.1.amount": ["Too big."],
        "title": ["Required."],
    }
    assert flat_errors(["Wrong."]) == {"non_field_errors": ["Wrong."]}
