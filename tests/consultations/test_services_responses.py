"""Reasoned responses: drafted, published, linked to commitments, in bulk; internal opinions; templates."""

from unittest import mock

import pytest
from celery import Task
from django.core.exceptions import ValidationError
from django.db import transaction

from common.models import OutgoingEmail
from common.tasks import email_send_task
from consultations import services
from consultations.models import Proposal, ProposalResponse
from tests.factories import CommitmentFactory, UserFactory
from tests.factories.consultations import ProposalFactory

pytestmark = pytest.mark.django_db


def test_a_draft_response_puts_the_proposal_under_review(proposal, point_of_contact):
    response = services.response_save(
        proposal=proposal, outcome="accepted", reasons="Good idea.", written_by=point_of_contact
    )
    proposal.refresh_from_db()
    assert response.status == ProposalResponse.Status.DRAFT and proposal.status == Proposal.Status.UNDER_REVIEW


def test_publishing_gives_the_proposal_its_outcome_and_links_commitments(proposal, plan):
    commitment = CommitmentFactory(action_plan=plan, number="3.1")
    response = services.response_save(
        proposal=proposal, outcome="merged", reasons="Merged into 3.1.", commitments=[commitment], publish=True
    )
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.MERGED
    assert response.is_published and list(response.commitments.all()) == [commitment]
    assert list(commitment.source_responses.all()) == [response]


def test_reasons_are_always_required(proposal):
    with pytest.raises(ValidationError) as error:
        services.response_save(proposal=proposal, outcome="not_accepted", reasons="  ", publish=True)
    assert "reasons" in error.value.message_dict
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.SUBMITTED and not ProposalResponse.objects.exists()


def test_a_merged_proposal_names_its_commitments_of_the_same_plan(proposal):
    with pytest.raises(ValidationError, match="names the commitments"):
        services.response_save(proposal=proposal, outcome="merged", reasons="Merged.", publish=True)
    foreign = CommitmentFactory(number="9")
    with pytest.raises(ValidationError, match="consulted action plan"):
        services.response_save(
            proposal=proposal, outcome="accepted", reasons="Yes.", commitments=[foreign], publish=True
        )


def test_a_rejection_feeds_no_commitment(proposal, plan):
    with pytest.raises(ValidationError, match="did not feed"):
        services.response_save(
            proposal=proposal,
            outcome="not_accepted",
            reasons="No.",
            commitments=[CommitmentFactory(action_plan=plan)],
            publish=True,
        )


@pytest.mark.parametrize("state", ["draft", "withdrawn"])
def test_drafts_and_withdrawn_proposals_are_not_answered(consultation, state):
    proposal = ProposalFactory(consultation=consultation, **{state: True})
    with pytest.raises(ValidationError, match="is not answered"):
        services.response_save(proposal=proposal, outcome="accepted", reasons="Yes.", publish=True)


def test_the_first_publication_notifies_after_commit_and_corrections_do_not(
    proposal, author, django_capture_on_commit_callbacks, mailoutbox
):
    follower = UserFactory()
    services.proposal_follow(proposal=proposal, user=follower)
    with django_capture_on_commit_callbacks(execute=True):
        services.response_save(proposal=proposal, outcome="not_accepted", reasons="No budget.", publish=True)
    assert sorted(m.to[0] for m in mailoutbox) == sorted([author.email, follower.email])
    assert "No budget." in mailoutbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        services.response_save(proposal=proposal, outcome="not_accepted", reasons="No budget in 2027.")
    assert len(mailoutbox) == 2
    assert proposal.response.is_published  # saving again keeps it published


