"""Reads of the IRM app: what each page, the completeness check and the PDF show.

Every selector costs a fixed number of queries, whatever the number of commitments.
"""

from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import F, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.rules import is_researcher, is_support_staff
from commitments.models import ActionPlan, Commitment, Member, StandardRequirement
from common.addresses import last_key_parts
from common.compiled_models import CompiledModels
from common.hints import RowHint
from irm_reports import fieldsets
from irm_reports.models import (
    CommitmentAssessment,
    PublishedVersion,
    Recommendation,
    Report,
    RequirementAssessment,
)
from irm_reports.scales import Answer, ReportType


@dataclass
class CommitmentRow:
    """A commitment of the report's plan with its assessment (None when not started) and what is missing."""

    commitment: Commitment
    assessment: CommitmentAssessment | None
    missing: list[str] = field(default_factory=list)

    @cached_property
    def missing_labels(self) -> list[str]:
        """The missing fields' names in the active language (a page shows them twice: row and missing item)."""
        return [str(CommitmentAssessment._meta.get_field(f).verbose_name) for f in self.missing]


@dataclass
class MissingItem:
    """Something that must be filled in before the report can be rendered, with where to do it."""

    label: str
    fields: list[str]
    url: str


def report_get(*, pk: int) -> Report:
    return get_object_or_404(Report.objects.select_related("action_plan__member", "rendering"), pk=pk)


def plan_researchers(*, plan: ActionPlan) -> list[User]:
    return _RESEARCHERS(plan.pk)


# A report's page (and its PDF) reads these for its report or plan: each written in SQL once per process
# (common.compiled_models), only the id changes.
_RESEARCHERS = CompiledModels(
    lambda pk: User.objects.filter(irm_assignments__action_plan_id=pk).order_by("full_name", "email")
)
_PLAN_COMMITMENTS = CompiledModels(
    lambda pk: Commitment.objects.filter(action_plan_id=pk).select_related("lead_institution").order_by("sort_key")
)
# Read into a dict: no ordering (the model's joins the commitment).
_COMMITMENT_ASSESSMENTS = CompiledModels(lambda pk: CommitmentAssessment.objects.filter(report_id=pk).order_by())
_REQUIREMENT_ASSESSMENTS = CompiledModels(lambda pk: RequirementAssessment.objects.filter(report_id=pk).order_by())
_RECOMMENDATIONS = CompiledModels(lambda pk: recommendations_of(report=pk))
# Per phase, keyed by the version of the standards: reference data every report page reads.
_REQUIREMENTS_IN_SCOPE = {
    phase: CompiledModels(
        lambda version, phase=phase: StandardRequirement.objects.in_scope(version=version, phase=phase).order_by(
            "order"
        )
    )
    for phase in (StandardRequirement.Phase.CO_CREATION.value, StandardRequirement.Phase.IMPLEMENTATION.value)
}


_PUBLISHED_VERSIONS = CompiledModels(lambda pk: PublishedVersion.objects.filter(report_id=pk).order_by("-version"))


def commitment_rows(*, report: Report) -> list[CommitmentRow]:
    """Every commitment of the plan, in order, with its assessment in this report (two queries)."""
    commitments = _PLAN_COMMITMENTS(report.action_plan_id)
    assessments = {a.commitment_id: a for a in _COMMITMENT_ASSESSMENTS(report.pk)}
    rows = []
    for commitment in commitments:
        assessment = assessments.get(commitment.pk)
        ratings = assessment.ratings() if assessment else {}
        missing = fieldsets.missing_fields(report.report_type, report.methodology, ratings)
        rows.append(CommitmentRow(commitment=commitment, assessment=assessment, missing=missing))
    return rows


def requirement_rows(*, report: Report) -> list[tuple[StandardRequirement, RequirementAssessment | None]]:
    """The standards' requirements this report assesses, with their assessment (two queries)."""
    version, phase, _required = fieldsets.REQUIREMENT_SCOPE[ReportType(report.report_type)]
    requirements = _REQUIREMENTS_IN_SCOPE[phase](version)
    found = {a.requirement_id: a for a in _REQUIREMENT_ASSESSMENTS(report.pk)}
    return [(requirement, found.get(requirement.pk)) for requirement in requirements]


