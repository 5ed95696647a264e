"""Reads that combine the apps: the public, filtered lists of members and commitments (their filters offer
IRM ratings)."""

from django.db.models import QuerySet

from commitments.models import Commitment, Member
from partnership.filters import CommitmentFilter, MemberFilter


def member_list(*, filters: dict | None = None) -> tuple[QuerySet, MemberFilter]:
    """Members with their plan and commitment counts, filtered; the filter carries its form."""
    queryset = Member.objects.select_related("parent").with_counts().order_by("name")
    member_filter = MemberFilter(filters or {}, queryset=queryset)
    return member_filter.qs, member_filter


def commitment_list(*, filters: dict | None = None) -> tuple[QuerySet, CommitmentFilter]:
    queryset = (
        Commitment.objects.select_related("action_plan__member", "lead_institution")
        .prefetch_related("policy_areas")
        .with_milestone_progress()
        .order_by("-action_plan__start_date", "action_plan_id", "sort_key")
    )
    commitment_filter = CommitmentFilter(filters or {}, queryset=queryset)
    return commitment_filter.qs, commitment_filter
