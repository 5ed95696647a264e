"""Proposals: written as drafts, submitted, edited or withdrawn by their author while the consultation is open."""

import uuid

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Organisation, User
from commitments.models import PolicyArea
from common.content_translations import machine_translate_later, source_of, texts_written
from common.db import UNCHANGED, set_fields
from common.models import page_language
from consultations.models import Consultation, Proposal, ProposalAttachment
from consultations.services._common import lock_consultation, lock_proposal, require_open
from consultations.uploads import CheckedUpload, check_attachment_count, check_attachments, check_upload_quota

EDITABLE_STATUSES = (Proposal.Status.DRAFT, Proposal.Status.SUBMITTED)


def _check_organisation(author: User, organisation: Organisation | None) -> None:
    """Only a confirmed member speaks for an organisation (a membership awaiting confirmation does not)."""
    if organisation is not None and organisation != author.confirmed_organisation:
        raise ValidationError({"organisation": _("You can only speak for your own organisation.")})


def _store_attachments(proposal: Proposal, checked: list[CheckedUpload]) -> None:
    """Files are written last, after every check has passed, so a refused proposal leaves no file behind."""
    for item in checked:
        attachment = ProposalAttachment(
            proposal=proposal, original_name=item.name, content_type=item.content_type, size=item.size
        )
        attachment.file.save(item.name, item.upload, save=False)
        attachment.save()


def _submit(proposal: Proposal, consultation: Consultation) -> None:
    """Draft → submitted, within the consultation's limit of proposals per participant."""
    limit = consultation.max_proposals_per_participant
    if limit:
        count = (
            Proposal.objects.filter(consultation=consultation, author_id=proposal.author_id)
            .filter(status__in=Proposal.TO_ANSWER)
            .exclude(pk=proposal.pk)
            .count()
        )
        if count >= limit:
            raise ValidationError(
                _("This consultation accepts at most %(limit)d proposals per participant; you have reached it.")
                % {"limit": limit},
                code="limit",
            )
    proposal.status = Proposal.Status.SUBMITTED
    proposal.submitted_at = timezone.now()


@transaction.atomic
def proposal_create(
    *,
    consultation: Consultation,
    author: User,
    title: str,
    problem: str,
    solution: str,
    expected_results: str = "",
    policy_area: PolicyArea | None = None,
    organisation: Organisation | None = None,
    attachments=(),
    submission_key: uuid.UUID | str | None = None,
    submit: bool = False,
    language: str = "",
) -> Proposal:
    """Write a proposal (a draft, or submitted at once) to an open consultation.

    The same submission key sent again (a double click, a form sent twice) returns the proposal the
    first request created: one key, one proposal, enforced by a unique constraint.
    """
    key = uuid.UUID(str(submission_key)) if submission_key else uuid.uuid4()
    existing = Proposal.objects.filter(submission_key=key).first()
    if existing is not None:
        if existing.author_id != author.pk:
            raise ValidationError(_("This form was already used. Reload the page and try again."))
        return existing
    # The attachments are checked (images decoded: seconds for a large one) before the consultation's row is
    # locked; the rules that come first are checked on its current state before, then again under the lock.
    require_open(Consultation.objects.get(pk=consultation.pk))
    _check_organisation(author, organisation)
    checked = check_attachments(attachments)
    consultation = lock_consultation(consultation.pk)
    require_open(consultation)
    check_upload_quota(user=author, checked=checked)
    proposal = Proposal(consultation=consultation, author=author, organisation=organisation, submission_key=key)
    set_fields(
        proposal,
        title=title,
        problem=problem,
        solution=solution,
        expected_results=expected_results,
        policy_area=policy_area,
        language=language or page_language(),
    )
    if submit:
        _submit(proposal, consultation)
    proposal.full_clean(exclude=["submission_key"])
    try:
        with transaction.atomic():
            proposal.save()
    except IntegrityError:
        # The same key committed by a concurrent request in the meantime.
        existing = Proposal.objects.filter(submission_key=key, author=author).first()
        if existing is None:
            raise
        return existing
    _store_attachments(proposal, checked)
    machine_translate_later(proposal)
    return proposal


def _lock_editable(proposal: Proposal) -> tuple[Proposal, Consultation]:
    consultation = lock_consultation(proposal.consultation_id)
    current = lock_proposal(proposal.pk)
    current.consultation = consultation
    require_open(consultation)
    return current, consultation