def report_missing(
    *,
    report: Report,
    rows: list[CommitmentRow] | None = None,
    requirements: list | None = None,
    recommendations: list | None = None,
) -> list[MissingItem]:
    """Everything still missing before the report can be rendered (empty when it is complete). A page that
    has read the report's commitment rows, requirement rows or recommendations already passes them."""
    items = []
    report_fields = [
        str(Report._meta.get_field(f).verbose_name)
        for f in fieldsets.REPORT_REQUIRED[ReportType(report.report_type)]
        if getattr(report, f) in (None, "")
    ]
    edit_url = reverse("irm_reports:report-edit", args=[report.pk])
    before, after = last_key_parts("irm_reports:assessment-edit", report.pk)
    if report_fields:
        items.append(MissingItem(label=_("Report"), fields=report_fields, url=edit_url))
    for row in commitment_rows(report=report) if rows is None else rows:
        if row.missing:
            items.append(
                MissingItem(
                    label=_("Commitment %(number)s: %(title)s")
                    % {"number": row.commitment.number, "title": row.commitment.title},
                    fields=row.missing_labels,
                    url=f"{before}{row.commitment.pk}{after}",
                )
            )
    _version, _phase, required = fieldsets.REQUIREMENT_SCOPE[ReportType(report.report_type)]
    if required:
        if requirements is None:
            requirements = requirement_rows(report=report)
        unassessed = [f"{r.code}" for r, assessment in requirements if assessment is None]
        if unassessed:
            items.append(
                MissingItem(
                    label=_("Minimum requirements"),
                    fields=unassessed,
                    url=reverse("irm_reports:requirements-edit", args=[report.pk]),
                )
            )
    if not (report.recommendations.exists() if recommendations is None else recommendations):
        items.append(
            MissingItem(
                label=_("Recommendations"),
                fields=[_("at least one recommendation")],
                url=reverse("irm_reports:recommendations-edit", args=[report.pk]),
            )
        )
    return items


def previous_design_assessments(*, report: Report) -> dict[int, CommitmentAssessment]:
    """For a Results Report: the Action Plan Review's assessments of the same plan, by commitment."""
    if report.report_type != ReportType.RESULTS_REPORT:
        return {}
    review = (
        Report.objects.filter(action_plan_id=report.action_plan_id, report_type=ReportType.ACTION_PLAN_REVIEW)
        .order_by(F("published_at").desc(nulls_last=True), "-updated_at")
        .first()
    )
    if review is None:
        return {}
    return {a.commitment_id: a for a in review.assessments.all()}


def assessment_initial(*, report: Report, commitment: Commitment) -> dict:
    """What a new assessment's form starts with: the commitment's declared values and self-reported
    completion, and for a Results Report the design ratings of the plan's Action Plan Review."""
    yes_no = {True: Answer.YES, False: Answer.NO}
    initial = {
        "relevance_ati": yes_no[commitment.access_to_information],
        "relevance_cp": yes_no[commitment.civic_participation],
        "relevance_pa": yes_no[commitment.public_accountability],
        "relevance_tech": yes_no[commitment.technology_innovation],
    }
    if commitment.completion:
        initial["completion"] = commitment.completion
    design = previous_design_assessments(report=report).get(commitment.pk)
    if design is not None:
        for name in ("verifiable", "open_gov_lens", "potential_for_results", "promising", "cluster"):
            if getattr(design, name):
                initial[name] = getattr(design, name)
    fields = set(fieldsets.assessment_fields(report.report_type, report.methodology))
    return {k: str(v) for k, v in initial.items() if k in fields}


