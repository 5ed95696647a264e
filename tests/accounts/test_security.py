"""Accounts and headers: sign-in throttling, staff session expiry, CSP without inline scripts, audit history."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from tests.factories import CommitmentFactory, UserFactory
from tests.factories.accounts import DEFAULT_PASSWORD

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("sign_in_slate")]
ROOT = Path(__file__).resolve().parents[2]


def _admin_login(client, email, password, ip="10.0.0.1"):
    return client.post("/admin/login/?next=/admin/", {"username": email, "password": password}, REMOTE_ADDR=ip)


def test_an_account_is_locked_after_five_failures_even_with_the_right_password(client):
    staff = UserFactory(staff=True, email="staff@example.org")
    for attempt in range(5):
        _admin_login(client, staff.email, "wrong", ip=f"10.0.1.{attempt}")  # five different addresses
    response = _admin_login(client, staff.email, DEFAULT_PASSWORD, ip="10.0.9.9")
    assert response.status_code == 429
    assert "Too many failed sign-in attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_an_address_is_locked_after_its_own_higher_limit_of_failures_on_any_accounts(client):
    victim = UserFactory(staff=True, email="victim@example.org")
    for attempt in range(settings.LOGIN_ADDRESS_FAILURE_LIMIT - 1):
        _admin_login(client, f"guess{attempt}@example.org", "wrong", ip="10.0.2.2")
    assert _admin_login(client, victim.email, DEFAULT_PASSWORD, ip="10.0.2.2").status_code == 302
    client.logout()
    for attempt in range(2):
        _admin_login(client, f"again{attempt}@example.org", "wrong", ip="10.0.2.2")
    assert _admin_login(client, victim.email, DEFAULT_PASSWORD, ip="10.0.2.2").status_code == 429
    assert _admin_login(client, victim.email, DEFAULT_PASSWORD, ip="10.0.3.3").status_code == 302


def test_the_public_sign_in_and_the_api_token_are_throttled_too(client):
    user = UserFactory(email="amina@example.org")
    for _ in range(5):
        client.post(reverse("account_login"), {"login": user.email, "password": "wrong"}, REMOTE_ADDR="10.0.4.4")
    client.post(reverse("account_login"), {"login": user.email, "password": DEFAULT_PASSWORD}, REMOTE_ADDR="10.0.5.5")
    assert "_auth_user_id" not in client.session
    token = client.post(
        "/api/v1/auth/token/",
        {"email": user.email, "password": DEFAULT_PASSWORD},
        content_type="application/json",
        REMOTE_ADDR="10.0.6.6",
    )
    assert token.status_code in (400, 429) and "token" not in token.json()


def test_staff_sessions_expire_after_a_short_idle_time(client):
    staff = UserFactory(staff=True)
    client.force_login(staff)
    client.get("/")
    assert client.session.get_expiry_age() == settings.STAFF_SESSION_IDLE_SECONDS
    participant_client = client.__class__()
    participant_client.force_login(UserFactory())
    participant_client.get("/")
    assert participant_client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE


def test_pages_carry_a_content_security_policy_without_inline_scripts(client):
    policy = client.get("/")["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]


def test_no_template_has_an_inline_script_or_event_handler():
    """The policy forbids inline scripts: every behaviour lives in a static file."""
    offenders = []
    for path in (ROOT / "templates").rglob("*.html"):
        text = path.read_text()
        for match in re.finditer(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", text):
            offenders.append(f"{path.relative_to(ROOT)}: {match.group(0)}")
        for match in re.finditer(r"\son[a-z]+\s*=\s*[\"']", text):
            offenders.append(f"{path.relative_to(ROOT)}: {match.group(0).strip()}")
    assert not offenders


def test_changes_by_a_point_of_contact_are_kept_in_the_history(client):
    commitment = CommitmentFactory(title="Before")
    contact = UserFactory(point_of_contact_of=commitment.action_plan.member)
    client.force_login(contact)
    client.post(
        reverse("commitments:workspace-commitment-update", args=[commitment.pk]), {"number": "1", "title": "After"}
    )
    latest = commitment.history.first()
    assert latest.title == "After" and latest.history_user == contact
    assert commitment.history.last().title == "Before"
    staff = UserFactory(staff=True)
    client.force_login(staff)
    history_page = client.get(reverse("admin:commitments_commitment_history", args=[commitment.pk]))
    assert history_page.status_code == 200 and str(contact) in history_page.content.decode()