def _check_edit(current: Proposal, *, organisation, remove_attachments) -> tuple[list[ProposalAttachment], int]:
    """The rules of an edit on the proposal as it is: (attachments to remove, attachments kept)."""
    require_open(current.consultation)
    if current.status not in EDITABLE_STATUSES:
        raise ValidationError(
            _("A proposal that is “%(status)s” can no longer be edited.") % {"status": current.get_status_display()}
        )
    if current.is_hidden:
        raise ValidationError(_("This proposal was hidden by moderation; it cannot be edited until it is reviewed."))
    if organisation is not UNCHANGED:
        _check_organisation(current.author, organisation)
    removed = list(current.attachments.filter(pk__in=[a.pk for a in remove_attachments]))
    return removed, current.attachments.count() - len(removed)


@transaction.atomic
def proposal_update(
    *,
    proposal: Proposal,
    title: str = UNCHANGED,
    problem: str = UNCHANGED,
    solution: str = UNCHANGED,
    expected_results: str = UNCHANGED,
    policy_area: PolicyArea | None = UNCHANGED,
    organisation: Organisation | None = UNCHANGED,
    attachments=(),
    remove_attachments=(),
    language: str = UNCHANGED,
) -> Proposal:
    """The author rewrites a draft or a submitted proposal not yet under review, while the consultation is open.

    The attachments are checked (images decoded) before the rows are locked; the rules of an edit are checked
    on the proposal as it is before, then again under the lock."""
    unlocked = Proposal.objects.select_related("consultation", "author").get(pk=proposal.pk)
    _removed, kept = _check_edit(unlocked, organisation=organisation, remove_attachments=remove_attachments)
    checked = check_attachments(attachments, already=kept)
    current, _consultation = _lock_editable(proposal)
    removed, kept = _check_edit(current, organisation=organisation, remove_attachments=remove_attachments)
    check_attachment_count(count=len(checked), already=kept)
    check_upload_quota(user=current.author, checked=checked, freed=sum(a.size for a in removed))
    before = source_of(current)  # as stored: `current` was read under the lock
    set_fields(
        current,
        title=title,
        problem=problem,
        solution=solution,
        expected_results=expected_results,
        policy_area=policy_area,
        organisation=organisation,
        language=language,
    )
    current.full_clean(exclude=["submission_key"])
    current.save()
    texts_written(current, before=before)  # a changed text or language outdates the translations
    for attachment in removed:
        _delete_attachment(attachment)
    _store_attachments(current, checked)
    return current


@transaction.atomic
def proposal_submit(*, proposal: Proposal) -> Proposal:
    """Draft → submitted. Submitting twice changes nothing."""
    current, consultation = _lock_editable(proposal)
    if current.status != Proposal.Status.DRAFT:
        return current
    _submit(current, consultation)
    current.full_clean(exclude=["submission_key"])
    current.save(update_fields=["status", "submitted_at", "updated_at"])
    machine_translate_later(current)  # public from now on
    return current


@transaction.atomic
def proposal_withdraw(*, proposal: Proposal, reason: str, note: str = "") -> Proposal:
    """The author withdraws a submitted proposal, with a reason, while the consultation is open."""
    current, _consultation = _lock_editable(proposal)
    if current.status not in (Proposal.Status.SUBMITTED, Proposal.Status.UNDER_REVIEW):
        raise ValidationError(
            _("A proposal that is “%(status)s” cannot be withdrawn.") % {"status": current.get_status_display()}
        )
    if reason not in Proposal.WithdrawalReason.values:
        raise ValidationError({"withdrawal_reason": _("Choose a reason.")})
    current.status = Proposal.Status.WITHDRAWN
    current.withdrawal_reason = reason
    current.withdrawal_note = (note or "").strip()
    current.withdrawn_at = timezone.now()
    current.full_clean(exclude=["submission_key"])
    current.save(update_fields=["status", "withdrawal_reason", "withdrawal_note", "withdrawn_at", "updated_at"])
    return current


@transaction.atomic
def proposal_discard(*, proposal: Proposal) -> None:
    """The author deletes a draft (submitted proposals are withdrawn, never deleted)."""
    current = lock_proposal(proposal.pk)
    if current.status != Proposal.Status.DRAFT:
        raise ValidationError(_("Only a draft can be deleted; withdraw a submitted proposal instead."))
    for attachment in current.attachments.all():
        _delete_attachment(attachment)
    current.delete()


def _delete_attachment(attachment: ProposalAttachment) -> None:
    name, storage = attachment.file.name, attachment.file.storage
    attachment.delete()
    transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def attachment_delete(*, attachment: ProposalAttachment) -> None:
    """Remove an attachment of a proposal its author may still edit."""
    current, _consultation = _lock_editable(attachment.proposal)
    if current.status not in EDITABLE_STATUSES:
        raise ValidationError(_("The attachments of this proposal can no longer change."))
    _delete_attachment(attachment)
