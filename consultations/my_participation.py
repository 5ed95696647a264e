"""Reads for "My participation": what one participant has done across consultations, besides their proposals
(`selectors.my_proposals`). Each list is one query, the newest first, and bounded."""

from commitments.selectors import followed_commitments
from consultations.models import Comment, Follow, Support

PROPOSAL_RELATED = "proposal__consultation__action_plan__member"


def my_activity(*, user, limit: int = 10) -> dict[str, list]:
    """The participant's latest supports, comments and follows, each with its proposal and consultation, and the
    commitments they follow."""
    newest = ("-created_at", "-id")
    return {
        "supports": list(Support.objects.filter(user=user).select_related(PROPOSAL_RELATED).order_by(*newest)[:limit]),
        "comments": list(
            Comment.objects.filter(author=user).select_related(PROPOSAL_RELATED).order_by(*newest)[:limit]
        ),
        "follows": list(Follow.objects.filter(user=user).select_related(PROPOSAL_RELATED).order_by(*newest)[:limit]),
        "followed_commitments": followed_commitments(user=user, limit=limit),
    }