def _public_reports() -> QuerySet:
    """Reports with a published PDF, and OGP's published history imported from its data (which has none)."""
    return (
        Report.objects.filter(
            Q(published_versions__isnull=False) | Q(source=Report.Source.IMPORTED, status=Report.Status.PUBLISHED)
        )
        .distinct()
        .prefetch_related(Prefetch("published_versions", queryset=PublishedVersion.objects.order_by("-version")))
    )


def public_reports_of_plan(*, plan: ActionPlan) -> list[Report]:
    """A plan's public reports with their published versions, newest first (two queries, none when the plan's page
    read that it has none)."""
    return [] if PLAN_REPORTS.known_empty(plan) else _PLAN_REPORTS(plan.pk)


_PLAN_REPORTS = CompiledModels(
    lambda pk: _public_reports().filter(action_plan_id=pk).order_by("-published_at", "report_type", "language")
)
# Whether the plan has a public report (common.hints), read with the plan's page.
PLAN_REPORTS = RowHint("plan_reports", lambda plan: _public_reports().filter(action_plan_id=plan))


def public_reports_of_member(*, member: Member) -> list[Report]:
    """The public reports of every plan of a member (two queries, none when its page's row says it has none)."""
    return [] if MEMBER_REPORTS.known_empty(member) else _MEMBER_REPORTS(member.pk)


# Whether a plan of the member has a public report (common.hints), read with the member's page.
MEMBER_REPORTS = RowHint("public_reports", lambda member: _public_reports().filter(action_plan__member_id=member))
_MEMBER_REPORTS = CompiledModels(
    lambda pk: (
        _public_reports()
        .filter(action_plan__member_id=pk)
        .select_related("action_plan")
        .order_by("-action_plan__start_date", "-published_at", "report_type", "language")
    )
)


def latest_published_assessment(*, commitment: Commitment) -> CommitmentAssessment | None:
    """The commitment's assessment in its most recently published report (one query, none when the page's row
    says it has none)."""
    return None if LATEST_ASSESSMENT.known_empty(commitment) else _LATEST_ASSESSMENT.one(commitment.pk)


def _latest_assessments(commitment):
    return CommitmentAssessment.objects.filter(commitment_id=commitment, is_latest=True)


# One at most (a constraint); ordered by pk: the model's ordering joined the commitment.
_LATEST_ASSESSMENT = CompiledModels(lambda pk: _latest_assessments(pk).select_related("report").order_by("pk")[:1])
# Whether the commitment has an assessment in a published report (common.hints), read with the commitment's page.
LATEST_ASSESSMENT = RowHint("latest_assessment", _latest_assessments)


def published_report_list() -> QuerySet:
    """Reports with at least one published version, for the public list (two queries a page)."""
    return (
        Report.objects.filter(published_versions__isnull=False)
        .distinct()
        .select_related("action_plan__member")
        .prefetch_related(Prefetch("published_versions", queryset=PublishedVersion.objects.order_by("-version")))
        .order_by("-published_at", "-pk")
    )


def recommendations_of(*, report: Report) -> QuerySet:
    return Recommendation.objects.filter(report=report).order_by("order", "id")


def report_recommendations(*, report: Report) -> list[Recommendation]:
    """recommendations_of(), read (one query)."""
    return _RECOMMENDATIONS(report.pk)


def published_versions(*, report: Report) -> list[PublishedVersion]:
    """The report's published versions, newest first (one query)."""
    return _PUBLISHED_VERSIONS(report.pk)


def report_api_queryset(*, user: User) -> QuerySet:
    """Reports the API shows, as `irm_reports.view_report` decides for one: published ones for everyone,
    every report for support staff, and those of their assigned plans for an IRM researcher (the role
    too, not the assignment alone: an assignment outlives a removed role)."""
    queryset = Report.objects.select_related("action_plan__member", "rendering")
    if is_support_staff.test(user):
        return queryset
    published = Q(status=Report.Status.PUBLISHED)
    if is_researcher.test(user):
        published |= Q(action_plan__researcher_assignments__researcher=user)
    return queryset.filter(published).distinct()
