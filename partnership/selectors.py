"""Reads that combine the apps: the public, filtered lists of members and commitments (their filters offer
IRM ratings), and what the home page shows open now. Each list selects the columns its rows show, nothing more."""

from django.db.models import Prefetch, QuerySet

from commitments.models import ActionPlan, Commitment, Member, PolicyArea
from common.translations import page_translations
from consultations.models import Consultation
from partnership.filters import CommitmentFilter, MemberFilter
from partnership.models import OpenDataBuild

MEMBER_ROW_FIELDS = ("slug", "name", "name_fr", "name_es", "kind", "country", "region", "status")
COMMITMENT_ROW_FIELDS = (
    "number",
    "title",
    "completion",
    "action_plan__language",
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
        .prefetch_related(policy_area_tags(), page_translations(Commitment))
        .with_milestone_progress()
        .order_by("-action_plan__start_date", "action_plan_id", "sort_key")
    )
    commitment_filter = CommitmentFilter(filters or {}, queryset=queryset)
    return commitment_filter.qs, commitment_filter


HOME_CONSULTATION_FIELDS = (
    "title",
    "language",
    "kind",
    "opens_at",
    "closes_at",
    "status",
    "status_changed_at",
    "proposal_count",
    "answered_count",
    "action_plan__member__slug",
    "action_plan__member__name",
    "action_plan__member__name_fr",
    "action_plan__member__name_es",
    "action_plan__member__kind",
)


def home_open_consultations(*, limit: int = 6) -> list[Consultation]:
    """Consultations open now (calls for proposals and reviews of draft plans), the next to close first: one
    query on the (status, closes_at, id) index, their proposal counts read from the stored counters; their titles in
    the page's language, one more."""
    return list(
        Consultation.objects.open_now()
        .select_related("action_plan__member")
        .only(*HOME_CONSULTATION_FIELDS)
        .prefetch_related(page_translations(Consultation))
        .order_by("closes_at", "id")[:limit]
    )


def home_commitments_to_follow(*, limit: int = 6) -> list[Commitment]:
    """The newest commitments of plans in implementation whose progress is reported (a self-reported completion),
    with their milestones' progress and their titles in the page's language: two queries."""
    return list(
        Commitment.objects.filter(action_plan__status=ActionPlan.Status.IMPLEMENTATION)
        .exclude(completion="")
        .select_related("action_plan__member")
        .only(*COMMITMENT_ROW_FIELDS)
        .prefetch_related(page_translations(Commitment))
        .with_milestone_progress()
        .order_by("-id")[:limit]
    )


def open_data_archive():
    """The build of the open-data archive served now: the latest finished one (None before the first)."""
    return OpenDataBuild.objects.filter(status=OpenDataBuild.Status.DONE).order_by("-finished_at", "-pk").first()


def open_data_latest_build():
    """The latest build asked for, whatever its status (its progress, for staff)."""
    return OpenDataBuild.objects.order_by("-created_at", "-pk").first()
