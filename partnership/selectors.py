"""Reads that combine the apps: the public, filtered lists of members and commitments (their filters offer
IRM ratings). Each list selects the columns its rows show, nothing more."""

from django.db.models import Prefetch, QuerySet

from commitments.models import Commitment, Member, PolicyArea
from partnership.filters import CommitmentFilter, MemberFilter

MEMBER_ROW_FIELDS = ("slug", "name", "name_fr", "name_es", "kind", "country", "region", "status")
COMMITMENT_ROW_FIELDS = (
    "number",
    "title",
    "completion",
    "action_plan__start_date",
    "action_plan__end_date",
    "action_plan__member__name",
    "action_plan__member__name_fr",
    "action_plan__member__name_es",
    "lead_institution__name",
)


def member_list(*, filters: dict | None = None) -> tuple[QuerySet, MemberFilter]:
    """Members with their plan and commitment counts, filtered; the filter carries its form."""
    queryset = Member.objects.only(*MEMBER_ROW_FIELDS).with_counts().order_by("name")
    member_filter = MemberFilter(filters or {}, queryset=queryset)
    return member_filter.qs, member_filter


def policy_area_tags() -> Prefetch:
    """A row's policy areas, as its tags show them."""
    return Prefetch("policy_areas", queryset=PolicyArea.objects.only("name", "name_fr", "name_es", "slug"))


def commitment_list(*, filters: dict | None = None) -> tuple[QuerySet, CommitmentFilter]:
    queryset = (
        Commitment.objects.select_related("action_plan__member", "lead_institution")
        .only(*COMMITMENT_ROW_FIELDS)
        .prefetch_related(policy_area_tags())
        .with_milestone_progress()
        .order_by("-action_plan__start_date", "action_plan_id", "sort_key")
    )
    commitment_filter = CommitmentFilter(filters or {}, queryset=queryset)
    return commitment_filter.qs, commitment_filter
