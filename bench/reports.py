"""IRM reports for the benchmark: plans of N commitments with a complete Results Report, built through the
portal's own services (so a report is exactly what a researcher would produce)."""

import time
from datetime import date

from django.db import transaction

from commitments.models import ActionPlan, Commitment, Member, StandardRequirement
from irm_reports import services
from irm_reports.models import Report

RATINGS = [
    {
        "potential_for_results": "substantial",
        "promising": "yes",
        "completion": "complete",
        "early_results": "significant",
    },
    {"potential_for_results": "modest", "promising": "no", "completion": "substantial"},
    {"potential_for_results": "substantial", "promising": "yes", "completion": "limited", "early_results": "moderate"},
    {"potential_for_results": "unclear", "promising": "no", "completion": "not_started"},
]


@transaction.atomic
def complete_report(*, commitments: int, tag: str) -> Report:
    member = Member.objects.order_by("pk").first()
    number = (
        ActionPlan.objects.filter(member=member).order_by("-number").values_list("number", flat=True).first() or 0
    ) + 1
    plan = ActionPlan.objects.create(
        member=member,
        number=number,
        title=f"Benchmark plan {tag} ({commitments} commitments)",
        start_date=date(2021, 1, 1),
        end_date=date(2022, 12, 31),
        status=ActionPlan.Status.COMPLETED,
    )
    report = services.report_create(
        plan=plan,
        report_type="results_report",
        methodology="refresh_2021",
        language="en",
        overview="The plan opened budgets and contracts. " * 8,
        implementation_factors="Political support and an active forum. " * 6,
        participation="The forum met every quarter. " * 5,
        acted_according_to_process="yes",
    )
    for index in range(commitments):
        commitment = Commitment.objects.create(
            action_plan=plan,
            number=str(index + 1),
            title=f"Commitment {index + 1}: publish budget and contracting data for every district",
            objective="Publish the data the public needs to follow the money. " * 3,
        )
        ratings = dict(RATINGS[index % len(RATINGS)])
        narratives = {}
        if ratings["promising"] == "yes":
            narratives = {"what_happened": "The portal went live and citizens used it. " * 6, "enablers": "Funding."}
        services.assessment_save(
            report=report, commitment=commitment, verifiable="yes", open_gov_lens="yes", **ratings, **narratives
        )
    requirements = StandardRequirement.objects.filter(version="2021", phase__in=["implementation", "both"])
    services.requirement_assessments_save(
        report=report, items=[{"requirement": r, "status": "met", "evidence": "Minutes online."} for r in requirements]
    )
    services.recommendations_save(
        report=report, items=[{"kind": "implementation", "title": "Publish the data monthly", "text": "Details."}]
    )
    return report


def render_through_workers(report_ids: list[int], *, timeout: float = 900) -> float:
    """Queue every report and wait until all are ready; the seconds it took."""
    start = time.perf_counter()
    for report in Report.objects.filter(pk__in=report_ids):
        with transaction.atomic():
            services.report_request_render(report=report, requested_by=None)
    while time.perf_counter() - start < timeout:
        if Report.objects.filter(pk__in=report_ids, status=Report.Status.READY).count() == len(report_ids):
            return time.perf_counter() - start
        failed = Report.objects.filter(pk__in=report_ids, status=Report.Status.FAILED).first()
        if failed:
            raise RuntimeError(f"Report {failed.pk} failed: {failed.error}")
        time.sleep(0.2)
    raise TimeoutError("reports not ready in time")


def reset_to_draft(report_ids: list[int]) -> None:
    """Back to draft so the same reports can be rendered again by another set of workers."""
    Report.objects.filter(pk__in=report_ids).update(status=Report.Status.DRAFT, rendering=None)
