"""Proposals through the services: drafts, submission, one-time keys, limits, edits, withdrawal, attachments."""

import uuid

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from accounts.models import Organisation
from consultations import services
from consultations.models import Proposal, ProposalAttachment
from tests.consultations.files import fake_pdf_upload, pdf_upload, png_upload
from tests.factories import PolicyAreaFactory, UserFactory
from tests.factories.consultations import ConsultationFactory, ProposalFactory

pytestmark = pytest.mark.django_db

TEXT = {"title": "Open the district budgets", "problem": "Budgets are opaque.", "solution": "Publish them monthly."}


def test_a_proposal_starts_as_a_draft_then_is_submitted(consultation, author):
    proposal = services.proposal_create(consultation=consultation, author=author, **TEXT)
    assert proposal.status == Proposal.Status.DRAFT and proposal.submitted_at is None
    proposal = services.proposal_submit(proposal=proposal)
    assert proposal.status == Proposal.Status.SUBMITTED and proposal.submitted_at is not None
    again = services.proposal_submit(proposal=proposal)
    assert again.submitted_at == proposal.submitted_at


def test_the_same_submission_key_never_creates_two_proposals(consultation, author):
    """A double click or a form sent again returns the first proposal."""
    key = uuid.uuid4()
    first = services.proposal_create(consultation=consultation, author=author, submission_key=key, **TEXT)
    second = services.proposal_create(
        consultation=consultation, author=author, submission_key=str(key), **{**TEXT, "title": "Changed"}
    )
    assert first.pk == second.pk
    assert Proposal.objects.count() == 1 and Proposal.objects.get().title == TEXT["title"]


def test_another_users_submission_key_is_refused(consultation, author):
    key = uuid.uuid4()
    services.proposal_create(consultation=consultation, author=author, submission_key=key, **TEXT)
    with pytest.raises(ValidationError, match="already used"):
        services.proposal_create(consultation=consultation, author=UserFactory(), submission_key=key, **TEXT)


@pytest.mark.parametrize("trait", ["closed", "upcoming", "cancelled"])
def test_a_consultation_that_is_not_open_takes_no_proposal(plan, author, trait):
    consultation = ConsultationFactory(action_plan=plan, **{trait: True})
    with pytest.raises(ValidationError, match="does not accept"):
        services.proposal_create(consultation=consultation, author=author, submit=True, **TEXT)
    assert not Proposal.objects.exists()


@pytest.mark.parametrize("field", ["title", "problem", "solution"])
def test_required_texts_cannot_be_blank(consultation, author, field):
    with pytest.raises(ValidationError) as error:
        services.proposal_create(consultation=consultation, author=author, **{**TEXT, field: "   "})
    assert field in error.value.message_dict
    assert not Proposal.objects.exists()


def test_script_tags_are_refused_with_a_message(consultation, author):
    with pytest.raises(ValidationError, match="Scripts, embedded content"):
        services.proposal_create(
            consultation=consultation, author=author, **{**TEXT, "problem": "Hello <script>alert(1)</script>"}
        )
    assert not Proposal.objects.exists()


def test_the_policy_area_must_be_in_the_consultations_scope(consultation, author):
    inside, outside = PolicyAreaFactory(slug="lobbying"), PolicyAreaFactory(slug="health")
    consultation.policy_areas.add(inside)
    with pytest.raises(ValidationError, match="not in the scope"):
        services.proposal_create(consultation=consultation, author=author, policy_area=outside, **TEXT)
    assert services.proposal_create(consultation=consultation, author=author, policy_area=inside, **TEXT).pk


def test_only_the_authors_own_organisation_can_be_named(consultation, author):
    own = Organisation.objects.create(name="Open Kaduna", kind="civil_society")
    author.organisation = own
    author.save()
    with pytest.raises(ValidationError, match="your own organisation"):  # not confirmed yet
        services.proposal_create(consultation=consultation, author=author, organisation=own, **TEXT)
    author.organisation_confirmed_at = timezone.now()
    author.save()
    other = Organisation.objects.create(name="Someone else", kind="civil_society")
    with pytest.raises(ValidationError, match="your own organisation"):
        services.proposal_create(consultation=consultation, author=author, organisation=other, **TEXT)
    proposal = services.proposal_create(consultation=consultation, author=author, organisation=own, **TEXT)
    assert proposal.organisation == own


