"""What the monitoring pages show, each read in a fixed number of queries."""

from dataclasses import dataclass, field

from django.db.models import F, Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from commitments.models import ActionPlan, Commitment, Milestone
from common.compiled_models import CompiledModels
from common.db import PageQuery
from common.hints import RowHint
from irm_reports.models import Report
from irm_reports.scales import ReportType
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


def commitment_state(commitment, milestones: list, monitoring: CommitmentMonitoring | None) -> CommitmentState:
    """Both statuses of a commitment and of its milestones; `monitoring` is the commitment's row of them (None for
    none). A commitment and milestones as model instances (the commitment page) or as read by monitoring.plan_page."""
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
    monitoring = None if MONITORING_ROW.known_empty(commitment) else _MONITORING_ROW.one(commitment.pk)
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
    return commitment_state(commitment, milestones, monitoring), reports


_MONITORING_ROW = CompiledModels(lambda pk: CommitmentMonitoring.objects.filter(commitment_id=pk).order_by("pk")[:1])
# Whether the commitment has its monitoring row (common.hints), read with the commitment's page.
MONITORING_ROW = RowHint("monitoring", lambda commitment: CommitmentMonitoring.objects.filter(commitment_id=commitment))


def end_of_term_reports(plan_id) -> QuerySet:
    """The plan's published end-of-term IRM reports: once there is one, its commitments' monitoring closes."""
    return Report.objects.published().filter(action_plan_id=plan_id, report_type=ReportType.END_OF_TERM_REPORT)


# Whether the plan's end-of-term report is published (common.hints), read with a commitment's page for its plan.
END_OF_TERM_PUBLISHED = RowHint("end_of_term_published", end_of_term_reports, field="action_plan_id")
# The same, read with the plan's own page.
PLAN_END_OF_TERM_PUBLISHED = RowHint("end_of_term_published", end_of_term_reports)


def plan_get(*, pk: int) -> ActionPlan:
    return _PLAN.get_or_404(pk)


_PLAN = CompiledModels(lambda pk: ActionPlan.objects.select_related("member").filter(pk=pk).order_by())


_PLAN_FIGURES = PageQuery(
    lambda ids: CommitmentMonitoring.objects.filter(commitment__action_plan_id__in=ids).values(
        "commitment_id", "civil_society_status", "milestone_findings", "report_count", "unanswered_count",
        "commitment__completion",
    ),
    up_to=1,
)  # fmt: skip


# Whether any commitment of the plan has monitoring (common.hints), read with the plan's page: most have none.
PLAN_MONITORING = RowHint(
    "plan_monitoring", lambda plan: CommitmentMonitoring.objects.filter(commitment__action_plan_id=plan)
)


def plan_figures(*, plan: ActionPlan) -> dict:
    """Reports, unanswered reports and disputed commitments of a plan, from the stored statuses (two queries)."""
    rows = [] if PLAN_MONITORING.known_empty(plan) else _PLAN_FIGURES([plan.pk])
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
