"""Who may do what in co-creation: one predicate per rule, for the web views, the API, templates and admin.

The roles (participant, point of contact, support staff) are defined once, in accounts/rules.py.
"""

import rules

from accounts.rules import (
    is_member_manager,
    is_participant,
    is_point_of_contact,
    is_support_staff,
    member_id_of,
    owned_by_member,
)
from commitments import selectors as commitment_selectors
from commitments.models import ActionPlan
from consultations.models import (
    Comment,
    Consultation,
    Forum,
    ForumMeeting,
    ForumSeat,
    Proposal,
    ProposalAttachment,
    ProposalResponse,
    Referral,
    ResponseTemplate,
)

# Objects are expected with their parents select_related.
owned_by_member(Consultation, lambda consultation: consultation.action_plan.member_id)
owned_by_member(Proposal, lambda proposal: proposal.consultation.action_plan.member_id)
for _model in (Comment, ProposalAttachment, ProposalResponse, Referral):
    owned_by_member(_model, lambda obj: obj.proposal.consultation.action_plan.member_id)
owned_by_member(Forum, lambda forum: forum.member_id)
owned_by_member(ResponseTemplate, lambda template: template.member_id)
owned_by_member(ForumSeat, lambda seat: seat.forum.member_id)
owned_by_member(ForumMeeting, lambda meeting: meeting.forum.member_id)


def proposal_of(obj) -> Proposal | None:
    if isinstance(obj, Proposal):
        return obj
    if isinstance(obj, Comment | ProposalAttachment):
        return obj.proposal
    return None


def _active(user) -> bool:
    return user.is_authenticated and user.is_active


@rules.predicate
def is_author(user, obj) -> bool:
    author_id = getattr(obj, "author_id", None)
    if isinstance(obj, ProposalAttachment):
        author_id = obj.proposal.author_id
    return _active(user) and author_id is not None and author_id == user.pk


def consultation_of(obj) -> Consultation | None:
    if isinstance(obj, Consultation):
        return obj
    proposal = proposal_of(obj)
    return proposal.consultation if proposal is not None else None


def _proposal_status_in(obj, statuses) -> bool:
    proposal = proposal_of(obj)
    return proposal is not None and proposal.status in statuses


@rules.predicate
def is_consultation_open(user, obj) -> bool:
    consultation = consultation_of(obj)
    return consultation is not None and consultation.is_open


@rules.predicate
def can_end_early(user, obj) -> bool:
    return isinstance(obj, Consultation) and obj.can_end_early


@rules.predicate
def is_not_cancelled(user, obj) -> bool:
    return isinstance(obj, Consultation) and obj.status != Consultation.Status.CANCELLED


@rules.predicate
def is_plan_running(user, plan) -> bool:
    return isinstance(plan, ActionPlan) and plan.status not in (
        ActionPlan.Status.COMPLETED,
        ActionPlan.Status.WITHDRAWN,
    )


@rules.predicate
def is_draft(user, obj) -> bool:
    return _proposal_status_in(obj, (Proposal.Status.DRAFT,))


@rules.predicate
def is_editable(user, obj) -> bool:
    return _proposal_status_in(obj, (Proposal.Status.DRAFT, Proposal.Status.SUBMITTED))


@rules.predicate
def is_hidden(user, obj) -> bool:
    return bool(getattr(obj, "is_hidden", False))


@rules.predicate
def is_withdrawable(user, obj) -> bool:
    return _proposal_status_in(obj, (Proposal.Status.SUBMITTED, Proposal.Status.UNDER_REVIEW))


@rules.predicate
def is_public(user, obj) -> bool:
    proposal = proposal_of(obj)
    return proposal is not None and proposal.is_public and not getattr(obj, "is_hidden", False)


@rules.predicate
def is_public_text(user, obj) -> bool:
    """A consultation, a published response under a public proposal, a visible comment (their `is_public`)."""
    return bool(getattr(obj, "is_public", False))


@rules.predicate
def is_answerable(user, obj) -> bool:
    return _proposal_status_in(obj, Proposal.TO_ANSWER)


@rules.predicate
def is_comment_editable(user, obj) -> bool:
    return isinstance(obj, Comment) and not obj.is_hidden and obj.is_editable_now


@rules.predicate
def is_top_level_comment(user, obj) -> bool:
    return isinstance(obj, Comment) and obj.parent_id is None


@rules.predicate
def may_see_proposal(user, proposal) -> bool:
    """Drafts are their author's; hidden proposals are their author's and the moderators'."""
    if not isinstance(proposal, Proposal):
        return False
    if proposal.status == Proposal.Status.DRAFT:
        return is_author(user, proposal)
    if proposal.is_hidden:
        return is_author(user, proposal) or is_member_manager(user, proposal)
    return True


