"""Writes of a report's content: commitment assessments, standards requirements, recommendations."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from accounts.models import User
from commitments.models import Commitment, StandardRequirement
from irm_reports import fieldsets
from irm_reports.indicators import derived_flags
from irm_reports.models import CommitmentAssessment, Recommendation, Report, RequirementAssessment
from irm_reports.scales import SENTINELS, ReportType
from irm_reports.services.reports import lock_report, mark_changed, require_editable


def _check_values(report: Report, values: dict) -> None:
    """A rating must be one of the scale's values for the report's methodology (or a data sentinel)."""
    errors = {}
    for name, value in values.items():
        choices = fieldsets.field_choices(name, report.methodology)
        if choices is None or value in (None, ""):
            continue
        if value not in {v for v, _label in choices} | SENTINELS:
            errors[name] = _("“%(value)s” is not a rating of this report's methodology.") % {"value": value}
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def assessment_save(
    *, report: Report, commitment: Commitment, assessed_by: User | None = None, **values
) -> CommitmentAssessment:
    """Create or update a commitment's assessment with the fields of the report's type.

    The derived flags (starred, high completion, ambitious, strong results) are recomputed from
    the ratings by irm_reports.indicators, with the star formula of the report's methodology.
    """
    report = lock_report(report.pk)
    require_editable(report)
    if commitment.action_plan_id != report.action_plan_id:
        raise ValidationError(_("The commitment is not part of the report's action plan."))
    allowed = set(fieldsets.assessment_fields(report.report_type, report.methodology))
    unknown = set(values) - allowed
    if unknown:
        raise ValueError(f"Fields not assessed in this report: {', '.join(sorted(unknown))}")
    values = {
        name: (None if value == "" and name in CommitmentAssessment.RATINGS else value)
        for name, value in values.items()
    }
    _check_values(report, values)
    assessment = CommitmentAssessment.objects.filter(report=report, commitment=commitment).first()
    if assessment is None:
        assessment = CommitmentAssessment(report=report, commitment=commitment)
    for name, value in values.items():
        setattr(assessment, name, value)
    flags = derived_flags(assessment.ratings(), report.methodology)
    for name, value in flags._asdict().items():
        setattr(assessment, name, value)
    assessment.assessed_by = assessed_by
    assessment.full_clean()
    assessment.save()
    mark_changed(report)
    return assessment


@transaction.atomic
def requirement_assessments_save(*, report: Report, items: list[dict]) -> list[RequirementAssessment]:
    """Set the status and evidence of the standards' requirements this report assesses.

    `items`: dicts of requirement, status ("" clears it) and evidence. All are saved, or none.
    """
    report = lock_report(report.pk)
    require_editable(report)
    version, phase, _required = fieldsets.REQUIREMENT_SCOPE[ReportType(report.report_type)]
    in_scope = set(StandardRequirement.objects.in_scope(version=version, phase=phase).values_list("pk", flat=True))
    existing = {a.requirement_id: a for a in report.requirement_assessments.all()}
    saved, errors = [], []
    for item in items:
        requirement = item["requirement"]
        if requirement.pk not in in_scope:
            raise ValidationError(
                _("Requirement %(code)s is not assessed in this report.") % {"code": requirement.code}
            )
        assessment = existing.get(requirement.pk)
        if not item.get("status"):
            if assessment is not None:
                assessment.delete()
            continue
        if assessment is None:
            assessment = RequirementAssessment(report=report, requirement=requirement, phase=phase)
        assessment.status = item["status"]
        assessment.evidence = (item.get("evidence") or "").strip()
        try:
            assessment.full_clean()
        except ValidationError as error:
            errors += [f"{requirement.code}: {message}" for message in error.messages]
            continue
        assessment.save()
        saved.append(assessment)
    if errors:
        raise ValidationError(errors)
    mark_changed(report)
    return saved


@transaction.atomic
def recommendations_save(*, report: Report, items: list[dict]) -> list[Recommendation]:
    """Replace the report's recommendations with `items` (dicts of kind, title, text, follow-up), in order."""
    report = lock_report(report.pk)
    require_editable(report)
    recommendations, errors = [], []
    for order, item in enumerate(items, start=1):
        recommendation = Recommendation(
            report=report,
            order=order,
            kind=item.get("kind", ""),
            title=(item.get("title") or "").strip(),
            text=(item.get("text") or "").strip(),
            follow_up_status=item.get("follow_up_status") or None,
        )
        try:
            recommendation.full_clean()
        except ValidationError as error:
            errors += [
                _("Recommendation %(number)s: %(message)s") % {"number": order, "message": m} for m in error.messages
            ]
        recommendations.append(recommendation)
    if errors:
        raise ValidationError(errors)
    report.recommendations.all().delete()
    bulk_create_with_history(recommendations, Recommendation)
    mark_changed(report)
    return recommendations
