"""Each commitment's stored civil-society status and counts, recomputed from its reports on every change."""

from django.db import transaction
from django.db.models import Count, Q

from monitoring.models import CommitmentMonitoring, MonitoringReport


@transaction.atomic
def monitoring_refresh(*, commitment_id: int) -> CommitmentMonitoring:
    """The latest public finding on the commitment as a whole, the public reports and those awaiting an answer.

    The commitment's row is locked before its reports are counted: two writes at once (the last public report
    withdrawn while another is submitted) count in turn, the second seeing what the first committed. Counted
    first, the second to commit could store what the first had counted (no public report), and the commitment's
    page, which reads its reports when the row counts some, would hide the new one.
    """
    state, _created = CommitmentMonitoring.objects.select_for_update().get_or_create(commitment_id=commitment_id)
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
    state.civil_society_status = latest.finding if latest else ""
    state.latest_report = latest
    state.milestone_findings = findings
    state.report_count = counts["total"]
    state.unanswered_count = counts["unanswered"]
    state.save()
    return state
