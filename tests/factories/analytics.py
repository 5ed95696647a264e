"""Commitments with published IRM assessments, for the analytics' tests."""

from datetime import UTC, datetime

from irm_reports.indicators import derived_flags
from irm_reports.models import CommitmentAssessment, Report
from irm_reports.scales import Methodology, ReportType
from irm_reports.services.reports import latest_assessments_refresh
from tests.factories.commitments import CommitmentFactory

MID_TERM, END_OF_TERM = ReportType.PROGRESS_REPORT, ReportType.END_OF_TERM_REPORT
RELEVANT = {"relevance_ati": "yes", "specificity": "high"}


def assess(
    commitment=None, *, report=None, report_type=END_OF_TERM, status=Report.Status.PUBLISHED, year=2020, **ratings
):
    """An assessment of `commitment` (a new one by default) in `report` or its plan's report of `report_type`, an
    imported published report of OGP's history unless `status` says otherwise; the latest assessments are
    refreshed. Without ratings: a starred commitment (complete, transformative, major)."""
    commitment = commitment or CommitmentFactory()
    methodology = report.methodology if report else Methodology.LEGACY_2015
    report = report or _report(commitment, report_type, status, year, methodology)
    ratings = ratings or {"completion": "complete", "potential_impact": "transformative", "diog_overall": "major"}
    ratings = {**RELEVANT, **ratings}
    flags = derived_flags(ratings, methodology)._asdict()
    assessment = CommitmentAssessment.objects.create(report=report, commitment=commitment, **ratings, **flags)
    latest_assessments_refresh(plan_id=commitment.action_plan_id)
    return assessment


def _report(commitment, report_type, status, year, methodology) -> Report:
    published = status == Report.Status.PUBLISHED
    report, _created = Report.objects.get_or_create(
        action_plan=commitment.action_plan,
        report_type=report_type,
        language="en",
        defaults={
            "methodology": methodology,
            "source": Report.Source.IMPORTED if published else Report.Source.PORTAL,
            "status": status,
            "published_at": datetime(year, 6 if report_type == MID_TERM else 7, 1, tzinfo=UTC) if published else None,
        },
    )
    return report
