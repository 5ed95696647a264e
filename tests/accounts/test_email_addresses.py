"""One mailbox, one account: every spelling of an address that reaches the same box is the same account."""

import importlib
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Value
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st
from rest_framework.test import APIClient

from accounts.email_address import normalize_email
from accounts.models import User
from accounts.security import login_identifier
from tests.factories import UserFactory
from tests.factories.accounts import DEFAULT_PASSWORD

pytestmark = pytest.mark.django_db

ADDRESS = "amina@example.org"
# What the Django validator lets through and still reaches amina@example.org.
SAME_MAILBOX = [
    "Amina@EXAMPLE.ORG",
    "amina@exam\u00adple.org",  # soft hyphen
    "amina@exa\u200bmple.org",  # zero-width space
    "amina@\uff45xample.org",  # full-width e
    "amina@example.org\u2060",  # word joiner
]


def _signup(client, email, **extra):
    data = {"email": email, "password1": "a-strong-passphrase-42", "password2": "a-strong-passphrase-42"}
    return client.post(reverse("account_signup"), {**data, "full_name": "Someone Else", **extra})


@pytest.mark.parametrize("variant", SAME_MAILBOX)
def test_signing_up_again_with_another_spelling_of_the_mailbox_makes_no_second_account(client, variant):
    """A second sign-up with the same mailbox spelled differently creates no account."""
    UserFactory(email=ADDRESS)
    _signup(client, variant)
    assert User.objects.count() == 1


def test_unicode_and_punycode_domains_are_one_mailbox(client):
    """`bücher.de` and `xn--bcher-kva.de` are the same domain: the address is stored in its ASCII form."""
    _signup(client, "amina@bücher.de")
    assert User.objects.get().email == "amina@xn--bcher-kva.de"
    client.logout()
    _signup(client, "amina@xn--bcher-kva.de")
    _signup(client, "AMINA@B\u00dcCHER.DE")
    assert User.objects.count() == 1


def test_a_domain_that_is_no_domain_name_is_refused(client):
    response = _signup(client, "amina@ex\u2603.org")
    assert response.status_code == 200 and "Enter a valid email address." in response.content.decode()
    assert not User.objects.exists()


@pytest.mark.parametrize("variant", SAME_MAILBOX)
def test_signing_in_with_another_spelling_reaches_the_account(client, variant):
    user = UserFactory(email=ADDRESS)
    client.post(reverse("account_login"), {"login": variant, "password": DEFAULT_PASSWORD})
    assert client.session.get("_auth_user_id") == str(user.pk)


def test_the_api_token_is_the_accounts_whatever_the_spelling():
    UserFactory(email=ADDRESS)
    credentials = {"email": "amina@EXAM\u00adPLE.org", "password": DEFAULT_PASSWORD}
    response = APIClient().post("/api/v1/auth/token/", credentials)
    assert response.status_code == 200, response.content


def test_another_spelling_of_a_taken_address_can_never_be_verified_on_a_second_account(client):
    """An address added on the e-mail page is stored in its normal form, so the address already verified by
    one account cannot be verified again by another one (then made its primary address)."""
    from allauth.account.models import EmailAddress

    UserFactory(email=ADDRESS)
    other = UserFactory(email="other@example.org")
    client.force_login(other)
    client.post(reverse("account_email"), {"action_add": "", "email": "amina@exam\u00adple.org"})
    added = EmailAddress.objects.filter(user=other).exclude(email="other@example.org")
    assert [a.email for a in added] in ([], [ADDRESS])
    assert not any(a.can_set_verified() for a in added)


def test_the_admin_refuses_a_second_account_for_the_same_mailbox(admin_client):
    UserFactory(email=ADDRESS)
    response = admin_client.post(
        reverse("admin:accounts_user_add"),
        {
            "email": "AMINA@exam\u00adple.org",
            "full_name": "Copy",
            "role": "participant",
            "password1": "a-strong-passphrase-42",
            "password2": "a-strong-passphrase-42",
            "usable_password": "true",
        },
    )
    assert response.status_code == 200 and "already exists" in response.content.decode()
    assert User.objects.filter(is_superuser=False).count() == 1


def test_the_admin_stores_the_normal_form(admin_client):
    response = admin_client.post(
        reverse("admin:accounts_user_add"),
        {
            "email": "Nadia@B\u00fccher.DE",
            "full_name": "Nadia",
            "role": "participant",
            "password1": "a-strong-passphrase-42",
            "password2": "a-strong-passphrase-42",
            "usable_password": "true",
        },
    )
    assert response.status_code == 302
    assert User.objects.filter(email="nadia@xn--bcher-kva.de").exists()