@rules.predicate
def may_see_attachment(user, attachment) -> bool:
    """An attachment is seen by whoever may see its proposal."""
    return isinstance(attachment, ProposalAttachment) and may_see_proposal(user, attachment.proposal)


@rules.predicate
def is_referral_contact(user, obj) -> bool:
    """A contact, now, of the institution the proposal was referred to (commitments.InstitutionContact)."""
    return isinstance(obj, Referral) and commitment_selectors.is_institution_contact(
        user=user, institution_ids=[obj.institution_id]
    )


@rules.predicate
def is_forum_member(user, obj) -> bool:
    """Speaks (confirmed) for an organisation holding a current seat on the forum of the member that owns obj."""
    member_id = member_id_of(obj) if obj is not None else None
    seats = ForumSeat.objects.current().held_by(user)
    return member_id is not None and seats.filter(forum__member_id=member_id).exists()


rules.add_perm("consultations.read_proposal", may_see_proposal)
# obj: the action plan
rules.add_perm("consultations.open_consultation", is_member_manager & is_plan_running)
# obj: the consultation
rules.add_perm("consultations.manage_consultation", is_member_manager)
rules.add_perm("consultations.edit_consultation", is_member_manager & is_not_cancelled)
rules.add_perm("consultations.end_consultation", is_member_manager & can_end_early)
rules.add_perm("consultations.write_proposal", is_participant & is_consultation_open)
# Who may use a form at all; the state (open, editable) is then checked by the service, so a form sent
# just after the consultation closed gets a message on the form instead of a refusal page.
rules.add_perm("consultations.participate", is_participant)
# obj: the proposal
rules.add_perm("consultations.edit_proposal", is_author & is_consultation_open & is_editable & ~is_hidden)
rules.add_perm("consultations.submit_proposal", is_author & is_consultation_open & is_draft)
rules.add_perm("consultations.discard_proposal", is_author & is_draft)
rules.add_perm("consultations.withdraw_proposal", is_author & is_consultation_open & is_withdrawable)
rules.add_perm(
    "consultations.support_proposal", is_participant & ~is_author & is_public & is_consultation_open & is_answerable
)
rules.add_perm("consultations.follow_proposal", rules.is_authenticated & is_public)
rules.add_perm("consultations.flag_proposal", rules.is_authenticated & ~is_author & is_public)
rules.add_perm(
    "consultations.comment_proposal",
    (is_participant | is_point_of_contact | is_support_staff) & is_public & is_consultation_open,
)
rules.add_perm("consultations.own_proposal", is_author)
# A public proposal in another language: its author, the member's point of contact, staff.
rules.add_perm("consultations.translate_proposal", (is_author | is_member_manager) & is_public)
rules.add_perm("consultations.discuss_proposal", (is_participant | is_point_of_contact | is_support_staff) & is_public)
rules.add_perm("consultations.respond_proposal", is_member_manager & is_answerable)
rules.add_perm("consultations.route_proposal", is_member_manager & is_withdrawable)
# obj: the attachment
rules.add_perm("consultations.read_proposalattachment", may_see_attachment)
rules.add_perm("consultations.remove_proposalattachment", is_author & is_consultation_open & is_editable & ~is_hidden)
# obj: the comment
rules.add_perm("consultations.edit_comment", is_author & is_comment_editable)
rules.add_perm(
    "consultations.reply_comment",
    (is_participant | is_point_of_contact | is_support_staff) & is_top_level_comment & is_public & is_consultation_open,
)
rules.add_perm("consultations.flag_comment", rules.is_authenticated & ~is_author & is_public)
# A public text in another language (consultations.views.translations): a consultation and a response, the member's
# point of contact and staff; a comment, its author (while they may edit it) and staff (the author's translation is
# theirs).
rules.add_perm("consultations.translate_consultation", is_member_manager & is_public_text)
rules.add_perm("consultations.translate_proposalresponse", is_member_manager & is_public_text)
# The author translates their words while they may still edit them (and the consultation is open): afterwards the
# text in other languages would change what readers see, unmarked and unmoderated.
rules.add_perm(
    "consultations.translate_comment",
    ((is_author & is_comment_editable & is_consultation_open) | is_support_staff) & is_public_text,
)
# obj: the referral
rules.add_perm("consultations.record_referral", is_member_manager)
# The institution's own contacts read what is asked and give its opinion in the portal.
rules.add_perm("consultations.answer_referral", is_referral_contact)
# obj: the member
rules.add_perm("consultations.manage_forum", is_member_manager)
rules.add_perm("consultations.manage_responsetemplates", is_member_manager)
# obj: a seat, a meeting, a template
rules.add_perm("consultations.manage_forumseat", is_member_manager)
rules.add_perm("consultations.manage_forummeeting", is_member_manager)
rules.add_perm("consultations.manage_responsetemplate", is_member_manager)
# no object
rules.add_perm("consultations.moderate", is_support_staff)
rules.add_perm("consultations.assess_requirements", is_support_staff)
