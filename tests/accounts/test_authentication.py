"""Sign-in as an attacker sees it: the client address behind proxies, the lockout shared by the web form
and the API token endpoint, and what a refused token request reveals."""

import re

import pytest
from django.test import RequestFactory
from django.urls import reverse
from rest_framework.test import APIClient

from common.ratelimit import client_ip
from tests.factories import UserFactory
from tests.factories.accounts import DEFAULT_PASSWORD

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("sign_in_slate")]
TOKEN_URL = "/api/v1/auth/token/"


def _web_login(client, email, password, **meta):
    client.post(reverse("account_login"), {"login": email, "password": password}, **meta)
    signed_in = "_auth_user_id" in client.session
    client.logout()
    return signed_in


def _api_token(email, password, **meta):
    response = APIClient().post(TOKEN_URL, {"email": email, "password": password}, format="json", **meta)
    return response


def test_the_client_address_ignores_a_forged_forwarded_for_without_proxies(settings):
    """PROXY_COUNT=0: X-Forwarded-For is the client's own writing and is ignored; behind one proxy the
    address that proxy appended is the client's, whatever the client put before it."""
    forged = RequestFactory().get("/", REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR="203.0.113.1")
    settings.PROXY_COUNT = 0
    assert client_ip(forged) == "198.51.100.7"
    settings.PROXY_COUNT = 1
    behind_proxy = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.7")
    assert client_ip(behind_proxy) == "198.51.100.7"
    garbage = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, <script>")
    assert client_ip(garbage) == "10.0.0.1"


def test_password_guessing_through_the_api_locks_the_account(settings):
    """The failures of POST /api/v1/auth/token/ are kept although the request answers 400: after five
    wrong passwords even the right one gets no token."""
    user = UserFactory(email="amina@example.org")
    for _ in range(5):
        assert _api_token(user.email, "wrong", REMOTE_ADDR="10.0.6.6").status_code == 400
    refused = _api_token(user.email, DEFAULT_PASSWORD, REMOTE_ADDR="10.0.6.6")
    assert refused.status_code in (400, 429) and "token" not in refused.json()


def test_the_token_endpoint_throttle_cannot_be_dodged_with_x_forwarded_for(settings):
    """Without trusted proxies a new X-Forwarded-For on each request is still the same client."""
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "auth": "3/minute"},
    }
    settings.PROXY_COUNT = 0
    statuses = [
        _api_token(
            f"n{i}@example.org", "wrong", REMOTE_ADDR="10.0.7.7", HTTP_X_FORWARDED_FOR=f"203.0.113.{i}"
        ).status_code
        for i in range(4)
    ]
    assert statuses == [400, 400, 400, 429]


def test_web_and_api_failures_count_against_the_same_account(client):
    """Three wrong passwords on the web form and two through the API, from five addresses, lock the account."""
    user = UserFactory(email="bruno@example.org")
    for attempt in range(3):
        assert not _web_login(client, user.email, "wrong", REMOTE_ADDR=f"10.0.8.{attempt}")
    for attempt in range(2):
        assert _api_token(user.email, "wrong", REMOTE_ADDR=f"10.0.9.{attempt}").status_code == 400
    assert not _web_login(client, user.email, DEFAULT_PASSWORD, REMOTE_ADDR="10.0.10.1")
    assert "token" not in _api_token(user.email, DEFAULT_PASSWORD, REMOTE_ADDR="10.0.10.2").json()


def test_a_token_obtained_with_the_right_password_clears_the_accounts_failures_as_the_web_form_does():
    """Signing in through the API is a sign-in: the account's earlier failures stop counting."""
    user = UserFactory(email="carla@example.org")
    for _round in range(2):
        for attempt in range(4):
            assert _api_token(user.email, "wrong", REMOTE_ADDR=f"10.0.16.{attempt}").status_code == 400
        assert _api_token(user.email, DEFAULT_PASSWORD, REMOTE_ADDR="10.0.16.9").status_code == 200
    user.refresh_from_db()
    assert user.last_login


