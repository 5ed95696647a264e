"""Writes of the IRM app: reports, researcher assignments, render requests and publication."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from commitments.models import ActionPlan
from common.cache import bump_content_version
from common.db import UNCHANGED, set_fields
from common.jobs import job_enqueue, job_queue
from irm_reports import selectors
from irm_reports.models import CommitmentAssessment, PublishedVersion, Report, ReportRendering, ResearcherAssignment
from irm_reports.rules import ASSIGNED
from irm_reports.scales import ReportType


def lock_report(report_id: int) -> Report:
    """The report's current row, locked for the rest of the transaction."""
    return Report.objects.select_for_update(of=("self",)).select_related("action_plan__member").get(pk=report_id)


def require_editable(report: Report) -> None:
    """Content is written while the report is not being rendered nor published; a change to a
    rendered or failed report makes it a draft again (its PDF no longer matches)."""
    if report.status in Report.IN_PROGRESS:
        raise ValidationError(_("The report is being rendered; wait until the PDF is ready to change it."))
    if report.status == Report.Status.PUBLISHED:
        raise ValidationError(_("This report is published. Start a new version to change it."))


def mark_changed(report: Report) -> None:
    if report.status != Report.Status.DRAFT:
        report.status = Report.Status.DRAFT
        report.save(update_fields=["status", "updated_at"])


@transaction.atomic
def researcher_assign(*, plan: ActionPlan, researcher: User, assigned_by: User | None = None) -> ResearcherAssignment:
    """Assign an IRM researcher to a plan; assigning again changes nothing."""
    if researcher.role != User.Role.IRM_RESEARCHER:
        raise ValidationError({"researcher": _("Only an IRM researcher can be assigned to assess a plan.")})
    assignment = ResearcherAssignment.objects.filter(action_plan=plan, researcher=researcher).first()
    if assignment is None:
        assignment = ResearcherAssignment(action_plan=plan, researcher=researcher, assigned_by=assigned_by)
        assignment.full_clean()
        assignment.save()
    _forget_assignments(researcher)
    return assignment


@transaction.atomic
def researcher_unassign(*, plan: ActionPlan, researcher: User) -> int:
    deleted, _rows = ResearcherAssignment.objects.filter(action_plan=plan, researcher=researcher).delete()
    _forget_assignments(researcher)
    return deleted


def _forget_assignments(researcher: User) -> None:
    """The permissions of this user instance follow its new assignments (irm_reports.rules.is_assigned_researcher)."""
    if hasattr(researcher, ASSIGNED):
        delattr(researcher, ASSIGNED)


@transaction.atomic
def report_create(
    *,
    plan: ActionPlan,
    report_type: str,
    methodology: str,
    language: str,
    overview: str = "",
    implementation_factors: str = "",
    participation: str = "",
    methodology_text: str = "",
    acted_according_to_process: str | None = None,
    iap2_level_development: str | None = None,
    iap2_level_implementation: str | None = None,
) -> Report:
    """Start a report on a plan; an Action Plan Review needs a submitted plan, a Results Report an ended one."""
    plan = ActionPlan.objects.select_for_update().get(pk=plan.pk)
    if plan.status == ActionPlan.Status.CO_CREATION:
        raise ValidationError(_("The IRM assesses an action plan once it has been submitted."))
    ended = plan.status in (ActionPlan.Status.COMPLETED, ActionPlan.Status.WITHDRAWN)
    if report_type in (ReportType.RESULTS_REPORT, ReportType.END_OF_TERM_REPORT) and not ended:
        raise ValidationError(
            {
                "report_type": _(
                    "A report on results is written once the action plan has ended (it is now “%(status)s”)."
                )
                % {"status": plan.get_status_display()}
            }
        )
    report = Report(action_plan=plan, report_type=report_type, methodology=methodology, language=language)
    set_fields(
        report,
        overview=overview,
        implementation_factors=implementation_factors,
        participation=participation,
        methodology_text=methodology_text,
        acted_according_to_process=acted_according_to_process,
        iap2_level_development=iap2_level_development,
        iap2_level_implementation=iap2_level_implementation,
    )
    report.full_clean()
    report.save()
    return report


