"""What drafting holds about a person, for accounts' personal-data registry (called from `ready()`).

Download: their paragraph comments, amendments (with the decisions), supports and flags.
Deletion: comments and amendments stay public under "Deleted participant" (they shaped a plan's text, and the
account row stays, anonymised); supports are removed with the counters they moved, and flags are removed.
"""

from django.db.models import F

from accounts.models import User
from common.cache import bump_content_version
from drafting.models import Amendment, CommentFlag, CommentSupport, DraftReviewer, ParagraphComment
from drafting.services.amendments import amendments_remove_for_user

COVERS = (
    "drafting.ParagraphComment.author",
    "drafting.CommentSupport.user",
    "drafting.CommentFlag.user",
    "drafting.Amendment.author",
    "drafting.AmendmentSupport.user",
    "drafting.DraftReviewer.user",
)
KEEPS = {
    "drafting.DraftReviewer.invited_by": "work of a point of contact: the row keeps pointing at the anonymised account",
    "drafting.DraftVersion.created_by": "work of a point of contact: the row keeps pointing at the anonymised account",
    "drafting.Amendment.decided_by": "work of a point of contact: the row keeps pointing at the anonymised account",
}


def _time(value):
    return value.isoformat() if value else None


def user_export(user: User) -> dict:
    comments = ParagraphComment.objects.filter(author=user).order_by("pk")
    amendments = Amendment.objects.filter(author=user).select_related("draft_commitment").order_by("pk")
    return {
        "paragraph_comments": [
            {"id": c.pk, "paragraph": c.paragraph_id, "reply_to": c.parent_id, "body": c.body,
             "posted_at": _time(c.created_at)}
            for c in comments
        ],
        "amendments": [
            {"id": a.pk, "commitment": a.draft_commitment.number, "paragraph": a.paragraph_id, "kind": a.kind,
             "text": a.text, "explanation": a.explanation, "state": a.state, "reason": a.reason,
             "proposed_at": _time(a.created_at)}
            for a in amendments
        ],
        "amendment_supports": list(user.amendment_supports.order_by("pk").values_list("amendment_id", flat=True)),
        "paragraph_comment_supports": list(
            CommentSupport.objects.filter(user=user).order_by("pk").values_list("comment_id", flat=True)
        ),
        "draft_reviews": list(user.draft_reviews.order_by("pk").values_list("version_id", flat=True)),
        "paragraph_comment_flags": [
            {"comment": f.comment_id, "reason": f.reason, "flagged_at": _time(f.created_at)}
            for f in CommentFlag.objects.filter(user=user).order_by("pk")
        ],
    }  # fmt: skip


def user_erase(user: User) -> None:
    if Amendment.objects.filter(author=user, state=Amendment.State.ACCEPTED).exists():
        bump_content_version()  # cached responses name the author (`provenance` of the commitments API)
    amendments_remove_for_user(user=user)
    for support in CommentSupport.objects.filter(user=user):
        ParagraphComment.objects.filter(pk=support.comment_id).update(support_count=F("support_count") - 1)
        support.delete()
    CommentFlag.objects.filter(user=user).delete()
    DraftReviewer.objects.filter(user=user).delete()
