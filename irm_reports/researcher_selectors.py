"""What an IRM researcher works on: their reports, their assigned plans and what awaits them there."""

from django.db.models import Prefetch, QuerySet

from accounts.models import User
from commitments.models import ActionPlan
from common.compiled_models import CompiledModels
from irm_reports.models import Report, ResearcherAssignment


def report_list_for(*, user: User) -> QuerySet:
    """The reports a researcher works on (support staff: all of them)."""
    queryset = Report.objects.select_related("action_plan__member").order_by("-updated_at")
    if user.is_staff:
        return queryset
    return queryset.assigned_to(user).distinct()


def assigned_plans(*, user: User) -> QuerySet:
    """The plans a researcher is assigned to, with their reports."""
    queryset = ActionPlan.objects.select_related("member").prefetch_related(
        Prefetch("reports", queryset=Report.objects.order_by("report_type", "language"))
    )
    return queryset.filter(researcher_assignments__researcher=user).distinct().order_by("-start_date", "pk")


def researcher_awaiting(*, plans: list[ActionPlan]) -> dict[str, list]:
    """What awaits a researcher among their assigned plans (already loaded with their reports): plans past
    co-creation without any report yet, and reports to finish (draft, ready to publish, failed)."""
    open_statuses = (Report.Status.DRAFT, Report.Status.READY, Report.Status.FAILED)
    return {
        "plans_without_report": [p for p in plans if p.status != ActionPlan.Status.CO_CREATION and not p.reports.all()],
        "reports_to_finish": [r for p in plans for r in p.reports.all() if r.status in open_statuses],
    }


def assigned_plan_ids(*, researcher_id: int) -> set[int]:
    """The plans a researcher is assigned to (one statement, kept)."""
    return {assignment.action_plan_id for assignment in _ASSIGNMENTS(researcher_id)}


_ASSIGNMENTS = CompiledModels(
    lambda pk: ResearcherAssignment.objects.filter(researcher_id=pk).only("action_plan_id").order_by()
)
