"""What the monitoring pages show, each read in a fixed number of queries."""

from dataclasses import dataclass, field

from django.db.models import F, Prefetch, QuerySet, prefetch_related_objects
from django.shortcuts import get_object_or_404

from commitments.models import ActionPlan, Commitment, Milestone
from commitments.row_selectors import with_listed_areas
from common.compiled_models import CompiledModels
from common.db import PageQuery
from common.text import sort_key
from common.translations import page_translations
from monitoring import status as rule
from monitoring.models import CommitmentMonitoring, Finding, MonitoringReport, ReportEvidence

PANEL_REPORTS = 50
MAP_POINTS = 500


def report_queryset(*, with_commitment: bool = True) -> QuerySet:
    """Reports as their cards show them. `with_commitment=False` where the commitment is known (each join costs
    the planner more than reading the rows: 5.6 ms of planning for 0.5 ms of execution with all eight)."""
    related = ("milestone", "author", "organisation", "answer__written_by")
    if with_commitment:
        related += ("commitment__action_plan__member",)
    return MonitoringReport.objects.select_related(*related).prefetch_related(
        Prefetch("evidence", queryset=ReportEvidence.objects.order_by("created_at", "id"))
    )


def report_get(*, pk: int) -> MonitoringReport:
    return get_object_or_404(report_queryset(), pk=pk)


def evidence_get(*, pk: int) -> ReportEvidence:
    return get_object_or_404(ReportEvidence.objects.select_related("report__commitment__action_plan"), pk=pk)


@dataclass
class MilestoneRow:
    milestone: Milestone
    finding: str = ""
    finding_label: str = ""
    disputed: bool = False


@dataclass
class CommitmentState:
    commitment: Commitment
    civil_society_status: str = ""
    civil_society_label: str = ""
    disputed: bool = False
    government_progress: int | None = None
    civil_society_progress: int | None = None
    milestones: list = field(default_factory=list)
    latest_report: MonitoringReport | None = None
    unanswered: int = 0
    report_count: int = 0

    @property
    def overdue(self) -> list:
        return [row.milestone for row in self.milestones if row.milestone.is_overdue]


def _state(commitment: Commitment, milestones: list, monitoring: CommitmentMonitoring | None) -> CommitmentState:
    """Both statuses of a commitment and of its milestones; `monitoring` is the commitment's row of them (None for
    none)."""
    status = monitoring.civil_society_status if monitoring else ""
    findings = monitoring.milestone_findings if monitoring else {}
    rows = []
    for milestone in milestones:
        finding = findings.get(str(milestone.pk), "")
        label = Finding(finding).label if finding else ""
        rows.append(MilestoneRow(milestone, finding, label, rule.milestone_disputed(finding, milestone.status)))
    statuses = [m.status for m in milestones]
    return CommitmentState(
        commitment=commitment,
        civil_society_status=status,
        civil_society_label=Finding(status).label if status else "",
        disputed=rule.commitment_disputed(status, commitment.completion) or any(r.disputed for r in rows),
        government_progress=rule.percent(
            rule.commitment_progress(milestone_statuses=statuses, completion=commitment.completion)
        ),
        civil_society_progress=rule.percent(
            rule.civil_society_progress(milestone_findings=[r.finding for r in rows], finding=status)
        ),
        milestones=rows,
        latest_report=monitoring.latest_report if monitoring else None,
        unanswered=monitoring.unanswered_count if monitoring else 0,
        report_count=monitoring.report_count if monitoring else 0,
    )


def commitment_panel(*, commitment: Commitment) -> tuple[CommitmentState, list[MonitoringReport]]:
    """The commitment page's monitoring panel: both statuses, its milestones', the public reports and answers."""
    # The monitoring row alone: reading the commitment again to join it cost a second copy of its long texts.
    monitoring = _MONITORING_ROW.one(commitment.pk)
    reports = []
    # The row counts the public reports (kept by every write of a report, monitoring.services.status): most
    # commitments have none, and the reports' five-table query cost 2.2 ms to find none.
    if monitoring is not None and monitoring.report_count:
        reports = list(
            report_queryset(with_commitment=False)
            .public()
            .filter(commitment=commitment)
            .order_by("-observed_on", "-id")[:PANEL_REPORTS]
        )
    for report in reports:
        report.commitment = commitment
    milestones = list(commitment.milestones.all())  # prefetched by the commitment page
    return _state(commitment, milestones, monitoring), reports


_MONITORING_ROW = CompiledModels(lambda pk: CommitmentMonitoring.objects.filter(commitment_id=pk).order_by("pk")[:1])


def plan_get(*, pk: int) -> ActionPlan:
    return _PLAN.get_or_404(pk)


_PLAN = CompiledModels(lambda pk: ActionPlan.objects.select_related("member").filter(pk=pk).order_by())


# What the plan's page shows of each commitment, its lead institution, stored statuses and latest report: the
# long texts of every commitment (objective, problem, ...) cost more to read and build than the rest of the page.
PLAN_COMMITMENT_FIELDS = (
    "number", "title", "completion", "action_plan_id", "lead_institution__name",
    "monitoring__commitment_id", "monitoring__civil_society_status", "monitoring__milestone_findings",
    "monitoring__report_count", "monitoring__unanswered_count", "monitoring__latest_report__observed_on",
)  # fmt: skip
PLAN_MILESTONE_FIELDS = ("commitment_id", "order", "description", "due_date", "status")