def test_the_emails_are_written_in_the_publishing_transaction_and_only_their_send_task_is_queued(
    proposal, author, django_capture_on_commit_callbacks, mailoutbox
):
    """One outbox: the rows are there before commit, nothing is sent before it, and what is queued on
    commit is `email_send_task` for each row, no other task."""
    follower = UserFactory(language="fr")
    services.proposal_follow(proposal=proposal, user=follower)
    with django_capture_on_commit_callbacks(execute=False) as callbacks, transaction.atomic():
        services.response_save(proposal=proposal, outcome="not_accepted", reasons="No.", publish=True)
        written = {email.to[0]: email for email in OutgoingEmail.objects.all()}
    assert set(written) == {author.email, follower.email} and not mailoutbox
    assert written[author.email].subject.endswith(f"A response to “{proposal.title}”")
    assert written[follower.email].subject.endswith(f"Une réponse à « {proposal.title} »")  # their language
    with mock.patch.object(Task, "apply_async", autospec=True, return_value=None) as queued:
        for callback in callbacks:
            callback()
    assert sorted((call.args[0].name, call.args[1]) for call in queued.call_args_list) == sorted(
        (email_send_task.name, (email.pk,)) for email in written.values()
    )
    assert not mailoutbox


def test_a_publication_rolled_back_leaves_no_email_and_queues_nothing(
    proposal, author, django_capture_on_commit_callbacks, mailoutbox
):
    services.proposal_follow(proposal=proposal, user=UserFactory())
    failing = pytest.raises(RuntimeError)
    with django_capture_on_commit_callbacks(execute=True) as callbacks, failing, transaction.atomic():
        services.response_save(proposal=proposal, outcome="not_accepted", reasons="No.", publish=True)
        assert OutgoingEmail.objects.count() == 2
        raise RuntimeError("the request failed after the publication")
    assert not callbacks and not OutgoingEmail.objects.exists() and not mailoutbox
    assert not ProposalResponse.objects.exists()


def test_bulk_answers_are_all_saved_or_none(consultation, plan):
    proposals = ProposalFactory.create_batch(3, consultation=consultation)
    responses = services.response_bulk_save(
        proposals=proposals, outcome="not_accepted", reasons="National competence.", publish=True
    )
    assert len(responses) == 3
    assert set(Proposal.objects.values_list("status", flat=True)) == {"not_accepted"}

    fresh = ProposalFactory(consultation=consultation)
    withdrawn = ProposalFactory(consultation=consultation, withdrawn=True, title="Already withdrawn")
    with pytest.raises(ValidationError, match="Already withdrawn"):
        services.response_bulk_save(proposals=[fresh, withdrawn], outcome="accepted", reasons="Yes.", publish=True)
    fresh.refresh_from_db()
    assert fresh.status == Proposal.Status.SUBMITTED and not hasattr(fresh, "response")


def test_routing_to_an_institution_records_an_internal_opinion(proposal, member, point_of_contact):
    referral = services.referral_create(
        proposal=proposal, institution_name=" Urban  Planning Department ", requested_by=point_of_contact
    )
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.UNDER_REVIEW
    assert referral.institution.name == "Urban Planning Department" and referral.institution.member == member
    with pytest.raises(ValidationError, match="already sent"):
        services.referral_create(proposal=proposal, institution_name="urban planning department")
    referral = services.referral_record_opinion(referral=referral, opinion="Feasible within the 2027 budget.")
    assert referral.opinion_received_on is not None
    with pytest.raises(ValidationError, match="Write the opinion"):
        services.referral_record_opinion(referral=referral, opinion="")


def test_response_templates_are_per_member_and_uniquely_named(member):
    services.response_template_save(member=member, title="National competence", outcome="not_accepted", reasons="…")
    with pytest.raises(ValidationError, match="already exists"):
        services.response_template_save(member=member, title="National competence", outcome="accepted", reasons="…")


def test_a_line_break_in_a_proposal_title_does_not_stop_its_notification(
    consultation, author, django_capture_on_commit_callbacks, mailoutbox
):
    """The API accepts a carriage return in a title; the author is still told, on a one-line subject."""
    proposal = ProposalFactory(consultation=consultation, author=author, title="Publish agendas\r\nin advance\r")
    with django_capture_on_commit_callbacks(execute=True):
        services.response_save(proposal=proposal, outcome="accepted", reasons="Yes.", publish=True)
    assert [m.to for m in mailoutbox] == [[author.email]]
    assert mailoutbox[0].subject.endswith("A response to “Publish agendas in advance”")
    assert OutgoingEmail.objects.get().status == OutgoingEmail.Status.SENT