@transaction.atomic
def report_update(
    *,
    report: Report,
    overview: str = UNCHANGED,
    implementation_factors: str = UNCHANGED,
    participation: str = UNCHANGED,
    methodology_text: str = UNCHANGED,
    acted_according_to_process: str = UNCHANGED,
    iap2_level_development: str = UNCHANGED,
    iap2_level_implementation: str = UNCHANGED,
) -> Report:
    """Write the report-level content (narratives, process ratings); a field not given keeps its value."""
    report = lock_report(report.pk)
    require_editable(report)
    set_fields(
        report,
        overview=overview,
        implementation_factors=implementation_factors,
        participation=participation,
        methodology_text=methodology_text,
        acted_according_to_process=acted_according_to_process,
        iap2_level_development=iap2_level_development,
        iap2_level_implementation=iap2_level_implementation,
    )
    report.full_clean()
    report.save()
    mark_changed(report)
    return report


def missing_message(items) -> list[str]:
    lines = [_("The report cannot be rendered yet; fill in what is missing first:")]
    lines += [f"{item.label}: {', '.join(str(f) for f in item.fields)}" for item in items]
    return lines


@transaction.atomic
def report_request_render(*, report: Report, requested_by: User | None, enqueue: bool = True) -> Report:
    """Queue the rendering of the report's PDF, once everything required is filled in.

    A version is rendered once: a report rendered before gets a new version number, so its file is
    never overwritten by another version's; a failed rendering is asked for again.
    """
    report = lock_report(report.pk)
    if report.status in Report.IN_PROGRESS:
        return report
    if report.status == Report.Status.PUBLISHED:
        raise ValidationError(_("This report is published. Start a new version to render it again."))
    missing = selectors.report_missing(report=report)
    if missing:
        raise ValidationError(missing_message(missing))
    rendering = _rendering_to_queue(report)
    rendering.requested_by = requested_by
    rendering.requested_at = timezone.now()
    job_queue(rendering)
    report.rendering = rendering
    report.status = Report.Status.QUEUED
    report.save()
    if enqueue:
        job_enqueue(rendering)
    return report


def _rendering_to_queue(report: Report) -> ReportRendering:
    """The rendering of the report's current version, moving the report to its next version when that
    one is rendered already."""
    renderings = ReportRendering.objects.select_for_update().filter(report=report, language=report.language)
    rendering = renderings.filter(version=report.version).first()
    if rendering is not None and rendering.status == ReportRendering.Status.DONE:
        report.version += 1
        rendering = None
    return rendering or ReportRendering(report=report, version=report.version, language=report.language)


@transaction.atomic
def report_publish(*, report: Report, published_by: User | None) -> PublishedVersion:
    """Publish the rendered PDF of the current version; earlier published versions stay available."""
    report = lock_report(report.pk)
    rendering = report.pdf_rendering
    if report.status != Report.Status.READY or rendering is None or rendering.version != report.version:
        raise ValidationError(_("Only a report whose PDF is ready can be published."))
    now = timezone.now()
    version = PublishedVersion(
        report=report,
        version=report.version,
        language=rendering.language,
        pdf=rendering.pdf.name,
        sha256=rendering.pdf_sha256,
        size=rendering.pdf_size or 0,
        published_at=now,
        published_by=published_by,
    )
    version.full_clean()
    version.save()
    report.status = Report.Status.PUBLISHED
    report.published_at = now
    report.save(update_fields=["status", "published_at", "updated_at"])
    latest_assessments_refresh(plan_id=report.action_plan_id)
    return version


@transaction.atomic
def report_new_version(*, report: Report) -> Report:
    """Reopen a published report as a draft of its next version (the published PDF stays public)."""
    report = lock_report(report.pk)
    if report.status != Report.Status.PUBLISHED:
        raise ValidationError(_("Only a published report is reopened for a new version."))
    report.status = Report.Status.DRAFT
    report.version += 1
    report.save(update_fields=["status", "version", "updated_at"])
    latest_assessments_refresh(plan_id=report.action_plan_id)
    return report


def latest_assessments_refresh(*, plan_id: int) -> int:
    """Mark, for each commitment of the plan, its assessment in the most recently published report.

    Returns the number of commitments that have one. Run whenever a report of the plan is published
    or reopened.
    """
    assessments = CommitmentAssessment.objects.filter(report__action_plan_id=plan_id)
    published = (
        assessments.filter(report__status=Report.Status.PUBLISHED)
        .order_by("commitment_id", F("report__published_at").desc(nulls_last=True), "-report_id")
        .values_list("pk", "commitment_id")
    )
    latest: dict[int, int] = {}
    for pk, commitment_id in published:
        latest.setdefault(commitment_id, pk)
    assessments.filter(is_latest=True).exclude(pk__in=latest.values()).update(is_latest=False)
    assessments.filter(pk__in=latest.values(), is_latest=False).update(is_latest=True)
    bump_content_version()
    return len(latest)
