"""A consultation's counts of proposals to answer and answered are columns kept by the writes, not counted per view."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from consultations import services
from consultations.models import Consultation, Flag, Proposal
from tests.factories import UserFactory
from tests.factories.consultations import ConsultationFactory, ProposalFactory, ResponseFactory

pytestmark = pytest.mark.django_db


def stored_and_counted(consultation) -> tuple[tuple[int, int], tuple[int, int]]:
    """The consultation's counters as stored, and as counted from its proposals."""
    stored = Consultation.objects.filter(pk=consultation.pk).values_list("proposal_count", "answered_count").get()
    proposals = Proposal.objects.filter(consultation=consultation).to_answer()
    return stored, (proposals.count(), proposals.filter(status__in=Proposal.ANSWERED).count())


def assert_counters(consultation, expected: tuple[int, int]) -> None:
    stored, counted = stored_and_counted(consultation)
    assert stored == counted == expected


def test_every_write_that_changes_what_a_proposal_counts_for_moves_the_counters(settings, consultation, author):
    settings.CONSULTATION_FLAGS_TO_HIDE = 2
    text = {"title": "Open data on contracts", "problem": "Opaque.", "solution": "Publish them."}
    draft = services.proposal_create(consultation=consultation, author=author, **text)
    assert_counters(consultation, (0, 0))
    services.proposal_submit(proposal=draft)
    assert_counters(consultation, (1, 0))
    other = services.proposal_create(consultation=consultation, author=UserFactory(), submit=True, **text)
    assert_counters(consultation, (2, 0))
    services.response_save(proposal=draft, outcome="accepted", reasons="Agreed.", notify=False)
    assert_counters(consultation, (2, 0))  # a draft response: under review, not answered yet
    services.response_save(proposal=draft, outcome="accepted", reasons="Agreed.", publish=True, notify=False)
    assert_counters(consultation, (2, 1))
    services.proposal_withdraw(proposal=other, reason="duplicate")
    assert_counters(consultation, (1, 1))
    moderator = UserFactory()
    services.moderation_hide(proposal=draft, reason="Personal data.", actor=moderator)
    assert_counters(consultation, (0, 0))
    services.moderation_restore(proposal=draft, reason="Edited out.", actor=moderator)
    assert_counters(consultation, (1, 1))
    for user in UserFactory.create_batch(2):
        services.flag_create(proposal=draft, user=user, reason=Flag.Reason.SPAM)
    assert Proposal.objects.get(pk=draft.pk).is_hidden
    assert_counters(consultation, (0, 0))
    discarded = services.proposal_create(consultation=consultation, author=author, **text)
    services.proposal_discard(proposal=discarded)
    assert_counters(consultation, (0, 0))


def test_a_proposal_moved_to_another_consultation_moves_its_counts(consultation):
    proposal = ProposalFactory(consultation=consultation)
    ResponseFactory(proposal=proposal)
    elsewhere = ConsultationFactory()
    moved = Proposal.objects.get(pk=proposal.pk)
    moved.consultation = elsewhere
    moved.save()
    assert_counters(consultation, (0, 0))
    assert_counters(elsewhere, (1, 1))
    Proposal.objects.get(pk=proposal.pk).delete()
    assert_counters(elsewhere, (0, 0))


def test_saving_a_consultation_read_before_a_proposal_came_keeps_the_counters(consultation):
    read_earlier = Consultation.objects.get(pk=consultation.pk)
    ProposalFactory.create_batch(2, consultation=consultation)
    read_earlier.title = "Proposals for Madrid, second round"
    read_earlier.save()
    assert_counters(consultation, (2, 0))
    assert Consultation.objects.get(pk=consultation.pk).title == "Proposals for Madrid, second round"


def test_the_refresh_counts_again_rows_written_around_the_models(consultation):
    """For bulk loads (the benchmark writes its rows with COPY): one UPDATE sets every consultation."""
    ProposalFactory.create_batch(3, consultation=consultation)
    ResponseFactory(proposal=ProposalFactory(consultation=consultation))
    Consultation.objects.update(proposal_count=0, answered_count=0)
    with CaptureQueriesContext(connection) as queries:
        services.consultation_counters_refresh()
    assert len(queries) == 1
    assert_counters(consultation, (4, 1))


def test_the_consultation_pages_read_the_counters_without_counting(client, consultation):
    ProposalFactory.create_batch(3, consultation=consultation)
    ResponseFactory(proposal=ProposalFactory(consultation=consultation))
    with CaptureQueriesContext(connection) as queries:
        page = client.get(consultation.get_absolute_url()).content.decode()
    assert "1 of 4 answered (25%)" in page
    listing = client.get("/consultations/").content.decode()
    assert "4 proposals" in listing and "1 answered" in listing
    correlated = 'U0."consultation_id" = ("consultations_consultation"."id")'  # proposals counted per consultation
    assert not any(correlated in query["sql"] for query in queries)


def test_deleting_proposals_from_the_admin_list_moves_the_counters(admin_client, consultation):
    kept, *deleted = ProposalFactory.create_batch(3, consultation=consultation)
    assert_counters(consultation, (3, 0))
    answer = admin_client.post(
        "/admin/consultations/proposal/",
        {"action": "delete_selected", "post": "yes", "_selected_action": [p.pk for p in deleted]},
    )
    assert answer.status_code == 302
    assert list(Proposal.objects.filter(consultation=consultation)) == [kept]
    assert_counters(consultation, (1, 0))  # a bulk QuerySet.delete() would have left (3, 0)
