"""Resources of the archive from the consultations app: consultations, proposals, reasoned responses and the
commitments they fed, comments, forum meetings and their minutes.

Only what anyone may see: submitted proposals neither hidden by moderation nor withdrawn by their author,
published responses to those, comments neither hidden nor replying to a hidden one, and a meeting's minutes
once published. No person's name or account is written, only organisations.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from consultations.models import (
    Comment,
    CommentTranslation,
    Consultation,
    ConsultationTranslation,
    ForumMeeting,
    Proposal,
    ProposalResponse,
    ProposalResponseTranslation,
    ProposalTranslation,
)
from partnership.bundle.columns import Column, Resource, field, joined, translation_columns, with_translations


def public_proposals():
    """Proposals of the archive: the public ones (ProposalQuerySet.public) that their authors did not withdraw."""
    return Proposal.objects.public().exclude(status=Proposal.Status.WITHDRAWN)


def published_responses():
    """Published reasoned responses to the proposals of the archive."""
    return ProposalResponse.objects.filter(status=ProposalResponse.Status.PUBLISHED, proposal__in=public_proposals())


def visible_comments():
    """Comments neither hidden nor replying to a hidden one, on the proposals of the archive."""
    return Comment.objects.filter(is_hidden=False, proposal__in=public_proposals()).filter(
        Q(parent__isnull=True) | Q(parent__is_hidden=False)
    )


CONSULTATIONS = Resource(
    "consultations",
    _("Consultations: calls for proposals and reviews of draft plans."),
    [
        field("id", _("Identifier of the consultation in this portal.")),
        field("action_plan_id", _("Identifier of the action plan (action_plans file).")),
        field("kind", _("proposals (call for proposals) or draft_review (review of the draft plan).")),
        field("title", _("Title of the consultation.")),
        field("description", _("Description (Markdown).")),
        field("language", _("Language it is written in (en, fr or es).")),
        field("opens_at", _("When it opens (ISO 8601, UTC).")),
        field("closes_at", _("When it closes as scheduled (ISO 8601, UTC).")),
        field("response_due_on", _("Date by which every proposal is to be answered (YYYY-MM-DD), if set.")),
        Column("state", _("upcoming, open, closed or cancelled, when the archive was built."), lambda c: c.state),
        field("status_reason", _("Why it was closed early or cancelled, if it was.")),
        field("status_changed_at", _("When it was closed early or cancelled (ISO 8601, UTC).")),
        field("proposal_count", _("Number of proposals owed a reasoned response.")),
        field("answered_count", _("Number of those answered.")),
        *translation_columns({"title": _("Title"), "description": _("Description")}),
    ],
    lambda: Consultation.objects.order_by("pk"),
    per_chunk=with_translations(ConsultationTranslation),
)

PROPOSALS = Resource(
    "proposals",
    _("Proposals submitted by civil society to the consultations (neither hidden by moderation nor withdrawn)."),
    [
        field("id", _("Identifier of the proposal in this portal.")),
        field("consultation_id", _("Identifier of the consultation (consultations file).")),
        field("organisation", _("Organisation on whose behalf it was submitted, if any."), "organisation.name"),
        field("title", _("Title of the proposal.")),
        field("problem", _("Problem to solve.")),
        field("solution", _("Proposed solution.")),
        field("expected_results", _("Expected results.")),
        field("language", _("Language it is written in (en, fr or es).")),
        field("policy_area", _("Policy area (identifier of OGP's taxonomy), if given."), "policy_area.slug"),
        field("status", _("submitted, under_review, accepted, merged or not_accepted.")),
        field("submitted_at", _("When it was submitted (ISO 8601, UTC).")),
        field("support_count", _("Number of participants who support it.")),
        *translation_columns(
            {
                "title": _("Title"),
                "problem": _("Problem"),
                "solution": _("Proposed solution"),
                "expected_results": _("Expected results"),
            }
        ),
    ],
    lambda: public_proposals().select_related("organisation", "policy_area").order_by("pk"),
    per_chunk=with_translations(ProposalTranslation),
)


def _fed_commitments(responses: list) -> None:
    """The commitments each response of a chunk fed, in one query of plain pairs; and the responses' languages."""
    fed: dict[int, list] = {response.pk: [] for response in responses}
    links = ProposalResponse.commitments.through.objects.filter(proposalresponse_id__in=list(fed))
    for response_id, commitment_id in links.order_by("commitment_id").values_list(
        "proposalresponse_id", "commitment_id"
    ):
        fed[response_id].append(commitment_id)
    for response in responses:
        response.fed = fed[response.pk]
    with_translations(ProposalResponseTranslation)(responses)


RESPONSES = Resource(
    "responses",
    _("Reasoned responses of the governments to the proposals, with the commitments each proposal fed."),
    [
        field("id", _("Identifier of the response in this portal.")),
        field("proposal_id", _("Identifier of the proposal it answers (proposals file).")),
        field("outcome", _("accepted, merged (into commitments) or not_accepted.")),
        field("reasons", _("The reasons given (Markdown).")),
        field("language", _("Language it is written in (en, fr or es).")),
        field("published_at", _("When it was published (ISO 8601, UTC).")),
        Column(
            "commitments",
            _("Identifiers of the commitments the proposal fed (commitments file), separated by “; ”."),
            lambda r: joined(r.fed),
        ),
        *translation_columns({"reasons": _("Reasons")}),
    ],
    lambda: published_responses().order_by("pk"),
    per_chunk=_fed_commitments,
)

COMMENTS = Resource(
    "comments",
    _("Comments on the proposals, and replies to them (none hidden by moderation)."),
    [
        field("id", _("Identifier of the comment in this portal.")),
        field("proposal_id", _("Identifier of the proposal (proposals file).")),
        field("parent_id", _("For a reply, the identifier of the comment it answers.")),
        field("body", _("The comment.")),
        field("language", _("Language it is written in (en, fr or es).")),
        field("created_at", _("When it was posted (ISO 8601, UTC).")),
        field("edited_at", _("When it was last edited (ISO 8601, UTC), if it was.")),
        *translation_columns({"body": _("Comment")}),
    ],
    lambda: visible_comments().order_by("pk"),
    per_chunk=with_translations(CommentTranslation),
)

FORUM_MEETINGS = Resource(
    "forum_meetings",
    _("Meetings of the members' multi-stakeholder forums, with their minutes once published."),
    [
        field("id", _("Identifier of the meeting in this portal.")),
        field("member_id", _("Identifier of the member whose forum met (members file)."), "forum.member_id"),
        field("forum", _("Name of the forum."), "forum.name"),
        field("held_on", _("Date of the meeting (YYYY-MM-DD).")),
        field("title", _("Title of the meeting.")),
        field("phase", _("co_creation, implementation or other.")),
        field("action_plan_id", _("Identifier of the action plan discussed (action_plans file), if any.")),
        field("modality", _("in_person, online or hybrid.")),
        field("open_to_public", _("1 if the meeting was open to the public.")),
        field("agenda", _("Agenda (Markdown).")),
        field("attendance_government", _("Number of government participants.")),
        field("attendance_civil_society", _("Number of civil society participants.")),
        field("attendance_other", _("Number of other participants.")),
        Column(
            "minutes",
            _("Minutes (Markdown), once published; empty before."),
            lambda m: m.minutes if m.minutes_published else "",
        ),
    ],
    lambda: ForumMeeting.objects.select_related("forum").order_by("pk"),
)
