"""Reads that combine the apps: the public, filtered lists of members and commitments (their filters offer
IRM ratings), and what the home page shows open now. Each list selects the columns its rows show, nothing more."""

from django.db.models import QuerySet

from commitments import row_selectors as commitment_rows
from commitments import selectors as commitment_selectors
from commitments.models import ActionPlan, Commitment, Member
from commitments.selectors import LISTED_COMMITMENT_FIELDS
from common import hints
from common.compiled_models import CompiledModels
from common.translations import page_translations
from consultations import checklist, forum_selectors
from consultations import panel_selectors as consultation_panels
from consultations.models import Consultation
from cycle import selectors as cycle_selectors
from drafting import awaiting as drafting_awaiting
from drafting import selectors as drafting_selectors
from irm_reports import selectors as irm_selectors
from monitoring import selectors as monitoring_selectors
from partnership.filters import CommitmentFilter, MemberFilter
from partnership.models import OpenDataBuild
from peers import selectors as peer_selectors
from support import selectors as support_selectors

MEMBER_ROW_FIELDS = ("slug", "name", "name_fr", "name_es", "kind", "country", "region", "status")


def member_list(*, filters: dict | None = None) -> tuple[QuerySet, MemberFilter]:
    """Members, filtered; the filter carries its form. Their rows show their counts (commitments.rows.member_rows:
    commitments.member_counts.with_member_counts)."""
    queryset = Member.objects.only(*MEMBER_ROW_FIELDS).order_by("name")
    member_filter = MemberFilter(filters or {}, queryset=queryset)
    return member_filter.qs, member_filter


def action_plan_get(*, pk: int) -> ActionPlan:
    """The plan's page (commitments.selectors.plan_page), with whether its panels' lists have anything: a list known
    to be empty sends no query."""
    return _PLAN_PAGE.get_or_404(pk)


# The hints of the plan page's panels (common.hints), in the order of the page: its consultations' translations, its
# checklist's marks, forum, meetings and amendments, its reports, its monitoring (whether its end-of-term report is
# out: a value, read either way; its rows), its commitments' translations.
PLAN_PANEL_HINTS = (
    consultation_panels.PLAN_TRANSLATIONS,
    checklist.MARKS,
    checklist.MEMBER_FORUM,
    checklist.MEETINGS,
    drafting_awaiting.PLAN_AMENDMENTS,
    irm_selectors.PLAN_REPORTS,
    monitoring_selectors.PLAN_END_OF_TERM_PUBLISHED,
    monitoring_selectors.PLAN_MONITORING,
    commitment_rows.PLAN_TRANSLATIONS,
)

_PLAN_PAGE = CompiledModels(hints.hinted(commitment_selectors.plan_page, PLAN_PANEL_HINTS))


def member_get(*, slug: str) -> Member:
    """The member's page (commitments.selectors.member_page), with whether each panel of the other apps has anything
    to show: a panel known to be empty sends no query."""
    return _MEMBER_PAGE.get_or_404(slug)


# The hints of the member page's panels (common.hints), in the order of the page.
MEMBER_PANEL_HINTS = (
    consultation_panels.MEMBER_TRANSLATIONS,
    forum_selectors.FORUM,
    irm_selectors.MEMBER_REPORTS,
    support_selectors.SUPPORT_RECEIVED,
    support_selectors.MEMBER_ENGAGEMENTS,
    cycle_selectors.MEMBER_STEPS,
    cycle_selectors.MEMBER_CHALLENGES,
)

_MEMBER_PAGE = CompiledModels(hints.hinted(commitment_selectors.member_page, MEMBER_PANEL_HINTS))


def commitment_get(*, pk: int) -> Commitment:
    """The commitment's page (commitments.selectors.commitment_page), with whether each panel of the other apps has
    anything to show: a panel known to be empty sends no query (most commitments have nothing in most panels)."""
    return _COMMITMENT_PAGE.get_or_404(pk)


# The hints of the commitment page's panels (common.hints), in the order of the page.
COMMITMENT_PANEL_HINTS = (
    consultation_panels.FED_BY_RESPONSES,
    drafting_selectors.PUBLISHED_DRAFT,
    irm_selectors.LATEST_ASSESSMENT,
    support_selectors.COMMITMENT_ENGAGEMENTS,
    cycle_selectors.TAGGED_AREAS,
    cycle_selectors.TAGGED_TARGETS,
    monitoring_selectors.MONITORING_ROW,
    monitoring_selectors.END_OF_TERM_PUBLISHED,
    peer_selectors.SIMILAR,
)

_COMMITMENT_PAGE = CompiledModels(hints.hinted(commitment_selectors.commitment_page, COMMITMENT_PANEL_HINTS))


def commitment_list(*, filters: dict | None = None) -> tuple[QuerySet, CommitmentFilter]:
    """The commitments that match the filters, ids only (the list's keyset pages read them; the rows come from
    the row cache, commitments.rows.listed_rows); the filter carries its form."""
    commitment_filter = CommitmentFilter(filters or {}, queryset=Commitment.objects.only("pk"))
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
        .only(*LISTED_COMMITMENT_FIELDS)
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