def plan_commitments(*, plan: ActionPlan) -> list[Commitment]:
    """Every commitment of the plan as its monitoring page shows them, with their milestones, policy areas and the
    files of their latest report (five queries); the filters' choices come from them too (plan_filter_choices).
    The policy areas as the commitment lists read them (`listed_areas`, one instance per area)."""
    commitments = _PLAN_COMMITMENTS(plan.pk)
    for commitment in commitments:
        commitment.action_plan = plan  # as the plan's related manager gives them, without a query each
    return with_listed_areas(commitments)


_PLAN_COMMITMENTS = CompiledModels(
    lambda pk: (
        Commitment.objects.filter(action_plan_id=pk)
        .select_related("lead_institution", "monitoring__latest_report")
        .only(*PLAN_COMMITMENT_FIELDS)
        .prefetch_related(
            Prefetch("milestones", queryset=Milestone.objects.only(*PLAN_MILESTONE_FIELDS).order_by(*Milestone.ORDER)),
            page_translations(Commitment),
            Prefetch("monitoring__latest_report__evidence", queryset=ReportEvidence.objects.only("report_id")),
        )
        .order_by("sort_key")
    )
)


def plan_filter_choices(*, commitments: list[Commitment]) -> dict:
    """The policy areas and lead institutions of the plan's commitments (read by plan_commitments), by name (accents
    and case aside, the same on every database)."""
    areas = {area.pk: area for commitment in commitments for area in commitment.listed_areas}
    institutions = {c.lead_institution_id: c.lead_institution.name for c in commitments if c.lead_institution_id}
    return {
        "areas": sorted(areas.values(), key=lambda area: (sort_key(area.name), area.pk)),
        "institutions": sorted(institutions.items(), key=lambda item: (sort_key(item[1]), item[0])),
    }


def _matches(commitment: Commitment, filters: dict) -> bool:
    area, institution = filters.get("policy_area"), filters.get("institution")
    if area and not any(a.slug == area for a in commitment.listed_areas):
        return False
    return not institution or str(commitment.lead_institution_id) == str(institution)


def plan_monitoring(*, plan: ActionPlan, commitments: list[Commitment], filters: dict) -> dict:
    """The plan's commitments (plan_commitments) of the policy area and institution asked for, with both statuses,
    their overdue milestones and latest evidence; the open disputes, the progress of those commitments and the
    points of the plan's findings that carry a place."""
    states = [
        _state(c, list(c.milestones.all()), getattr(c, "monitoring", None)) for c in commitments if _matches(c, filters)
    ]
    # Only the overdue milestones' descriptions are shown: their translations alone (one query).
    prefetch_related_objects([m for state in states for m in state.overdue], page_translations(Milestone))
    all_states = states
    if filters.get("disputed") == "yes":
        states = [s for s in states if s.disputed]
    elif filters.get("disputed") == "no":
        states = [s for s in states if not s.disputed]
    return {
        "states": states,
        "disputes": [s for s in all_states if s.disputed],
        "government_progress": rule.percent(
            rule.plan_progress(
                [None if s.government_progress is None else s.government_progress / 100 for s in all_states]
            )
        ),
        "civil_society_progress": rule.percent(
            rule.plan_progress(
                [None if s.civil_society_progress is None else s.civil_society_progress / 100 for s in all_states]
            )
        ),
        "unanswered": sum(s.unanswered for s in all_states),
        "points": plan_points(plan=plan),
    }


_PLAN_FIGURES = PageQuery(
    lambda ids: CommitmentMonitoring.objects.filter(commitment__action_plan_id__in=ids).values(
        "commitment_id", "civil_society_status", "milestone_findings", "report_count", "unanswered_count",
        "commitment__completion",
    ),
    up_to=1,
)  # fmt: skip


def plan_figures(*, plan: ActionPlan) -> dict:
    """Reports, unanswered reports and disputed commitments of a plan, from the stored statuses (two queries)."""
    rows = _PLAN_FIGURES([plan.pk])
    statuses = grouped_milestones([row["commitment_id"] for row in rows if row["milestone_findings"]])
    disputed = sum(
        1
        for row in rows
        if rule.disputed(
            row["civil_society_status"],
            row["commitment__completion"],
            row["milestone_findings"],
            statuses.get(row["commitment_id"], []),
        )
    )
    return {
        "reports": sum(row["report_count"] for row in rows),
        "unanswered": sum(row["unanswered_count"] for row in rows),
        "disputed": disputed,
    }


def grouped_milestones(commitment_ids: list[int]) -> dict[int, list[tuple[int, str]]]:
    grouped: dict[int, list[tuple[int, str]]] = {}
    if commitment_ids:
        for pk, commitment_id, status in Milestone.objects.filter(commitment_id__in=commitment_ids).values_list(
            "pk", "commitment_id", "status"
        ):
            grouped.setdefault(commitment_id, []).append((pk, status))
    return grouped


def plan_points(*, plan: ActionPlan) -> list[MonitoringReport]:
    return list(
        MonitoringReport.objects.public()
        .filter(commitment__action_plan=plan, latitude__isnull=False)
        .select_related("commitment")
        .only("pk", "latitude", "longitude", "finding", "address", "commitment__number", "commitment__title")
        .order_by("-observed_on", "-id")[:MAP_POINTS]
    )


def workspace_reports(*, plan: ActionPlan, unanswered: bool) -> QuerySet:
    """The plan's submitted reports for its point of contact, those awaiting an answer first (oldest due first)."""
    reports = report_queryset().filter(commitment__action_plan=plan, status=MonitoringReport.Status.SUBMITTED)
    if unanswered:
        reports = reports.filter(answer__isnull=True)
    return reports.order_by(F("answer").asc(nulls_first=True), "response_due_on", "id")


def user_reports(*, user) -> QuerySet:
    return report_queryset().filter(author=user).order_by("-created_at")
