"""Database constraints hold whatever the caller: one support per user, ordered dates, consistent states."""

from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from consultations.models import Flag, Proposal, Support
from tests.factories import UserFactory
from tests.factories.consultations import ConsultationFactory, ForumMeetingFactory, ProposalFactory

pytestmark = pytest.mark.django_db


def test_one_support_per_user_and_proposal_in_the_database(proposal, participant):
    Support.objects.create(proposal=proposal, user=participant)
    with pytest.raises(IntegrityError), transaction.atomic():
        Support.objects.create(proposal=proposal, user=participant)


def test_a_consultation_closes_after_it_opens(plan):
    with pytest.raises(IntegrityError), transaction.atomic():
        ConsultationFactory(action_plan=plan, opens_at=timezone.now(), closes_at=timezone.now() - timedelta(days=1))


def test_a_withdrawn_proposal_has_a_reason(consultation):
    with pytest.raises(IntegrityError), transaction.atomic():
        ProposalFactory(consultation=consultation, status=Proposal.Status.WITHDRAWN, withdrawn_at=timezone.now())


def test_one_submission_key_one_proposal(consultation, author):
    first = ProposalFactory(consultation=consultation, author=author)
    with pytest.raises(IntegrityError), transaction.atomic():
        ProposalFactory(consultation=consultation, author=author, submission_key=first.submission_key)


def test_a_flag_targets_exactly_one_item_and_is_open_once_per_user(proposal):
    user = UserFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Flag.objects.create(user=user, reason="spam")
    Flag.objects.create(user=user, proposal=proposal, reason="spam")
    with pytest.raises(IntegrityError), transaction.atomic():
        Flag.objects.create(user=user, proposal=proposal, reason="abuse")
    Flag.objects.filter(user=user).update(resolved_at=timezone.now())
    Flag.objects.create(user=user, proposal=proposal, reason="abuse")  # a new review


def test_published_minutes_are_never_empty():
    with pytest.raises(IntegrityError), transaction.atomic():
        ForumMeetingFactory(minutes="", minutes_published=True)


def test_an_attachment_is_stored_in_a_folder_named_by_the_projects_file_token(monkeypatch):
    """Attachments get their unguessable folder from common.files.new_file_token, as every private
    file of the portal does."""
    from consultations.models.proposal import attachment_upload_to

    monkeypatch.setattr("consultations.models.proposal.new_file_token", lambda: "f" * 32)
    path = attachment_upload_to(None, "plan.pdf")
    assert path.startswith("proposals/") and path.endswith(f"/{'f' * 32}/plan.pdf")
