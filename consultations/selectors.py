"""Reads of the consultations app: what each page shows, in a number of queries that does not grow with rows."""

import dataclasses
import re

from django.db.models import OuterRef, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.urls import reverse

from commitments.models import ActionPlan, Commitment, Member
from common.compiled_models import CompiledModels
from common.db import count_of
from common.pagination import KeysetPage, keyset_page
from common.text import as_id
from common.translations import page_translations
from consultations.comment_selectors import comment_url, proposal_comment_page  # noqa: F401 (where callers look)
from consultations.filters import ConsultationFilter, ProposalFilter

# The forum's reads, kept where their callers look for them.
from consultations.forum_selectors import (  # noqa: F401
    forum_balance,
    forum_get,
    forum_meeting_get,
    forum_meetings,
    forum_seats,
)
from consultations.models import (
    Comment,
    Consultation,
    Flag,
    Follow,
    Proposal,
    ProposalAttachment,
    ProposalResponse,
    Referral,
    Support,
)
from consultations.row_selectors import proposal_rows, visible_comments

PROPOSAL_RELATED = ("consultation__action_plan__member", "author", "organisation", "policy_area", "response")


def consultation_list(*, filters: dict | None = None) -> tuple[QuerySet, ConsultationFilter]:
    queryset = Consultation.objects.select_related("action_plan__member").with_counts().order_by("-opens_at", "-id")
    queryset = queryset.prefetch_related(page_translations(Consultation))
    consultation_filter = ConsultationFilter(filters or {}, queryset=queryset)
    return consultation_filter.qs, consultation_filter


def _consultation_page(pk: int) -> QuerySet:
    queryset = Consultation.objects.select_related("action_plan__member").with_counts()
    return queryset.prefetch_related("policy_areas", page_translations(Consultation)).filter(pk=pk)


_CONSULTATION_PAGE = CompiledModels(_consultation_page)


def consultation_get(*, pk: int) -> Consultation:
    """The consultation's page, with its counts, policy areas and translations (or Http404)."""
    return _CONSULTATION_PAGE.get_or_404(pk)


def proposal_list(
    *, filters: dict | None = None, consultation: Consultation | None = None
) -> tuple[QuerySet, ProposalFilter]:
    """Public proposals with their response, author and comment count; filtered, searched and sorted."""
    queryset = (
        Proposal.objects.public().select_related(*PROPOSAL_RELATED).annotate(comment_count=count_of(visible_comments()))
    )
    if consultation is not None:
        queryset = queryset.filter(consultation=consultation)
    proposal_filter = ProposalFilter(filters or {}, queryset=queryset, consultation=consultation)
    return proposal_filter.qs, proposal_filter


def proposal_page(
    *, filters: dict | None, ordering: tuple[str, ...], cursor: str | None, consultation: Consultation | None = None
) -> tuple[KeysetPage, ProposalFilter]:
    """One keyset page of the public proposals for the HTML lists: the page's ids first, from the proposal table
    alone (the partial index of the sort order; nothing to join, little to plan), then those rows with what a row
    shows (the visible comments counted for these rows only)."""
    queryset = Proposal.objects.public()
    if consultation is not None:
        queryset = queryset.filter(consultation=consultation)
    proposal_filter = ProposalFilter(filters or {}, queryset=queryset, consultation=consultation)
    page = keyset_page(proposal_filter.qs, ordering=ordering, cursor=cursor, keys_only=True)
    rows = proposal_rows(ids=[row.pk for row in page.object_list], with_consultation=consultation is None)
    return dataclasses.replace(page, object_list=rows), proposal_filter


def response_commitments() -> QuerySet:
    """The commitments a response says a proposal fed, with their titles in the page's language."""
    return Commitment.objects.select_related("action_plan").prefetch_related(page_translations(Commitment))


def response_translations() -> Prefetch:
    """The translations of the proposals' responses into the page's language (one query)."""
    return page_translations(ProposalResponse, through="response")


def proposal_get(*, pk: int | str) -> Proposal:
    """The proposal's page (or the API's detail, whose key arrives as text: an id only if it is one)."""
    return _PROPOSAL_PAGE.get_or_404(as_id(pk))


def _proposal_page(pk: int) -> QuerySet:
    queryset = (
        Proposal.objects.select_related(*PROPOSAL_RELATED)
        .prefetch_related(
            "attachments",
            page_translations(Proposal),
            page_translations(Consultation, through="consultation"),
            response_translations(),
            Prefetch("response__commitments", queryset=response_commitments()),
        )
        .annotate(comment_count=count_of(visible_comments()))
    )
    return queryset.filter(pk=pk).order_by()