def test_one_attacker_address_does_not_lock_out_the_people_sharing_a_proxy_or_another_address(client, settings):
    """Failures on many accounts from one address lock that address only once they reach the address
    limit; before it, other people at that address still sign in, and after it, people elsewhere do."""
    settings.LOGIN_ADDRESS_FAILURE_LIMIT = 12
    colleague = UserFactory(email="colleague@example.org")
    elsewhere = UserFactory(email="elsewhere@example.org")
    for attempt in range(6):  # more than an account's limit, spread over accounts
        _web_login(client, f"guess{attempt}@example.org", "wrong", REMOTE_ADDR="10.0.11.1")
    assert _web_login(client, colleague.email, DEFAULT_PASSWORD, REMOTE_ADDR="10.0.11.1")
    for attempt in range(6, 12):
        _api_token(f"guess{attempt}@example.org", "wrong", REMOTE_ADDR="10.0.11.1")
    assert not _web_login(client, colleague.email, DEFAULT_PASSWORD, REMOTE_ADDR="10.0.11.1")
    assert _web_login(client, elsewhere.email, DEFAULT_PASSWORD, REMOTE_ADDR="10.0.12.1")


def test_behind_one_proxy_two_clients_are_counted_apart(client, settings):
    """PROXY_COUNT=1: every request comes from the proxy's address; the address it appends tells the
    attacker from the participant, whatever the attacker writes in the header."""
    settings.PROXY_COUNT = 1
    settings.LOGIN_ADDRESS_FAILURE_LIMIT = 12  # above allauth's own 10 failures a minute per address
    participant = UserFactory(email="participant@example.org")
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    for attempt in range(12):
        forged = f"203.0.113.{attempt}, 198.51.100.66"  # forged entry first, the proxy's entry last
        _web_login(client, f"guess{attempt}@example.org", "wrong", HTTP_X_FORWARDED_FOR=forged, **proxy)
    assert not _web_login(client, participant.email, DEFAULT_PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.66", **proxy)
    assert _web_login(client, participant.email, DEFAULT_PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.77", **proxy)


def test_signing_in_to_ones_own_account_does_not_clear_an_address_of_its_failures(client, settings):
    """An attacker cannot reset the count of their address by signing in to their own account."""
    settings.LOGIN_ADDRESS_FAILURE_LIMIT = 8
    attacker = UserFactory(email="attacker@example.org")
    victim = UserFactory(email="victim@example.org")
    for attempt in range(7):
        _web_login(client, f"guess{attempt}@example.org", "wrong", REMOTE_ADDR="10.0.13.1")
    assert _web_login(client, attacker.email, DEFAULT_PASSWORD, REMOTE_ADDR="10.0.13.1")
    _web_login(client, "guess-again@example.org", "wrong", REMOTE_ADDR="10.0.13.1")
    assert not _web_login(client, victim.email, DEFAULT_PASSWORD, REMOTE_ADDR="10.0.13.1")


def test_an_unverified_account_answers_like_a_wrong_password():
    """The token endpoint does not tell a right password on an unverified address from a wrong one."""
    user = UserFactory(email="unverified@example.org")
    user.emailaddress_set.update(verified=False)
    right = _api_token(user.email, DEFAULT_PASSWORD, REMOTE_ADDR="10.0.14.1")
    wrong = _api_token(user.email, "wrong", REMOTE_ADDR="10.0.14.2")
    assert right.status_code == wrong.status_code == 400
    assert right.json() == wrong.json()


def test_the_web_sign_in_answers_an_unknown_address_like_a_wrong_password(client):
    """allauth's form does not tell which accounts exist; a right password on an unverified address
    leads to its standard "verify your e-mail" step, which sends the link to the address's owner."""
    UserFactory(email="known@example.org")
    pages = []
    for email in ("known@example.org", "unknown@example.org"):
        response = client.post(reverse("account_login"), {"login": email, "password": "wrong"}, REMOTE_ADDR="10.0.15.1")
        pages.append((response.status_code, _errors(response.content.decode())))
    assert pages[0] == pages[1] and pages[0][0] == 200 and pages[0][1]


def _errors(page: str) -> list[str]:
    return re.findall(r'class="[^"]*error[^"]*"[^>]*>(.*?)<', page, flags=re.S)
