"""API-wide behaviour: tokens, the error format, throttling."""

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    return APIClient()


def test_token_needs_the_right_password_and_a_verified_email(api):
    user = UserFactory(email="a@example.org")
    wrong = api.post("/api/v1/auth/token/", {"email": "a@example.org", "password": "nope"})
    assert wrong.status_code == 400 and wrong.json()["errors"]["non_field_errors"]
    user.emailaddress_set.update(verified=False)
    unverified = api.post("/api/v1/auth/token/", {"email": "a@example.org", "password": "a-long-test-password"})
    assert unverified.status_code == 400 and unverified.json() == wrong.json()  # does not confirm the password
    user.emailaddress_set.update(verified=True)
    first = api.post("/api/v1/auth/token/", {"email": "a@example.org", "password": "a-long-test-password"})
    assert first.status_code == 200 and first.json()["token"]


def test_errors_share_one_format(api):
    for response, status in [
        (api.get("/api/v1/members/", {"kind": "planet"}), 400),
        (api.get("/api/v1/members/999999/"), 404),
        (api.get("/api/v1/members/not-an-id/"), 404),
        (api.post("/api/v1/commitments/1/progress-updates/", {}), 401),
        (api.get("/api/v1/commitments/", {"cursor": "garbage"}), 400),
    ]:
        assert response.status_code == status
        body = response.json()
        assert set(body) == {"status", "code", "detail", "errors"} and body["status"] == status


def test_anonymous_clients_are_throttled_with_retry_after(api, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "3/minute", "user": "5/minute"},
    }
    cache.clear()
    statuses = [api.get("/api/v1/members/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    throttled = api.get("/api/v1/members/")
    assert throttled.status_code == 429 and int(throttled["Retry-After"]) > 0
    assert throttled.json()["code"] == "throttled"
    # Another client (another address) is not affected.
    assert api.get("/api/v1/members/", REMOTE_ADDR="10.1.2.3").status_code == 200


def test_authenticated_users_are_throttled_per_account(api, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "100/minute", "user": "2/minute"},
    }
    cache.clear()
    api.force_authenticate(UserFactory())
    assert [api.get("/api/v1/members/").status_code for _ in range(3)] == [200, 200, 429]
