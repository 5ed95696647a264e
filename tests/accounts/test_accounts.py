import re

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from accounts.models import User
from accounts.services import SUPPORT_UNIT_GROUP, user_set_role
from tests.factories import MemberFactory, UserFactory
from tests.factories.accounts import DEFAULT_PASSWORD

pytestmark = pytest.mark.django_db


def _link(mail) -> str:
    """The path of the link in an e-mail, which is on the portal's public address."""
    return re.search(re.escape(settings.SITE_URL) + r"(/\S+)", mail.body).group(1)


def test_registration_needs_a_verified_email_then_logs_in(client, mailoutbox, django_capture_on_commit_callbacks):
    """Register, receive the verification e-mail through the outbox, confirm, and be signed in."""
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("account_signup"),
            {
                "email": "Amina@Example.org",
                "password1": "a-strong-passphrase-42",
                "password2": "a-strong-passphrase-42",
                "full_name": "Amina Bello",
                "organisation_name": "Open Kaduna",
            },
        )
    assert response.status_code == 302
    user = User.objects.get(email="amina@example.org")
    assert user.full_name == "Amina Bello" and user.organisation.name == "Open Kaduna"
    assert user.role == User.Role.PARTICIPANT
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["amina@example.org"]

    # Not verified yet: signing in is held at the verification step.
    client.logout()
    client.post(reverse("account_login"), {"login": "amina@example.org", "password": "a-strong-passphrase-42"})
    assert "_auth_user_id" not in client.session

    confirm_url = _link(mailoutbox[0])
    assert client.get(confirm_url).status_code == 200
    client.post(confirm_url)
    assert user.emailaddress_set.get().verified
    assert client.session["_auth_user_id"] == str(user.pk)


def test_registration_errors_are_explained_and_create_nothing(client):
    response = client.post(
        reverse("account_signup"), {"email": "not-an-email", "password1": "short", "password2": "other"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Enter a valid email address." in page and "This field is required." in page
    assert not User.objects.exists()


def test_password_reset_sends_a_working_link(client, mailoutbox, django_capture_on_commit_callbacks):
    user = UserFactory(email="reset@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_reset_password"), {"email": "reset@example.org"})
    assert len(mailoutbox) == 1
    response = client.get(_link(mailoutbox[0]), follow=True)
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else _link(mailoutbox[0])
    client.post(form_url, {"password1": "a-new-passphrase-77", "password2": "a-new-passphrase-77"})
    user.refresh_from_db()
    assert user.check_password("a-new-passphrase-77")


def test_login_and_logout(client):
    UserFactory(email="poc@example.org")
    client.post(reverse("account_login"), {"login": "poc@example.org", "password": DEFAULT_PASSWORD})
    assert "_auth_user_id" in client.session
    client.post(reverse("account_logout"))
    assert "_auth_user_id" not in client.session


def test_a_point_of_contact_is_always_linked_to_a_member():
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create_user(email="x@example.org", role=User.Role.POINT_OF_CONTACT)
    with pytest.raises(ValidationError, match="linked to a member"):
        user_set_role(user=UserFactory(), role=User.Role.POINT_OF_CONTACT, member=None)


def test_support_staff_role_opens_the_admin_and_leaving_it_closes_it():
    user = UserFactory()
    user_set_role(user=user, role=User.Role.SUPPORT_STAFF)
    assert user.is_staff and user.groups.filter(name=SUPPORT_UNIT_GROUP).exists()
    assert user.has_perm("commitments.change_member")
    member = MemberFactory()
    user_set_role(user=user, role=User.Role.POINT_OF_CONTACT, member=member)
    user = User.objects.get(pk=user.pk)
    assert not user.is_staff and not user.groups.exists() and user.member == member
    assert not user.has_perm("commitments.change_member")


def test_support_unit_group_holds_the_portal_permissions():
    group = Group.objects.get(name=SUPPORT_UNIT_GROUP)
    labels = set(group.permissions.values_list("content_type__app_label", flat=True))
    assert {"accounts", "commitments", "account"} <= labels
    assert "auth" not in labels


def test_profile_saves_the_name_and_the_notifications_page_turns_emails_off(client):
    user = UserFactory()
    client.force_login(user)
    client.post(reverse("profile"), {"full_name": "New Name"})
    client.post(reverse("notification-preferences"), {})  # the switch unticked
    user.refresh_from_db()
    assert user.full_name == "New Name" and user.notifications_enabled is False
