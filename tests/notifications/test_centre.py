"""Every notification is listed in the portal, and e-mailed as its recipient chose for its kind."""

import pytest
from django.db import transaction
from django.urls import reverse

from accounts.services import email_to_user
from common.models import OutgoingEmail
from notifications.kinds import DEFAULT_KIND
from notifications.models import Delivery, Notification, Preference
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_notification_is_listed_and_emailed_in_the_recipients_language(notify, participant):
    participant.language = "fr"
    participant.save()
    email = notify(participant)
    notification = Notification.objects.get(recipient=participant)
    assert notification.kind == "accounts.membership_decision" and notification.email == Delivery.IMMEDIATELY
    assert email.subject == "[OGP] " + notification.title and "Open Kaduna" in notification.title
    assert notification.title != "You now speak for Open Kaduna"  # French
    assert notification.link == "/accounts/profile/organisation/" and "Open Kaduna" in notification.text
    assert not notification.text.startswith("Bonjour")  # the greeting is not the summary
    participant.refresh_from_db()
    assert participant.notifications_unread == 1


def test_a_notification_and_its_email_commit_or_roll_back_together(notify, participant):
    with pytest.raises(RuntimeError), transaction.atomic():
        notify(participant)
        raise RuntimeError
    assert not Notification.objects.exists() and not OutgoingEmail.objects.exists()
    participant.refresh_from_db()
    assert participant.notifications_unread == 0


def test_a_caller_without_a_kind_still_works_and_an_unknown_kind_is_refused(participant):
    from django.utils.translation import gettext_lazy

    arguments = {
        "user": participant,
        "template": "account/emails/membership_refused",
        "subject": gettext_lazy("Your membership of %(name)s was not confirmed"),
        "context": {"organisation": type("O", (), {"name": "X"})()},
        "subject_args": {"name": "X"},
    }
    assert email_to_user(**arguments) is not None
    assert Notification.objects.get().kind == DEFAULT_KIND
    with pytest.raises(ValueError, match="register"):
        email_to_user(**arguments, kind="nobody.registered_this")


@pytest.mark.parametrize("choice", [Delivery.OFF, Delivery.DAILY, Delivery.WEEKLY])
def test_a_kind_not_wanted_at_once_is_listed_without_an_email(notify, participant, choice):
    Preference.objects.create(user=participant, kind="accounts.membership_decision", email=choice)
    assert notify(participant) is None
    assert not OutgoingEmail.objects.exists()
    assert Notification.objects.get(recipient=participant).email == choice
    assert notify(participant, kind="accounts.membership_request") is not None  # other kinds unchanged


def test_the_global_switch_stops_every_email_but_not_the_list(notify, participant):
    participant.notifications_enabled = False
    participant.save()
    Preference.objects.create(user=participant, kind="accounts.membership_decision", email=Delivery.WEEKLY)
    assert notify(participant) is None
    assert Notification.objects.get().email == Delivery.OFF  # no digest will carry it either


def test_the_preferences_page_saves_each_kind_and_the_switch(client, participant):
    client.force_login(participant)
    page = client.get(reverse("notification-preferences"))
    assert page.status_code == 200
    content = page.content.decode()
    assert "A response to your proposal" in content and "Weekly digest" in content
    assert 'name="emails_enabled"' in content and "checked" in content
    response = client.post(
        reverse("notification-preferences"),
        {"email_consultations__proposal_response": "weekly", "email_accounts__membership_decision": "off"},
    )
    assert response.status_code == 302
    assert dict(Preference.objects.filter(user=participant).values_list("kind", "email")) == {
        "consultations.proposal_response": "weekly",
        "accounts.membership_decision": "off",
    }
    participant.refresh_from_db()
    assert participant.notifications_enabled is False  # the switch was left unticked
    client.post(
        reverse("notification-preferences"),
        {"emails_enabled": "on", "email_accounts__membership_decision": "immediately"},
    )
    participant.refresh_from_db()
    assert participant.notifications_enabled is True
    assert list(Preference.objects.filter(user=participant).values_list("kind", flat=True)) == [
        "consultations.proposal_response"
    ]


def test_the_preferences_page_refuses_an_unknown_choice(client, participant):
    client.force_login(participant)
    response = client.post(reverse("notification-preferences"), {"email_accounts__membership_decision": "hourly"})
    assert response.status_code == 200 and not Preference.objects.exists()


def test_a_response_notifies_its_author_and_followers_under_their_kinds(
    participant, plan, django_capture_on_commit_callbacks
):
    from consultations import services
    from tests.factories.consultations import ConsultationFactory, ProposalFactory

    proposal = ProposalFactory(consultation=ConsultationFactory(action_plan=plan), author=participant)
    follower = UserFactory(notifications_enabled=False)
    services.proposal_follow(proposal=proposal, user=follower)
    with django_capture_on_commit_callbacks(execute=True):
        services.response_save(proposal=proposal, outcome="accepted", reasons="Yes.", publish=True)
    kinds = dict(Notification.objects.values_list("recipient_id", "kind"))
    assert kinds == {participant.pk: "consultations.proposal_response", follower.pk: "consultations.followed_proposal"}
    assert set(Notification.objects.values_list("link", flat=True)) == {proposal.get_absolute_url()}
    assert list(OutgoingEmail.objects.values_list("to", flat=True)) == [[participant.email]]  # the follower opted out
