"""Reads of peer exchange: the similar commitments shown with a commitment, and the exchanges."""

from django.db.models import Prefetch, Q, QuerySet

from commitments.models import Commitment
from common.compiled_models import CompiledModels
from common.db import PageQuery
from common.hints import RowHint
from common.text import as_id
from irm_reports.models import CommitmentAssessment
from peers.models import ExchangeRequest, SimilarCommitment

SHOWN_FIELDS = (
    "commitment_id",
    "rank",
    "similar__title",
    "similar__action_plan__member__slug",
    "similar__action_plan__member__name",
    "similar__action_plan__member__name_fr",
    "similar__action_plan__member__name_es",
)


def similar_of(*, commitment: Commitment) -> list[SimilarCommitment]:
    """The stored similar commitments, best first, each with its member and its latest IRM assessment:
    two queries, whatever the number (none when the page's row says it has none)."""
    return [] if SIMILAR.known_empty(commitment) else _SIMILAR_ROWS(commitment.pk)


def _similar_rows(pk: int) -> QuerySet:
    # What the panel shows only: every column of three joined tables (the commitments' long texts) cost more to
    # compile and read than the rows themselves.
    latest = CommitmentAssessment.objects.filter(is_latest=True).only(
        "commitment_id", "starred", "completion", "diog_overall", "potential_impact"
    )
    return (
        SimilarCommitment.objects.filter(commitment_id=pk)
        .select_related("similar__action_plan__member")
        .only(*SHOWN_FIELDS)
        .prefetch_related(Prefetch("similar__irm_assessments", queryset=latest, to_attr="latest_assessments"))
        .order_by("rank")
    )


_SIMILAR_ROWS = CompiledModels(_similar_rows)
# Whether similar commitments are stored for the commitment (common.hints), read with the commitment's page.
SIMILAR = RowHint("similar", lambda commitment: SimilarCommitment.objects.filter(commitment_id=commitment))


# A page of the commitments API: one statement compiled once (common.db.PageQuery).
_SIMILAR_OF = PageQuery(
    lambda ids: (
        SimilarCommitment.objects.filter(commitment_id__in=ids)
        .order_by("commitment_id", "rank")
        .values("commitment_id", "similar_id")
    )
)


def similar_ids(*, commitment_ids: list[int]) -> dict[int, list[int]]:
    """The ids of the similar commitments of each commitment, best first (one query)."""
    found: dict[int, list[int]] = {pk: [] for pk in commitment_ids}
    for row in _SIMILAR_OF(list(commitment_ids)):
        found[row["commitment_id"]].append(row["similar_id"])
    return found


def exchange_queryset() -> QuerySet:
    return ExchangeRequest.objects.select_related(
        "commitment__action_plan", "member", "requester_member", "requester", "answered_by", "about"
    )


def exchanges_for(*, user, filters: dict | None = None) -> QuerySet:
    """The exchanges a person sees: every one for the support unit, their member's (asked or asking) for a
    point of contact; filtered by status, member and policy area."""
    queryset = exchange_queryset()
    if not user.is_staff:
        queryset = queryset.filter(Q(member_id=user.member_id) | Q(requester_member_id=user.member_id))
    filters = filters or {}
    queryset = exchanges_filtered(
        queryset, status=filters.get("status"), member=filters.get("member"), policy_area=filters.get("policy_area")
    )
    return queryset.order_by("-created_at", "-id")


def exchanges_filtered(queryset: QuerySet, *, status=None, member=None, policy_area=None) -> QuerySet:
    """Exchanges of one status, of one member (asked or asking), about a commitment of one policy area (slug)."""
    if status in ExchangeRequest.Status.values:
        queryset = queryset.filter(status=status)
    member_id = as_id(member)
    if member_id is not None:
        queryset = queryset.filter(Q(member_id=member_id) | Q(requester_member_id=member_id))
    if policy_area:
        queryset = queryset.filter(
            pk__in=ExchangeRequest.objects.filter(commitment__policy_areas__slug=policy_area).values("pk")
        )
    return queryset


def own_commitments(*, member_id: int) -> QuerySet:
    """The commitments of a member a point of contact may name as theirs in a request."""
    return (
        Commitment.objects.filter(action_plan__member_id=member_id)
        .select_related("action_plan")
        .order_by("-action_plan__start_date", "sort_key")
    )
