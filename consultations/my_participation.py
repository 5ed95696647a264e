"""Reads for "My participation": what one participant has done across consultations, besides their proposals
(`selectors.my_proposals`). Each list is two queries (its rows, their titles in the page's language), the newest
first, and bounded."""

from commitments.selectors import followed_commitments
from common.translations import page_translations
from consultations.models import Comment, Follow, Proposal, Support

PROPOSAL_RELATED = "proposal__consultation__action_plan__member"


def my_activity(*, user, limit: int = 10) -> dict[str, list]:
    """The participant's latest supports, comments and follows, each with its proposal and consultation, and the
    commitments they follow."""
    newest = ("-created_at", "-id")

    def latest(queryset) -> list:
        titles = page_translations(Proposal, through="proposal")
        return list(queryset.select_related(PROPOSAL_RELATED).prefetch_related(titles).order_by(*newest)[:limit])

    return {
        "supports": latest(Support.objects.filter(user=user)),
        "comments": latest(Comment.objects.filter(author=user)),
        "follows": latest(Follow.objects.filter(user=user)),
        "followed_commitments": followed_commitments(user=user, limit=limit),
    }