def test_the_limit_of_proposals_per_participant_counts_submitted_ones(plan, author):
    consultation = ConsultationFactory(action_plan=plan, max_proposals_per_participant=2)
    ProposalFactory(consultation=consultation, author=author)
    ProposalFactory(consultation=consultation, author=author, withdrawn=True)  # does not count
    draft = ProposalFactory(consultation=consultation, author=author, draft=True)  # does not count
    services.proposal_create(consultation=consultation, author=author, submit=True, **TEXT)
    with pytest.raises(ValidationError, match="at most 2 proposals"):
        services.proposal_submit(proposal=draft)
    draft.refresh_from_db()
    assert draft.status == Proposal.Status.DRAFT


def test_attachments_are_stored_with_their_real_type(consultation, author):
    proposal = services.proposal_create(
        consultation=consultation, author=author, attachments=[pdf_upload("Report 2026.pdf"), png_upload()], **TEXT
    )
    attachments = list(proposal.attachments.order_by("content_type"))
    assert [a.content_type for a in attachments] == ["application/pdf", "image/png"]
    assert attachments[0].original_name == "Report_2026.pdf"
    assert attachments[0].file.read().startswith(b"%PDF-")
    assert attachments[0].file.url.startswith("/media/proposals/")


def test_a_bad_attachment_leaves_nothing_saved(consultation, author):
    with pytest.raises(ValidationError) as error:
        services.proposal_create(
            consultation=consultation, author=author, attachments=[pdf_upload(), fake_pdf_upload()], **TEXT
        )
    assert "is not a valid PDF" in str(error.value) or "neither a PDF" in str(error.value)
    assert not Proposal.objects.exists() and not ProposalAttachment.objects.exists()


def test_the_author_edits_while_open_and_not_yet_under_review(proposal):
    updated = services.proposal_update(proposal=proposal, title="A better title", attachments=[pdf_upload()])
    assert updated.title == "A better title" and updated.attachments.count() == 1
    services.proposal_update(proposal=proposal, remove_attachments=list(updated.attachments.all()))
    assert not proposal.attachments.exists()
    services.proposal_mark_under_review(proposal=proposal)
    with pytest.raises(ValidationError, match="can no longer be edited"):
        services.proposal_update(proposal=proposal, title="Too late")


def test_nothing_changes_once_the_consultation_is_closed(plan, author):
    proposal = ProposalFactory(consultation=ConsultationFactory(action_plan=plan, closed=True), author=author)
    with pytest.raises(ValidationError, match="closed"):
        services.proposal_update(proposal=proposal, title="Late edit")
    with pytest.raises(ValidationError, match="closed"):
        services.proposal_withdraw(proposal=proposal, reason="duplicate")


def test_withdrawing_needs_a_reason_and_other_needs_an_explanation(proposal):
    with pytest.raises(ValidationError, match="Choose a reason"):
        services.proposal_withdraw(proposal=proposal, reason="")
    with pytest.raises(ValidationError, match="Explain why"):
        services.proposal_withdraw(proposal=proposal, reason="other", note=" ")
    withdrawn = services.proposal_withdraw(proposal=proposal, reason="other", note="We merged with another group.")
    assert withdrawn.status == Proposal.Status.WITHDRAWN and withdrawn.withdrawal_note


def test_an_answered_proposal_cannot_be_withdrawn(proposal, point_of_contact):
    services.response_save(proposal=proposal, outcome="not_accepted", reasons="No budget.", publish=True)
    with pytest.raises(ValidationError, match="cannot be withdrawn"):
        services.proposal_withdraw(proposal=proposal, reason="duplicate")


def test_only_a_draft_is_deleted_and_its_files_go_after_commit(
    consultation, author, proposal, django_capture_on_commit_callbacks
):
    draft = services.proposal_create(consultation=consultation, author=author, attachments=[pdf_upload()], **TEXT)
    stored = draft.attachments.get().file
    assert stored.storage.exists(stored.name)
    with django_capture_on_commit_callbacks(execute=True):
        services.proposal_discard(proposal=draft)
    assert not Proposal.objects.filter(pk=draft.pk).exists()
    assert not stored.storage.exists(stored.name)
    with pytest.raises(ValidationError, match="Only a draft"):
        services.proposal_discard(proposal=proposal)


def test_too_many_attachments_are_refused(consultation, author, settings):
    settings.CONSULTATION_ATTACHMENT_MAX_COUNT = 2
    with pytest.raises(ValidationError, match="at most 2 attachments"):
        services.proposal_create(
            consultation=consultation, author=author, attachments=[pdf_upload(), pdf_upload(), png_upload()], **TEXT
        )
