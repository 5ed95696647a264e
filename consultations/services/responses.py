"""Reasoned responses: the point of contact answers every proposal, with reasons, and links the commitments it fed."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from commitments.models import Commitment, Member
from common.content_translations import source_of, texts_written
from common.db import UNCHANGED, set_fields
from common.models import page_language
from consultations.models import Proposal, ProposalResponse, ResponseTemplate
from consultations.services._common import lock_consultation, lock_proposal
from consultations.services.notifications import response_published_emails


def _check_commitments(proposal: Proposal, outcome: str, commitments: list[Commitment]) -> None:
    plan_id = proposal.consultation.action_plan_id
    foreign = [c for c in commitments if c.action_plan_id != plan_id]
    if foreign:
        raise ValidationError(
            {"commitments": _("Link only commitments of the consulted action plan (%(numbers)s is not).")
             % {"numbers": ", ".join(c.number for c in foreign)}}
        )  # fmt: skip
    if outcome == ProposalResponse.Outcome.MERGED and not commitments:
        raise ValidationError({"commitments": _("A merged proposal names the commitments it was merged into.")})
    if outcome == ProposalResponse.Outcome.NOT_ACCEPTED and commitments:
        raise ValidationError({"commitments": _("A proposal that was not accepted did not feed any commitment.")})


@transaction.atomic
def response_save(
    *,
    proposal: Proposal,
    outcome: str,
    reasons: str,
    commitments=(),
    publish: bool = False,
    written_by: User | None = None,
    notify: bool = True,
    language: str = "",
    shows_opinions: bool = UNCHANGED,
) -> ProposalResponse:
    """Draft or publish the response to a proposal (`shows_opinions`: the institutions' opinions under it).

    A draft puts the proposal under review; publishing gives the proposal its outcome and, the first
    time, writes the e-mails to its author and followers in this transaction (sent after commit;
    `notify=False` for seeded demo data only). A published response stays published: saving it again
    corrects it in public and e-mails nobody.
    """
    # The consultation first, then the proposal (the order of the author's writes): publishing moves its counters.
    lock_consultation(proposal.consultation_id)
    current = lock_proposal(proposal.pk)
    current.consultation = proposal.consultation
    if current.status not in Proposal.TO_ANSWER:
        raise ValidationError(
            _("A proposal that is “%(status)s” is not answered.") % {"status": current.get_status_display()}
        )
    commitments = list(commitments)
    _check_commitments(current, outcome, commitments)
    response = ProposalResponse.objects.select_for_update().filter(proposal=current).first() or ProposalResponse(
        proposal=current
    )
    before = source_of(response) if response.pk else None
    set_fields(
        response, outcome=outcome, reasons=reasons, language=language or page_language(), shows_opinions=shows_opinions
    )
    response.written_by = written_by or response.written_by
    first_publication = False
    if publish or response.is_published:
        first_publication = response.published_at is None
        response.status = ProposalResponse.Status.PUBLISHED
        response.published_at = response.published_at or timezone.now()
        current.status = outcome
    elif current.status == Proposal.Status.SUBMITTED:
        current.status = Proposal.Status.UNDER_REVIEW
    response.full_clean()
    response.save()
    response.commitments.set(commitments)
    current.save(update_fields=["status", "updated_at"])
    response.proposal = current
    # Its first publication makes it public: the machine translates it as a new text.
    texts_written(response, before=None if first_publication else before)
    if first_publication and notify:
        response_published_emails(response=response)
    return response


@transaction.atomic
def response_publish(*, response: ProposalResponse, written_by: User | None = None) -> ProposalResponse:
    """Publish a drafted response as it stands."""
    return response_save(
        proposal=response.proposal,
        outcome=response.outcome,
        reasons=response.reasons,
        commitments=list(response.commitments.all()),
        publish=True,
        written_by=written_by,
        language=response.language,
    )


@transaction.atomic
def response_bulk_save(
    *,
    proposals,
    outcome: str,
    reasons: str,
    commitments=(),
    publish: bool = False,
    written_by: User | None = None,
    language: str = "",
) -> list[ProposalResponse]:
    """The same response for many proposals at once: all are saved, or none (the first refusal says which)."""
    # Consultation by consultation: response_save locks the consultation first, always in the same order.
    proposals = sorted(proposals, key=lambda proposal: (proposal.consultation_id, proposal.pk))
    if not proposals:
        raise ValidationError(_("Select at least one proposal."))
    responses = []
    for proposal in proposals:
        try:
            responses.append(
                response_save(
                    proposal=proposal,
                    outcome=outcome,
                    reasons=reasons,
                    commitments=commitments,
                    publish=publish,
                    written_by=written_by,
                    language=language,
                )
            )
        except ValidationError as error:
            raise ValidationError(
                _("“%(title)s”: %(error)s") % {"title": proposal.title, "error": " ".join(error.messages)}
            ) from error
    return responses


@transaction.atomic
def proposal_mark_under_review(*, proposal: Proposal) -> Proposal:
    """Submitted → under review: the author can no longer edit it."""
    current = lock_proposal(proposal.pk)
    if current.status == Proposal.Status.SUBMITTED:
        current.status = Proposal.Status.UNDER_REVIEW
        current.save(update_fields=["status", "updated_at"])
    return current


@transaction.atomic
def response_template_save(
    *,
    member: Member,
    template: ResponseTemplate | None = None,
    title: str = UNCHANGED,
    outcome: str = UNCHANGED,
    reasons: str = UNCHANGED,
) -> ResponseTemplate:
    """Create or rewrite one of the member's response templates."""
    template = template or ResponseTemplate(member=member)
    if template.member_id != member.pk:
        raise ValueError("The template belongs to another member.")
    set_fields(template, title=title, outcome=outcome, reasons=reasons)
    template.full_clean()
    template.save()
    return template


@transaction.atomic
def response_template_delete(*, template: ResponseTemplate) -> None:
    template.delete()
