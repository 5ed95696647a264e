"""The Content-Security-Policy header built once is the one django-csp builds for each response."""

import pytest
from csp.constants import HEADER, HEADER_REPORT_ONLY, NONCE
from csp.decorators import csp_exempt, csp_update
from csp.middleware import CSPMiddleware
from csp.utils import build_policy
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from common.csp import ConstantCSPMiddleware


def directives(header: str) -> dict[str, list[str]]:
    parts = (part.strip().split() for part in header.split(";") if part.strip())
    return {words[0]: words[1:] for words in parts}


def both(view, path="/members/"):
    """The response of `view` through django-csp's own middleware and through the portal's."""
    responses = []
    for middleware in (CSPMiddleware(view), ConstantCSPMiddleware(view)):
        responses.append(middleware(RequestFactory().get(path)))
    return responses


def test_page_header_is_the_configured_policy(client, db):
    response = client.get("/members/")
    assert response[HEADER] == build_policy()
    assert directives(response[HEADER])["script-src"] == ["'self'"]
    assert directives(response[HEADER])["frame-ancestors"] == ["'none'"]
    assert HEADER_REPORT_ONLY not in response


@pytest.mark.parametrize(
    "view",
    [
        lambda request: HttpResponse("plain"),
        csp_update({"img-src": ["https://tiles.example.org"]})(lambda request: HttpResponse("map")),
        csp_exempt()(lambda request: HttpResponse("exempt")),
        lambda request: HttpResponse(f"nonce {request.csp_nonce}"),
    ],
    ids=["constant", "updated by the view", "exempt", "nonce"],
)
def test_same_header_as_django_csp(view):
    reference, constant = both(view)
    if reference.get(HEADER) is None:
        assert constant.get(HEADER) is None
    else:
        assert directives(constant[HEADER]) == directives(reference[HEADER])
    assert constant.get(HEADER_REPORT_ONLY) == reference.get(HEADER_REPORT_ONLY)


def test_nonce_is_in_the_header_of_the_response_that_used_it():
    policy = {"DIRECTIVES": {"default-src": ["'self'"], "script-src": ["'self'", NONCE]}}
    with override_settings(CONTENT_SECURITY_POLICY=policy):
        _reference, constant = both(lambda request: HttpResponse(f"nonce {request.csp_nonce}"))
        nonce = constant.content.decode().split()[-1]
        assert f"'nonce-{nonce}'" in constant[HEADER]
        _reference, constant = both(lambda request: HttpResponse("no nonce used"))
        assert "nonce-" not in constant[HEADER]


def test_changed_settings_give_the_new_policy():
    reference_only = {"DIRECTIVES": {"default-src": ["'self'"], "report-uri": "/csp-report/"}}
    with override_settings(CONTENT_SECURITY_POLICY_REPORT_ONLY=reference_only):
        reference, constant = both(lambda request: HttpResponse("plain"))
        assert constant[HEADER_REPORT_ONLY] == reference[HEADER_REPORT_ONLY]
        assert "report-uri /csp-report/" in constant[HEADER_REPORT_ONLY]
    _reference, constant = both(lambda request: HttpResponse("plain"))
    assert HEADER_REPORT_ONLY not in constant


def test_excluded_prefix_gets_no_header():
    policy = {"EXCLUDE_URL_PREFIXES": ["/admin/"], "DIRECTIVES": {"default-src": ["'self'"]}}
    with override_settings(CONTENT_SECURITY_POLICY=policy):
        reference, constant = both(lambda request: HttpResponse("admin"), path="/admin/login/")
        assert HEADER not in reference and HEADER not in constant
