"""Who may do what on a draft plan: the same names for pages, the API, templates and the admin."""

import rules

from accounts.rules import is_member_manager, is_participant, is_point_of_contact, is_support_staff, owned_by_member
from consultations.rules import is_forum_member
from drafting.models import Amendment, DraftCommitment, DraftParagraph, DraftVersion, ParagraphComment

owned_by_member(DraftVersion, lambda version: version.action_plan.member_id)
owned_by_member(DraftParagraph, lambda paragraph: paragraph.draft_commitment.version.action_plan.member_id)
owned_by_member(DraftCommitment, lambda copy: copy.version.action_plan.member_id)
owned_by_member(Amendment, lambda amendment: amendment.version.action_plan.member_id)
owned_by_member(ParagraphComment, lambda comment: comment.paragraph.draft_commitment.version.action_plan.member_id)


def version_of(obj) -> DraftVersion | None:
    if isinstance(obj, DraftVersion):
        return obj
    if isinstance(obj, DraftCommitment):
        return obj.version
    if isinstance(obj, DraftParagraph):
        return obj.draft_commitment.version
    if isinstance(obj, ParagraphComment):
        return obj.paragraph.draft_commitment.version
    if isinstance(obj, Amendment):
        return obj.version
    return None


@rules.predicate
def is_published(user, obj) -> bool:
    version = version_of(obj)
    return version is not None and version.is_published


@rules.predicate
def is_review_open(user, obj) -> bool:
    version = version_of(obj)
    return version is not None and version.consultation.is_open


@rules.predicate
def is_author(user, obj) -> bool:
    author_id = getattr(obj, "author_id", None)
    return bool(user.is_authenticated and user.is_active and author_id is not None and author_id == user.pk)


@rules.predicate
def is_proposed(user, obj) -> bool:
    return isinstance(obj, Amendment) and obj.state == Amendment.State.PROPOSED


@rules.predicate
def is_visible_comment(user, obj) -> bool:
    return isinstance(obj, ParagraphComment) and not obj.is_hidden


@rules.predicate
def is_invited_reviewer(user, obj) -> bool:
    """Invited to review the (unpublished) version: reads it and comments privately. Asked once per version object
    and user: a thread's comments share their version, so its buttons cost no query per comment."""
    version = version_of(obj)
    if version is None or version.is_published or not (user.is_authenticated and user.is_active):
        return False
    known = version.__dict__.setdefault("_reviewers_asked", {})
    if user.pk not in known:
        known[user.pk] = version.reviewers.filter(user=user).exists()
    return known[user.pk]


_discussant = is_participant | is_point_of_contact | is_support_staff
# obj: the version
# The forum reads a private version and its reviewers' comments, without taking part (consultations.rules).
rules.add_perm("drafting.read_draftversion", is_published | is_member_manager | is_invited_reviewer | is_forum_member)
rules.add_perm("drafting.manage_draftversion", is_member_manager)
rules.add_perm("drafting.invite_draftversion", is_member_manager & ~is_published)
# obj: the consultation's plan manager decides; the consultation itself for a new version
rules.add_perm("drafting.add_draftversion", is_member_manager)
# obj: the paragraph
# The state (review open, current version, verified account) is checked by the services, whose refusals say why.
rules.add_perm("drafting.comment_draftparagraph", (_discussant & is_published) | is_invited_reviewer)
rules.add_perm("drafting.amend_draftparagraph", is_participant & is_published)
rules.add_perm("drafting.amend_draftcommitment", is_participant & is_published)
# obj: the comment
rules.add_perm("drafting.support_paragraphcomment", _discussant & ~is_author & is_published & is_visible_comment)
rules.add_perm(
    "drafting.flag_paragraphcomment",
    rules.is_authenticated & ~is_author & is_visible_comment & (is_published | is_member_manager | is_invited_reviewer),
)
# obj: the amendment
rules.add_perm("drafting.read_amendment", is_published | is_member_manager)
rules.add_perm("drafting.support_amendment", is_participant & ~is_author & is_proposed & is_published)
rules.add_perm("drafting.decide_amendment", is_member_manager & is_published)
# Admin: support staff manage every model of the app.
for _name in (
    "draftversion", "draftreviewer", "draftcommitment", "draftparagraph", "paragraphcomment", "commentsupport",
    "commentflag", "amendment", "amendmentsupport",
):  # fmt: skip
    for _action in ("view", "change", "delete"):
        rules.add_perm(f"drafting.{_action}_{_name}", is_support_staff)