_PROPOSAL_PAGE = CompiledModels(_proposal_page)


def attachment_get(*, pk: int) -> ProposalAttachment:
    """An attachment with what its permission looks at (proposal, consultation, plan)."""
    return get_object_or_404(ProposalAttachment.objects.select_related("proposal__consultation__action_plan"), pk=pk)


def proposal_viewer_state(*, proposal: Proposal, user) -> dict:
    """Whether the user supports, follows or has flagged the proposal (one query)."""
    if not user.is_authenticated:
        return {"supported": False, "following": False, "flagged": False}
    row = (
        Proposal.objects.filter(pk=proposal.pk)
        .annotate(
            supported=count_of(Support.objects.filter(proposal=OuterRef("pk"), user=user)),
            following=count_of(Follow.objects.filter(proposal=OuterRef("pk"), user=user)),
            flagged=count_of(Flag.objects.filter(proposal=OuterRef("pk"), user=user, resolved_at__isnull=True)),
        )
        .values("supported", "following", "flagged")
        .get()
    )
    return {key: bool(value) for key, value in row.items()}


_STOPWORDS = (
    "about after also because before being between could every from have into more most other over should "
    "some such than that their them then there these they this those through under very what when where "
    "which while with would your open public government"
)
STOPWORDS = frozenset(_STOPWORDS.split(" "))


def similar_proposals(*, consultation: Consultation, text: str, exclude_pk: int | None = None, limit: int = 5) -> list:
    """Submitted proposals of the consultation sharing the most significant words with the text."""
    words = sorted({w for w in re.findall(r"\w{4,}", (text or "").lower()) if w not in STOPWORDS}, key=len)[-8:]
    if not words:
        return []
    query = Q()
    for word in words:
        query |= Q(title__icontains=word)
    candidates = (
        Proposal.objects.public()
        .filter(consultation=consultation)
        .filter(query)
        .exclude(pk=exclude_pk)
        .only("pk", "title", "language", "status", "support_count")[:50]
    )

    def score(proposal):
        title = proposal.title.lower()
        return sum(word in title for word in words)

    ranked = sorted(candidates, key=lambda p: (-score(p), -p.support_count))
    return [p for p in ranked if score(p) >= min(2, len(words))][:limit]


def my_proposals(*, user) -> QuerySet:
    return (
        Proposal.objects.filter(author=user)
        .select_related("consultation__action_plan__member", "response")
        .prefetch_related(page_translations(Consultation, through="consultation"))
        .order_by("-updated_at", "-id")
    )


def workspace_proposals(*, consultation: Consultation, status: str = "") -> QuerySet:
    """Every submitted proposal of a consultation for its point of contact, hidden ones included."""
    queryset = (
        consultation.proposals.exclude(status=Proposal.Status.DRAFT)
        .select_related("author", "organisation", "policy_area", "response")
        .annotate(
            referral_count=count_of(Referral.objects.filter(proposal=OuterRef("pk"))),
            opinion_count=count_of(Referral.objects.filter(proposal=OuterRef("pk")).exclude(opinion="")),
        )
        .order_by("submitted_at", "id")
    )
    if status == "unanswered":
        queryset = queryset.filter(status__in=(Proposal.Status.SUBMITTED, Proposal.Status.UNDER_REVIEW))
    elif status:
        queryset = queryset.filter(status=status)
    return queryset


def plan_commitments(*, plan: ActionPlan) -> QuerySet:
    return plan.commitments.order_by("sort_key")


def moderation_queue(*, kind: str) -> QuerySet:
    """Proposals or comments with open flags, or hidden automatically and not reviewed yet."""
    open_flags = Flag.objects.filter(resolved_at__isnull=True)
    if kind == "comment":
        flags = open_flags.filter(comment=OuterRef("pk"))
        return (
            Comment.objects.filter(pk__in=open_flags.values("comment"))
            .select_related("author", "proposal")
            .annotate(open_flags=count_of(flags))
            .order_by("-open_flags", "created_at")
        )
    flags = open_flags.filter(proposal=OuterRef("pk"))
    return (
        Proposal.objects.filter(pk__in=open_flags.values("proposal"))
        .select_related("author", "consultation")
        .annotate(open_flags=count_of(flags))
        .order_by("-open_flags", "submitted_at")
    )


def workspace_forum_url(*, member: Member) -> str:
    return reverse("consultations:workspace-forum", args=[member.slug])
