import factory
from factory.django import DjangoModelFactory

from commitments.models import StandardRequirement
from irm_reports import services
from irm_reports.models import (
    CommitmentAssessment,
    Recommendation,
    Report,
    ReportRendering,
    ResearcherAssignment,
)
from irm_reports.scales import Methodology, ReportType
from tests.factories.accounts import UserFactory
from tests.factories.commitments import ActionPlanFactory, CommitmentFactory


class ResearcherAssignmentFactory(DjangoModelFactory):
    class Meta:
        model = ResearcherAssignment

    action_plan = factory.SubFactory(ActionPlanFactory, completed=True)
    researcher = factory.SubFactory(UserFactory, researcher=True)


class ReportFactory(DjangoModelFactory):
    """A Results Report in draft with its report-level content written.

    Given `pdf` (and `pdf_sha256`), the report's current version has a finished rendering with that PDF,
    as a ready or published report has.
    """

    class Meta:
        model = Report

    action_plan = factory.SubFactory(ActionPlanFactory, completed=True)
    report_type = ReportType.RESULTS_REPORT
    methodology = Methodology.REFRESH_2021
    language = "en"
    overview = factory.Faker("paragraph", nb_sentences=6)
    implementation_factors = factory.Faker("paragraph", nb_sentences=5)
    participation = factory.Faker("paragraph", nb_sentences=4)
    acted_according_to_process = "yes"

    class Params:
        review = factory.Trait(report_type=ReportType.ACTION_PLAN_REVIEW, implementation_factors="")
        progress = factory.Trait(
            report_type=ReportType.PROGRESS_REPORT,
            methodology=Methodology.LEGACY_2015,
            iap2_level_development="involve",
        )

    @classmethod
    def _create(cls, model_class, *args, pdf=None, pdf_sha256="", **kwargs):
        if not pdf:
            return super()._create(model_class, *args, **kwargs)
        status = kwargs.pop("status", Report.Status.DRAFT)  # ready or published: once it has its rendering
        report = super()._create(model_class, *args, **kwargs)
        report.rendering = rendered(report, pdf=pdf, pdf_sha256=pdf_sha256)
        report.status = status
        report.save(update_fields=["rendering", "status"])
        return report


def rendered(report: Report, *, pdf, pdf_sha256: str = "", pages: int = 1) -> ReportRendering:
    """A finished rendering of the report's current version with this PDF (a stored name or a file)."""
    rendering = ReportRendering(
        report=report,
        version=report.version,
        language=report.language,
        status=ReportRendering.Status.DONE,
        pdf_sha256=pdf_sha256 or "0" * 64,
        pdf_pages=pages,
    )
    if isinstance(pdf, str):
        rendering.pdf.name = pdf
    else:
        rendering.pdf = pdf
    rendering.save()
    return rendering


class CommitmentAssessmentFactory(DjangoModelFactory):
    class Meta:
        model = CommitmentAssessment

    report = factory.SubFactory(ReportFactory)
    commitment = factory.LazyAttribute(lambda o: CommitmentFactory(action_plan=o.report.action_plan))


class RecommendationFactory(DjangoModelFactory):
    class Meta:
        model = Recommendation

    report = factory.SubFactory(ReportFactory)
    order = factory.Sequence(lambda n: n)
    kind = Recommendation.Kind.IMPLEMENTATION
    title = factory.Faker("sentence", nb_words=8)
    text = factory.Faker("paragraph")


# A plausible spread of Results Report ratings, cycled over the commitments.
RESULTS = [
    {
        "potential_for_results": "substantial",
        "promising": "yes",
        "completion": "complete",
        "early_results": "significant",
    },
    {"potential_for_results": "modest", "promising": "no", "completion": "substantial"},
    {"potential_for_results": "substantial", "promising": "yes", "completion": "limited", "early_results": "moderate"},
    {"potential_for_results": "unclear", "promising": "no", "completion": "not_started"},
    {"potential_for_results": "modest", "promising": "yes", "completion": "substantial", "early_results": "moderate"},
    {"potential_for_results": "substantial", "promising": "no", "completion": "substantial"},
]


def complete_results_report(*, commitments: int = 12, researcher=None, **report_kwargs) -> Report:
    """A Results Report ready to render: every commitment assessed through the service, the
    implementation-phase minimum requirements marked, and two recommendations."""
    report = ReportFactory(**report_kwargs)
    plan = report.action_plan
    if researcher is not None:
        ResearcherAssignmentFactory(action_plan=plan, researcher=researcher)
    for index in range(commitments):
        commitment = CommitmentFactory(
            action_plan=plan, number=f"{index + 1}", title=f"Commitment title {index + 1:02d}"
        )
        ratings = dict(RESULTS[index % len(RESULTS)])
        narratives = {}
        if ratings["promising"] == "yes":
            narratives = {"what_happened": f"What happened with commitment {index + 1}.", "enablers": "Political will."}
        services.assessment_save(
            report=report,
            commitment=commitment,
            verifiable="yes",
            open_gov_lens="yes",
            **ratings,
            **narratives,
        )
    requirements = StandardRequirement.objects.filter(version="2021", phase__in=["implementation", "both"])
    services.requirement_assessments_save(
        report=report,
        items=[{"requirement": r, "status": "met", "evidence": f"Evidence for {r.code}."} for r in requirements],
    )
    services.recommendations_save(
        report=report,
        items=[
            {"kind": "implementation", "title": "Publish the budget tracker data monthly", "text": "Details."},
            {"kind": "co_creation", "title": "Keep the forum meeting every quarter", "text": ""},
        ],
    )
    report.refresh_from_db()
    return report


def render_now(report: Report, user=None) -> Report:
    """Ask for the PDF and run the queued task as the commit would (tests run inside a transaction)."""
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        services.report_request_render(report=report, requested_by=user)
    report.refresh_from_db()
    return report
