"""Each commitment's stored civil-society status and counts, recomputed from its reports on every change."""

from django.db.models import Count, Q

from monitoring.models import CommitmentMonitoring, MonitoringReport


def monitoring_refresh(*, commitment_id: int) -> CommitmentMonitoring:
    """The latest public finding on the commitment as a whole, the public reports and those awaiting an answer."""
    public = MonitoringReport.objects.public().filter(commitment_id=commitment_id)
    latest = public.filter(milestone__isnull=True).order_by("-observed_on", "-submitted_at", "-id").first()
    findings: dict[str, str] = {}
    for milestone_id, finding in (
        public.filter(milestone__isnull=False)
        .order_by("-observed_on", "-submitted_at", "-id")
        .values_list("milestone_id", "finding")
    ):
        findings.setdefault(str(milestone_id), finding)
    counts = public.aggregate(total=Count("id"), unanswered=Count("id", filter=Q(answer__isnull=True)))
    state, _created = CommitmentMonitoring.objects.update_or_create(
        commitment_id=commitment_id,
        defaults={
            "civil_society_status": latest.finding if latest else "",
            "latest_report": latest,
            "milestone_findings": findings,
            "report_count": counts["total"],
            "unanswered_count": counts["unanswered"],
        },
    )
    return state
