"""Resources of the archive from monitoring and the IRM: civil society's monitoring reports and the government's
answers, the IRM's reports and its assessments of commitments.

Only what anyone may see: monitoring reports submitted and not hidden (MonitoringReportQuerySet.public), IRM
reports with a published version, and the assessments and texts of the reports as published (not a draft
being revised).
"""

from django.db.models import Exists, OuterRef
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from irm_reports.models import CommitmentAssessment, PublishedVersion, Report
from monitoring.models import MonitoringReport, ReportAnswer
from partnership.bundle.columns import Column, Resource, field

MONITORING_REPORTS = Resource(
    "monitoring_reports",
    _("Civil society's monitoring reports on commitments and milestones in implementation."),
    [
        field("id", _("Identifier of the monitoring report in this portal.")),
        field("commitment_id", _("Identifier of the commitment (commitments file).")),
        field("milestone_id", _("Identifier of the milestone (milestones file), when the report is on one.")),
        field("organisation", _("Organisation that filed it, if any."), "organisation.name"),
        field("finding", _("on_track, delayed, not_started, completed or cannot_verify.")),
        field("text", _("What was observed.")),
        field("links", _("Links to evidence, one a line.")),
        field("observed_on", _("Date observed (YYYY-MM-DD).")),
        field("latitude", _("Latitude of the place observed, if given.")),
        field("longitude", _("Longitude of the place observed, if given.")),
        field("address", _("Address of the place observed, if given.")),
        field("submitted_at", _("When it was submitted (ISO 8601, UTC).")),
    ],
    lambda: MonitoringReport.objects.public().select_related("organisation").order_by("pk"),
)

MONITORING_ANSWERS = Resource(
    "monitoring_answers",
    _("The government's answers to the monitoring reports."),
    [
        field("id", _("Identifier of the answer in this portal.")),
        field("report_id", _("Identifier of the monitoring report (monitoring_reports file).")),
        field("kind", _("acknowledged, corrected (the status) or disputed (the finding).")),
        field("text", _("The reasons given.")),
        field("created_at", _("When it was given (ISO 8601, UTC).")),
    ],
    lambda: ReportAnswer.objects.filter(report__in=MonitoringReport.objects.public()).order_by("pk"),
)


def public_reports():
    """IRM reports with at least one published version."""
    published = PublishedVersion.objects.filter(report=OuterRef("pk"))
    return Report.objects.filter(Exists(published))


def _as_published(name: str, description) -> Column:
    """A text of the report, as published: empty while a new version is being drafted."""
    return Column(name, description, lambda r: getattr(r, name) if r.status == Report.Status.PUBLISHED else "")


IRM_REPORTS = Resource(
    "irm_reports",
    _("Reports of the Independent Reporting Mechanism (IRM) on action plans."),
    [
        field("id", _("Identifier of the report in this portal.")),
        field("action_plan_id", _("Identifier of the action plan (action_plans file).")),
        field("report_type", _("Type of the report (e.g. action_plan_review, results_report).")),
        field("methodology", _("The IRM methodology the report follows.")),
        field("language", _("Language of the report (en, fr or es).")),
        field("published_at", _("When it was last published (ISO 8601, UTC).")),
        _as_published("overview", _("Overview: key observations, strengths and challenges (as published).")),
        _as_published("implementation_factors", _("Factors affecting implementation (as published).")),
        _as_published("participation", _("Participation and co-creation (as published).")),
        Column(
            "pdf_url",
            _("Address of the report's page in this portal, where its PDF is downloaded."),
            lambda r: r.get_absolute_url(),
        ),
    ],
    lambda: public_reports().order_by("pk"),
)


def _assessment_column(name: str) -> Column:
    label = CommitmentAssessment._meta.get_field(name).verbose_name
    if name in CommitmentAssessment.NARRATIVES:
        return field(name, format_lazy(_("IRM's text: {label}."), label=label))
    if name in CommitmentAssessment.DERIVED:
        return field(name, format_lazy(_("IRM: {label} (1 or 0; empty when it cannot be said)."), label=label))
    rating = _("IRM rating: {label} (empty when the methodology does not rate it).")
    return field(name, format_lazy(rating, label=label))


IRM_ASSESSMENTS = Resource(
    "irm_assessments",
    _("The IRM's assessments of commitments, in its published reports."),
    [
        field("id", _("Identifier of the assessment in this portal.")),
        field("report_id", _("Identifier of the IRM report (irm_reports file).")),
        field("commitment_id", _("Identifier of the commitment (commitments file).")),
        field("is_latest", _("1 if it is the commitment's assessment in the most recently published report.")),
        field("cluster", _("IRM cluster, if any.")),
        *[
            _assessment_column(name)
            for name in (
                *CommitmentAssessment.RATINGS,
                *CommitmentAssessment.DERIVED,
                *CommitmentAssessment.NARRATIVES,
            )
        ],
    ],
    lambda: CommitmentAssessment.objects.filter(report__status=Report.Status.PUBLISHED).order_by("pk"),
)
