"""Referrals answered in the portal: the institution's contacts are told, give its opinion, the point of contact
reads it before the response, and the published response may show it."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from common.models import OutgoingEmail
from consultations import services
from consultations.models import Referral
from notifications.models import Notification
from tests.factories import InstitutionContactFactory, InstitutionFactory, UserFactory
from tests.factories.consultations import ProposalFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def institution(member):
    return InstitutionFactory(member=member, name="Urban Planning Department")


@pytest.fixture
def contact(institution):
    return InstitutionContactFactory(institution=institution, user__language="fr", user__full_name="Inés Gil")


@pytest.fixture
def referral(proposal, contact, point_of_contact):
    with translation.override("en"):
        return services.referral_create(
            proposal=proposal, institution_name=contact.institution.name, requested_by=point_of_contact
        )


def _answer_url(referral):
    return reverse("consultations:referral-answer", args=[referral.pk])


def test_the_contacts_are_notified_in_their_language_with_a_link_to_the_referral(referral, contact):
    notification = Notification.objects.get(recipient=contact.user)
    assert notification.kind == "consultations.referral_requested" and notification.link == _answer_url(referral)
    email = OutgoingEmail.objects.get(to=[contact.user.email])
    assert email.body_text.startswith("Bonjour Inés") and _answer_url(referral) in email.body_text


def test_a_contact_gives_the_opinion_and_the_point_of_contact_reads_it(poc_client, referral, contact, point_of_contact):
    client = Client()
    client.force_login(contact.user)
    assert "Publish district agendas in advance" in client.get(_answer_url(referral)).content.decode()
    response = client.post(_answer_url(referral), {"opinion": "**Feasible** within the 2027 budget."})
    assert response.status_code == 302
    referral.refresh_from_db()
    assert (referral.opinion_by, referral.opinion_received_on is not None) == (contact.user, True)
    told = Notification.objects.get(recipient=point_of_contact, kind="consultations.referral_opinion")
    assert told.link == reverse("consultations:workspace-response", args=[referral.proposal_id])
    page = poc_client.get(told.link).content.decode()
    assert "<strong>Feasible</strong> within the 2027 budget." in page and "given in the portal by Inés Gil" in page


def test_markup_is_refused_and_nothing_is_saved(referral, contact):
    client = Client()
    client.force_login(contact.user)
    response = client.post(_answer_url(referral), {"opinion": "<script>alert(1)</script>"})
    assert response.status_code == 200 and "Scripts, embedded content" in response.content.decode()
    referral.refresh_from_db()
    assert referral.opinion == ""


def test_only_a_current_contact_of_that_institution_may_answer(referral, contact, member, point_of_contact):
    stranger = InstitutionContactFactory(institution=InstitutionFactory(member=member)).user
    for user in (stranger, UserFactory(), point_of_contact):
        client = Client()
        client.force_login(user)
        assert client.post(_answer_url(referral), {"opinion": "Hijacked"}).status_code == 403
    contact.delete()
    client = Client()
    client.force_login(contact.user)
    assert client.get(_answer_url(referral)).status_code == 403
    assert Referral.objects.get(pk=referral.pk).opinion == ""


def test_the_published_response_shows_the_opinions_when_asked(poc_client, referral, contact, proposal):
    services.referral_give_opinion(referral=referral, user=contact.user, opinion="We can fund it in 2027.")
    url = reverse("consultations:workspace-response", args=[proposal.pk])
    response = poc_client.post(
        url, {"outcome": "accepted", "reasons": "Agreed.", "shows_opinions": "on", "action": "publish"}
    )
    assert response.status_code == 302
    page = Client().get(proposal.get_absolute_url()).content.decode()
    assert "Opinions of the institutions consulted" in page and "We can fund it in 2027." in page
    # The API lists them with the response, in its list and in the proposal's detail alike.
    expected = [{"institution": "Urban Planning Department", "opinion": "We can fund it in 2027."}]
    for url in (reverse("api:proposal-list"), reverse("api:proposal-detail", args=[proposal.pk])):
        body = Client().get(url).json()
        item = body["results"][0] if "results" in body else body
        opinions = [{k: o[k] for k in ("institution", "opinion")} for o in item["response"]["opinions"]]
        assert opinions == expected, url
    with pytest.raises(Exception, match="can no longer change"):
        services.referral_give_opinion(referral=referral, user=contact.user, opinion="Changed our mind.")


def test_an_opinion_not_chosen_for_publication_stays_internal(poc_client, referral, contact, proposal):
    services.referral_give_opinion(referral=referral, user=contact.user, opinion="Internal reservations.")
    services.response_save(proposal=proposal, outcome="accepted", reasons="Agreed.", publish=True)
    assert "Internal reservations." not in Client().get(proposal.get_absolute_url()).content.decode()


def test_the_contacts_page_lists_what_awaits_them_at_a_constant_cost(
    referral, contact, proposal, point_of_contact, django_assert_max_num_queries
):
    client = Client()
    client.force_login(contact.user)
    url = reverse("monitoring:institution-home")
    with django_assert_max_num_queries(30) as few:
        page = client.get(url).content.decode()
    assert "Publish district agendas in advance" in page and _answer_url(referral) in page
    for number in range(3):
        extra = ProposalFactory(consultation=proposal.consultation, title=f"Extra {number}")
        services.referral_create(
            proposal=extra, institution_name=contact.institution.name, requested_by=point_of_contact
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(url).status_code == 200


def test_the_contacts_are_reminded_once_as_the_date_nears_unless_they_answered(proposal, contact, point_of_contact):
    today = timezone.localdate()
    referral = services.referral_create(
        proposal=proposal, institution_name=contact.institution.name, requested_by=point_of_contact, due_on=today
    )
    assert services.referral_reminders_send(today=today - timedelta(days=3)) == 0  # not yet
    assert services.referral_reminders_send(today=today) == 1
    assert services.referral_reminders_send(today=today) == 0  # once
    subjects = list(OutgoingEmail.objects.filter(to=[contact.user.email]).values_list("subject", flat=True))
    assert (
        len(subjects) == 2
        and sum(s.startswith(("[OGP] Reminder", "[OGP] Rappel", "[OGP] Recordatorio")) for s in subjects) == 1
    )
    referral.refresh_from_db()
    assert referral.reminded_on == today
    other = ProposalFactory(consultation=proposal.consultation)
    answered = services.referral_create(
        proposal=other, institution_name=contact.institution.name, requested_by=point_of_contact, due_on=today
    )
    services.referral_give_opinion(referral=answered, user=contact.user, opinion="Fine.")
    assert services.referral_reminders_send(today=today) == 0


def test_the_contacts_page_shows_what_awaits_an_opinion_first_and_says_when_it_cuts_the_queue(
    referral, contact, proposal, point_of_contact, monkeypatch
):
    services.referral_record_opinion(referral=referral, opinion="Feasible.")
    awaited = []
    for number in range(2):
        extra = ProposalFactory(consultation=proposal.consultation, title=f"Awaited {number}")
        awaited.append(
            services.referral_create(
                proposal=extra, institution_name=contact.institution.name, requested_by=point_of_contact
            )
        )
    client = Client()
    client.force_login(contact.user)
    url = reverse("monitoring:institution-home")
    response = client.get(url)
    # The answered referral last, on SQLite as on PostgreSQL (which order nulls differently).
    assert [r.pk for r in response.context["referrals"]][-1] == referral.pk
    assert "Only the first" not in response.content.decode()
    monkeypatch.setattr("monitoring.views.institutions.LIMIT", 2)
    response = client.get(url)
    assert {r.pk for r in response.context["referrals"]} == {r.pk for r in awaited}
    assert "Only the first 2 are shown, those awaiting an opinion first" in response.content.decode()
