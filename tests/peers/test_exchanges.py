"""Peer exchange: a point of contact asks another member's for an exchange, which one of them answers."""

import pytest
from django.core import mail
from django.urls import reverse

from accounts import privacy
from peers.models import ExchangeRequest
from tests.factories import UserFactory
from tests.factories.peers import ExchangeRequestFactory
from tests.peers.conftest import commitment_of

pytestmark = pytest.mark.django_db


def test_the_exchange_flow_from_request_to_answer(
    client, madrid, paris, area, madrid_poc, paris_poc, django_capture_on_commit_callbacks
):
    theirs = commitment_of(madrid, "Open contracting in the city's tenders", area)
    ours = commitment_of(paris, "Open contracting for Paris", area)
    client.force_login(paris_poc)
    page = client.get(theirs.get_absolute_url()).content.decode()
    create_url = reverse("peers:exchange-create", args=[theirs.pk])
    assert create_url in page  # "Ask Madrid for a peer exchange"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(create_url, {"message": "How did you publish tenders?", "about": ours.pk})
    exchange = ExchangeRequest.objects.get()
    assert response.status_code == 302 and response["Location"] == exchange.get_absolute_url()
    assert (exchange.member, exchange.requester_member, exchange.about, exchange.status) == (
        madrid,
        paris,
        ours,
        "pending",
    )
    [asked] = mail.outbox
    assert asked.to == [madrid_poc.email] and asked.body.startswith("Hola, Lucía")  # in Spanish, her language
    assert exchange.get_absolute_url() in asked.body and "How did you publish tenders?" in asked.body

    client.force_login(madrid_poc)
    assert 'name="decision"' in client.get(exchange.get_absolute_url()).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(exchange.get_absolute_url(), {"decision": "accept", "answer": "Gladly: write to Ana."})
    exchange.refresh_from_db()
    assert exchange.status == "accepted" and exchange.answered_by == madrid_poc and exchange.answered_at
    answered = mail.outbox[-1]
    assert answered.to == [paris_poc.email] and answered.body.startswith("Bonjour Claire")
    assert "Gladly: write to Ana." in answered.body

    client.force_login(paris_poc)
    page = client.get(exchange.get_absolute_url()).content.decode()
    assert "Gladly: write to Ana." in page and 'name="decision"' not in page


def test_a_declined_exchange_keeps_its_reason_and_cannot_be_answered_twice(client, madrid, paris, madrid_poc):
    exchange = ExchangeRequestFactory(commitment=commitment_of(madrid, "Budget"), requester_member=paris)
    client.force_login(madrid_poc)
    client.post(exchange.get_absolute_url(), {"decision": "decline", "answer": "Not this year, sorry."})
    exchange.refresh_from_db()
    assert exchange.status == "declined" and exchange.answer == "Not this year, sorry."
    response = client.post(exchange.get_absolute_url(), {"decision": "accept", "answer": "Changed my mind"})
    assert response.status_code == 403
    exchange.refresh_from_db()
    assert exchange.status == "declined"


def test_an_answer_needs_a_message_and_nothing_is_lost(client, madrid, paris, madrid_poc):
    exchange = ExchangeRequestFactory(commitment=commitment_of(madrid, "Budget"), requester_member=paris)
    client.force_login(madrid_poc)
    response = client.post(exchange.get_absolute_url(), {"decision": "accept", "answer": "  "})
    assert response.status_code == 200 and "error-summary" in response.content.decode()
    exchange.refresh_from_db()
    assert exchange.is_pending


def test_one_pending_request_per_member_and_commitment_and_never_to_oneself(client, madrid, paris, paris_poc):
    theirs = commitment_of(madrid, "Budget")
    client.force_login(paris_poc)
    url = reverse("peers:exchange-create", args=[theirs.pk])
    client.post(url, {"message": "First"})
    response = client.post(url, {"message": "Second"})
    assert "awaits an answer" in response.content.decode()
    assert ExchangeRequest.objects.count() == 1
    own = commitment_of(paris, "Ours")
    assert client.get(reverse("peers:exchange-create", args=[own.pk])).status_code == 403


def test_points_of_contact_see_their_members_exchanges_and_staff_all_with_filters(client, madrid, paris, area):
    ours = ExchangeRequestFactory(commitment=commitment_of(madrid, "Tenders", area), requester_member=paris)
    elsewhere = ExchangeRequestFactory(commitment=commitment_of(paris, "Water"))
    client.force_login(UserFactory(point_of_contact_of=madrid))
    listed = list(client.get(reverse("peers:exchange-list")).context["exchanges"])
    assert listed == [ours]
    client.force_login(UserFactory(staff=True))
    url = reverse("peers:exchange-list")
    assert set(client.get(url).context["exchanges"]) == {ours, elsewhere}
    assert list(client.get(url, {"policy_area": area.slug}).context["exchanges"]) == [ours]
    assert list(client.get(url, {"status": "accepted"}).context["exchanges"]) == []
    assert set(client.get(url, {"member": paris.pk}).context["exchanges"]) == {ours, elsewhere}
    admin = client.get(reverse("admin:peers_exchangerequest_changelist"), {"status__exact": "pending"})
    assert admin.status_code == 200 and "Tenders" in admin.content.decode()


def test_the_requests_a_person_sent_are_in_their_data_download(madrid, paris, paris_poc):
    ExchangeRequestFactory(commitment=commitment_of(madrid, "Tenders"), requester_member=paris, requester=paris_poc,
                           message="Our question")  # fmt: skip
    data = privacy.user_data_export(user=paris_poc)
    assert [(r["to_member"], r["message"]) for r in data["exchange_requests"]] == [("Madrid", "Our question")]
