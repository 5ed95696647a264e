"""What the consultations app holds about a person, for accounts' personal-data registry
(`accounts.privacy.register`, called from `ConsultationsConfig.ready()`).

Download: their proposals (drafts included, with their uploads), comments, supports, follows, flags, and the
translations of proposals and comments they wrote.
Deletion: submitted proposals and comments stay public, by a "Deleted participant" (the account row
stays, anonymised); drafts with their uploads and history, the draft versions in the history of the
proposals later submitted, supports (through the service that owns the support counts), follows and
flags are removed. Translations go with the proposal or comment they translate: removed with a draft, public with
a submitted proposal or a comment (by the anonymised account).
"""

from accounts.models import Organisation, User
from consultations.models import Comment, CommentTranslation, Flag, Follow, Proposal, ProposalTranslation, Support
from consultations.services.participation import supports_remove_for_user
from consultations.services.proposals import proposal_discard

ROLE_WORK = (
    "work of a point of contact or of support staff, who hand over before deleting their account: "
    "the row keeps pointing at the anonymised account"
)
COVERS = (
    "consultations.Proposal.author",
    "consultations.Comment.author",
    "consultations.Support.user",
    "consultations.Follow.user",
    "consultations.Flag.user",
    "consultations.ProposalTranslation.translated_by",
    "consultations.CommentTranslation.translated_by",
)
KEEPS = {
    "consultations.Consultation.created_by": ROLE_WORK,
    "consultations.ProposalResponse.written_by": ROLE_WORK,
    "consultations.Referral.requested_by": ROLE_WORK,
    "consultations.Referral.opinion_by": "an institution's opinion, given by one of its contacts for the institution: "
    "the opinion is the institution's and keeps pointing at the anonymised account",
    "consultations.RequirementMark.set_by": ROLE_WORK,
    "consultations.ConsultationTranslation.translated_by": ROLE_WORK,
    "consultations.ProposalResponseTranslation.translated_by": ROLE_WORK,
    "consultations.ModerationEvent.actor": "a moderator's decision (support staff), kept as moderation history",
}


def _time(value):
    return value.isoformat() if value else None


def _proposal_data(proposal: Proposal) -> dict:
    return {
        "id": proposal.pk,
        "url": proposal.get_absolute_url() if proposal.is_public else None,
        "consultation": proposal.consultation.title,
        "status": proposal.status,
        "title": proposal.title,
        "problem": proposal.problem,
        "solution": proposal.solution,
        "expected_results": proposal.expected_results,
        "on_behalf_of": proposal.organisation.name if proposal.organisation else None,
        "policy_area": str(proposal.policy_area) if proposal.policy_area else None,
        "created_at": _time(proposal.created_at),
        "submitted_at": _time(proposal.submitted_at),
        "withdrawn_at": _time(proposal.withdrawn_at),
        "withdrawal_reason": proposal.withdrawal_reason,
        "withdrawal_note": proposal.withdrawal_note,
        "hidden_by_moderation": proposal.is_hidden,
        "supports": proposal.support_count,
        "uploads": [
            {
                "file_name": attachment.original_name,
                "type": attachment.content_type,
                "size": attachment.size,
                "uploaded_at": _time(attachment.created_at),
            }
            for attachment in proposal.attachments.all()
        ],
    }


def _on_proposal(rows, date_key: str) -> list[dict]:
    return [{"proposal": r.proposal.title, "proposal_id": r.proposal_id, date_key: _time(r.created_at)} for r in rows]


def user_export(user: User) -> dict:
    """The person's sections of "download my data" (a fixed number of queries)."""
    proposals = (
        Proposal.objects.filter(author=user)
        .select_related("consultation", "organisation", "policy_area")
        .prefetch_related("attachments")
        .order_by("created_at", "pk")
    )
    comments = Comment.objects.filter(author=user).select_related("proposal").order_by("created_at", "pk")
    supports = Support.objects.filter(user=user).select_related("proposal").order_by("created_at", "pk")
    follows = Follow.objects.filter(user=user).select_related("proposal").order_by("created_at", "pk")
    return {
        "proposals": [_proposal_data(p) for p in proposals],
        "comments": [
            {
                "proposal": c.proposal.title,
                "proposal_id": c.proposal_id,
                "reply_to": c.parent_id,
                "body": c.body,
                "hidden_by_moderation": c.is_hidden,
                "posted_at": _time(c.created_at),
                "edited_at": _time(c.edited_at),
            }
            for c in comments
        ],
        "supports": _on_proposal(supports, "supported_at"),
        "follows": _on_proposal(follows, "followed_at"),
        "flags": [
            {
                "proposal_id": f.proposal_id,
                "comment_id": f.comment_id,
                "reason": f.reason,
                "details": f.note,
                "flagged_at": _time(f.created_at),
                "reviewed_at": _time(f.resolved_at),
            }
            for f in Flag.objects.filter(user=user).order_by("created_at", "pk")
        ],
        "proposal_translations": [
            {
                "proposal_id": t.master_id,
                "language": t.language_code,
                "title": t.title_translated,
                "problem": t.problem_translated,
                "solution": t.solution_translated,
                "expected_results": t.expected_results_translated,
                "translated_at": _time(t.translated_at),
            }
            for t in ProposalTranslation.objects.filter(translated_by=user).order_by("translated_at", "pk")
        ],
        "comment_translations": [
            {
                "comment_id": t.master_id,
                "language": t.language_code,
                "body": t.body_translated,
                "translated_at": _time(t.translated_at),
            }
            for t in CommentTranslation.objects.filter(translated_by=user).order_by("translated_at", "pk")
        ],
    }


def user_organisations(user: User):
    """The organisations the person wrote proposals on behalf of."""
    return Organisation.objects.filter(pk__in=Proposal.objects.filter(author=user).values("organisation"))


def user_erase(user: User) -> None:
    """Remove what the person did not make public; runs inside `accounts.privacy.user_delete_account`."""
    drafts = list(Proposal.objects.filter(author=user, status=Proposal.Status.DRAFT))
    for draft in drafts:
        proposal_discard(proposal=draft)
    # Drafts were never public: neither deleted drafts nor the draft versions of published proposals stay.
    Proposal.history.filter(id__in=[d.pk for d in drafts]).delete()
    Proposal.history.filter(author=user, status=Proposal.Status.DRAFT).delete()
    supports_remove_for_user(user=user)
    # A follow or a flag carries no counter nor state of its own to keep in step.
    Follow.objects.filter(user=user).delete()
    Flag.objects.filter(user=user).delete()
