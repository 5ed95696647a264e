"""The API token page of the profile: a signed-in person sees whether a token is live (never its key), issues
one with a scope (the key shown once, never cached), and revokes it; each is a recorded security event."""

import logging
import re

import pytest
from django.urls import reverse
from knox.models import AuthToken
from rest_framework.test import APIClient

from accounts.tokens import api_token_issue
from tests.factories import UserFactory
from tests.factories.accounts import DEFAULT_PASSWORD

pytestmark = pytest.mark.django_db
PAGE = "/accounts/profile/api-token/"


def _key(response) -> str:
    found = re.search(r'id="token-key" type="text" value="([^"]+)"', response.content.decode())
    return found.group(1) if found else ""


def test_the_profile_links_to_the_page_which_says_there_is_no_token(client):
    client.force_login(UserFactory())
    assert PAGE in client.get(reverse("profile")).content.decode()
    response = client.get(PAGE)
    assert response.status_code == 200
    assert "You have no API token in use." in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_issuing_shows_the_key_once_and_it_reads_but_does_not_write(client, caplog):
    user = UserFactory()
    client.force_login(user)
    with caplog.at_level(logging.INFO, logger="accounts.security"):
        response = client.post(PAGE, {"scope": "read", "password": DEFAULT_PASSWORD})
    assert response.status_code == 200  # rendered, not redirected: the key is in no address
    assert "no-store" in response["Cache-Control"]
    key = _key(response)
    assert key and "Read only" in response.content.decode()
    assert f"api_token_issued user={user.pk}" in caplog.text and key not in caplog.text
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert api.get("/api/v1/notifications/").status_code == 200
    assert api.post("/api/v1/notifications/read-all/").status_code == 403
    again = client.get(PAGE)
    assert key not in again.content.decode() and _key(again) == ""
    assert "Read only" in again.content.decode() and "Revoke this token" in again.content.decode()


def test_a_read_write_token_writes_and_a_new_one_revokes_the_previous(client):
    user = UserFactory()
    client.force_login(user)
    first = _key(client.post(PAGE, {"scope": "read", "password": DEFAULT_PASSWORD}))
    second = _key(client.post(PAGE, {"scope": "read_write", "password": DEFAULT_PASSWORD}))
    assert first != second and AuthToken.objects.filter(user=user).count() == 1
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {first}")
    assert api.get("/api/v1/notifications/").status_code == 401
    api.credentials(HTTP_AUTHORIZATION=f"Token {second}")
    assert api.post("/api/v1/notifications/read-all/").status_code == 200
    assert "Read and write" in client.get(PAGE).content.decode()


def test_an_unknown_scope_is_refused_on_the_form(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(PAGE, {"scope": "admin", "password": DEFAULT_PASSWORD})
    assert response.status_code == 200 and _key(response) == ""
    assert not AuthToken.objects.filter(user=user).exists()


def test_revoking_stops_the_token_and_is_recorded(client, caplog):
    user = UserFactory()
    key = api_token_issue(user=user)
    client.force_login(user)
    with caplog.at_level(logging.INFO, logger="accounts.security"):
        response = client.post(reverse("profile-api-token-revoke"), follow=True)
    assert "Your API token is revoked" in response.content.decode()
    assert "You have no API token in use." in response.content.decode()
    assert f"api_tokens_revoked user={user.pk}" in caplog.text
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert api.get("/api/v1/notifications/").status_code == 401


def test_issuing_is_rate_limited_and_needs_the_csrf_token(settings):
    from django.test import Client

    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "accounts.api_token": {"user": (2, 3600)}}
    user = UserFactory()
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(user)
    assert strict.post(PAGE, {"scope": "read", "password": DEFAULT_PASSWORD}).status_code == 403
    assert not AuthToken.objects.filter(user=user).exists()
    client = Client()
    client.force_login(user)
    assert _key(client.post(PAGE, {"scope": "read", "password": DEFAULT_PASSWORD}))
    assert _key(client.post(PAGE, {"scope": "read", "password": DEFAULT_PASSWORD}))
    refused = client.post(PAGE, {"scope": "read", "password": DEFAULT_PASSWORD})
    assert _key(refused) == "" and "too many times" in refused.content.decode()


def test_anonymous_visitors_go_to_sign_in(client):
    assert client.get(PAGE)["Location"].startswith(reverse("account_login"))
    assert client.post(reverse("profile-api-token-revoke"))["Location"].startswith(reverse("account_login"))


def test_a_token_issued_through_the_api_is_recorded_too(caplog, sign_in_slate):
    from tests.factories.accounts import DEFAULT_PASSWORD

    user = UserFactory()
    with caplog.at_level(logging.INFO, logger="accounts.security"):
        answer = APIClient().post("/api/v1/auth/token/", {"email": user.email, "password": DEFAULT_PASSWORD})
    assert answer.status_code == 200
    assert f"api_token_issued user={user.pk}" in caplog.text and "via=api" in caplog.text
    assert answer.json()["token"] not in caplog.text


def test_a_session_alone_issues_no_token_the_password_is_asked(client):
    """A borrowed or stolen session cannot turn itself into a token that outlives it."""
    user = UserFactory()
    client.force_login(user)
    for data in ({"scope": "read_write"}, {"scope": "read_write", "password": "not-the-password"}):
        response = client.post(PAGE, data)
        assert response.status_code == 200 and _key(response) == ""
    assert "This is not your password." in response.content.decode()
    assert not AuthToken.objects.filter(user=user).exists()