def test_ensure_superuser_finds_the_existing_account_whatever_the_spelling(monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a-chosen-passphrase")
    monkeypatch.setenv("DJANGO_SUPERUSER_EMAIL", "chief@example.org")
    call_command("ensure_superuser", stdout=StringIO())
    monkeypatch.setenv("DJANGO_SUPERUSER_EMAIL", "Chief@EXAM\u00adPLE.org")
    call_command("ensure_superuser", stdout=StringIO())
    assert User.objects.count() == 1


def test_createsuperuser_stores_the_normal_form():
    call_command(
        "createsuperuser", interactive=False, email="Root@\uff25xample.org", stdout=StringIO(), stderr=StringIO()
    )
    assert User.objects.get().email == "root@example.org"


def test_accounts_made_in_code_hold_the_normal_form_and_are_found_by_any_spelling():
    """Factories, data imports and shell sessions save through the same field as the forms."""
    user = User.objects.create_user(email="Person@EXAM\u00adPLE.org", password=DEFAULT_PASSWORD)
    made = UserFactory(email="Other@\uff25xample.org")
    assert user.email == "person@example.org" and made.email == "other@example.org"
    assert User.objects.get(email="PERSON@example.org\u200b") == user
    assert made.emailaddress_set.get().email == "other@example.org"


def test_failed_sign_ins_count_against_one_account_whatever_the_spelling(rf):
    """django-axes keys lockouts by this identifier: spelling variants must not escape it."""
    identifiers = {login_identifier(rf.post("/"), {"email": variant}) for variant in [ADDRESS, *SAME_MAILBOX]}
    assert identifiers == {ADDRESS}


# The normal form -----------------------------------------------------------------------------------
INVISIBLE = st.sampled_from(["\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u034f", "\ufe0f"])
LOCAL = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789._-", min_size=1, max_size=20)
LABEL = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=12)


def _disguise(text: str, draw) -> str:
    """The same text with random capitals, full-width letters and invisible characters."""
    out = []
    for char in text:
        if draw(st.booleans()):
            char = char.upper()
        if char.isalpha() and draw(st.booleans()):
            char = chr(ord(char) + 0xFEE0)  # full-width form
        out.append(char)
        if draw(st.booleans()):
            out.append(draw(INVISIBLE))
    return "".join(out)


@given(local=LOCAL, labels=st.lists(LABEL, min_size=2, max_size=3), data=st.data())
def test_every_disguise_of_an_address_has_the_same_normal_form(local, labels, data):
    address = f"{local}@{'.'.join(labels)}"
    disguised = f"{_disguise(local, data.draw)}@{_disguise('.'.join(labels), data.draw)}"
    assert normalize_email(disguised) == normalize_email(address) == address
    assert normalize_email(normalize_email(disguised)) == normalize_email(disguised)


# Existing accounts -------------------------------------------------------------------------------
def _store_raw(user, email):
    """Write an address as an older version of the portal did (a plain value skips the field's normal form)."""
    User.objects.filter(pk=user.pk).update(email=Value(email))
    user.emailaddress_set.update(email=email)


def test_the_migration_normalises_addresses_and_deactivates_the_later_copies_of_a_mailbox():
    """Existing rows get their normal form; a later account of the same mailbox is kept, deactivated and reported."""
    from django.apps import apps

    migration = importlib.import_module("accounts.migrations.0005_email_normal_form")
    first = UserFactory()
    copy = UserFactory()
    alone = UserFactory()
    _store_raw(first, "Amina@Example.org")
    _store_raw(copy, "amina@exam\u00adple.org")
    _store_raw(alone, "Nadia@B\u00fccher.de")
    out = StringIO()
    migration.normalise_emails(apps, None, out=out)

    rows = dict(User.objects.values_list("pk", "email"))
    assert rows[first.pk] == ADDRESS and rows[alone.pk] == "nadia@xn--bcher-kva.de"
    assert rows[copy.pk] == "amina@exam\u00adple.org"  # kept as it was, for the support unit to merge
    assert not User.objects.get(pk=copy.pk).is_active and User.objects.get(pk=first.pk).is_active
    assert list(first.emailaddress_set.values_list("email", flat=True)) == [ADDRESS]
    report = out.getvalue()
    assert f"#{copy.pk}" in report and f"#{first.pk}" in report
