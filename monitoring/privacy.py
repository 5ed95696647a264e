"""What monitoring holds about a person, for accounts' personal-data registry (called from `ready()`).

Download: their reports (drafts included, with their files), answers kept with them, and their flags.
Deletion: submitted reports stay public, by a "Deleted participant" (the account row stays, anonymised); drafts
and their files are deleted; flags are removed.
"""

from accounts.models import User
from monitoring.models import MonitoringReport, ReportFlag
from monitoring.services.reports import report_discard

COVERS = ("monitoring.MonitoringReport.author", "monitoring.ReportFlag.user")
KEEPS = {
    "monitoring.ReportAnswer.written_by": (
        "work of a point of contact or of support staff, who hand over before deleting their account: "
        "the row keeps pointing at the anonymised account"
    ),
}


def _time(value):
    return value.isoformat() if value else None


def user_export(user: User) -> dict:
    reports = MonitoringReport.objects.filter(author=user).select_related("commitment", "organisation")
    reports = reports.prefetch_related("evidence").order_by("pk")
    return {
        "monitoring_reports": [
            {
                "id": report.pk,
                "url": report.get_absolute_url() if report.is_public else None,
                "commitment": str(report.commitment),
                "status": report.status,
                "finding": report.finding,
                "text": report.text,
                "language": report.language,
                "links": report.link_list,
                "observed_on": _time(report.observed_on),
                "latitude": str(report.latitude) if report.latitude is not None else None,
                "longitude": str(report.longitude) if report.longitude is not None else None,
                "address": report.address,
                "on_behalf_of": report.organisation.name if report.organisation else None,
                "submitted_at": _time(report.submitted_at),
                "withdrawn_at": _time(report.withdrawn_at),
                "withdrawal_reason": report.withdrawal_reason,
                "files": [
                    {"name": e.original_name, "type": e.content_type, "size": e.size} for e in report.evidence.all()
                ],
            }
            for report in reports
        ],
        "monitoring_flags": [
            {"report": flag.report_id, "reason": flag.reason, "note": flag.note, "flagged_at": _time(flag.created_at)}
            for flag in ReportFlag.objects.filter(user=user).order_by("pk")
        ],
    }


def user_erase(user: User) -> None:
    for draft in MonitoringReport.objects.filter(author=user, status=MonitoringReport.Status.DRAFT):
        report_discard(report=draft)
    ReportFlag.objects.filter(user=user).delete()
    MonitoringReport.history.filter(author=user, status=MonitoringReport.Status.DRAFT).delete()
