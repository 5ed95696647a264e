import os
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from common.jobs import job_claim, jobs_requeue_stale
from irm_reports import services
from irm_reports.models import CommitmentAssessment, PublishedVersion, Report, ReportRendering
from irm_reports.services.rendering import report_rendering_run, report_rendering_store
from tests.factories import ActionPlanFactory, CommitmentFactory, UserFactory
from tests.factories.irm_reports import ReportFactory, complete_results_report, render_now

pytestmark = pytest.mark.django_db


def test_saving_an_assessment_stores_the_derived_flags_of_the_report_methodology(report):
    commitment = CommitmentFactory(action_plan=report.action_plan)
    assessment = services.assessment_save(
        report=report,
        commitment=commitment,
        verifiable="yes",
        open_gov_lens="yes",
        potential_for_results="substantial",
        promising="yes",
        completion="complete",
        early_results="moderate",
    )
    assert (assessment.starred, assessment.high_completion, assessment.ambitious, assessment.strong_results) == (
        True,
        True,
        True,
        False,
    )
    assessment = services.assessment_save(report=report, commitment=commitment, completion="limited")
    assert assessment.starred is False and assessment.high_completion is False
    assert CommitmentAssessment.objects.count() == 1


def test_an_assessment_takes_only_the_fields_and_ratings_of_its_report_type(report):
    commitment = CommitmentFactory(action_plan=report.action_plan)
    with pytest.raises(ValueError, match="specificity"):
        services.assessment_save(report=report, commitment=commitment, specificity="high")
    with pytest.raises(ValidationError) as error:
        services.assessment_save(report=report, commitment=commitment, completion="withdrawn")
    assert "completion" in error.value.message_dict
    assert not CommitmentAssessment.objects.exists()


def test_a_commitment_of_another_plan_cannot_be_assessed(report):
    with pytest.raises(ValidationError):
        services.assessment_save(report=report, commitment=CommitmentFactory(), completion="complete")


def test_not_reviewed_is_stored_apart_from_no(report):
    commitment = CommitmentFactory(action_plan=report.action_plan)
    assessment = services.assessment_save(report=report, commitment=commitment, verifiable="not_reviewed")
    assessment.refresh_from_db()
    assert assessment.verifiable == "not_reviewed" and assessment.get_verifiable_display() == "Not reviewed"


def test_rendering_is_refused_with_the_list_of_what_is_missing(report, researcher):
    CommitmentFactory(action_plan=report.action_plan, number="1", title="Open contracting portal")
    Report.objects.filter(pk=report.pk).update(overview="")
    with pytest.raises(ValidationError) as error:
        services.report_request_render(report=report, requested_by=researcher)
    text = "\n".join(error.value.messages)
    assert "cannot be rendered yet" in text
    assert "Commitment 1: Open contracting portal: verifiable" in text
    assert "Report: overview" in text
    assert "Minimum requirements: 1.1, 2.1, 2.2, 5.1" in text
    assert "Recommendations" in text
    report.refresh_from_db()
    assert report.status == Report.Status.DRAFT


def test_a_complete_report_is_queued_after_commit_and_rendered_once(
    django_capture_on_commit_callbacks, researcher, mailoutbox
):
    report = complete_results_report(commitments=3)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.report_request_render(report=report, requested_by=researcher)
    assert [c.args[0] for c in callbacks] == ["irm_reports.tasks.report_render_task"]
    report.refresh_from_db()
    assert report.status == Report.Status.QUEUED  # nothing rendered before the commit
    with django_capture_on_commit_callbacks(execute=True):
        callbacks[0]()
    report.refresh_from_db()
    assert report.status == Report.Status.READY and report.rendering.version == 1
    assert report.pdf.name.endswith("-results_report-v1-en.pdf") and len(report.pdf_sha256) == 64
    assert report.pdf_pages >= 8 and report.render_finished_at >= report.render_started_at
    again = report_rendering_run(rendering_id=report.rendering_id)  # a repeat is a no-op
    assert again.status == ReportRendering.Status.DONE and again.attempts == 1
    assert Report.objects.get(pk=report.pk).status == Report.Status.READY
    assert [m.subject for m in mailoutbox] == ["[OGP] The PDF of your IRM report is ready"]


def test_rendering_again_makes_a_new_version_with_its_own_file(researcher):
    report = complete_results_report(commitments=2)
    render_now(report, researcher)
    report.refresh_from_db()
    first = report.pdf.name
    render_now(report, researcher)
    report.refresh_from_db()
    assert report.version == 2 and report.pdf.name != first and report.pdf.storage.exists(first)


def test_storing_a_version_twice_keeps_one_file_and_one_result(researcher):
    """A worker taken over (silent too long) and the one that took over render the same version: the late
    one stores nothing, and one file is left, the taker's."""
    report = complete_results_report(commitments=2)
    report = services.report_request_render(report=report, requested_by=researcher, enqueue=False)
    first = job_claim(ReportRendering, report.rendering_id)
    assert job_claim(ReportRendering, report.rendering_id) is None  # already rendering
    ReportRendering.objects.filter(pk=first.pk).update(heartbeat_at=timezone.now() - timedelta(hours=1))
    second = job_claim(ReportRendering, report.rendering_id)  # silent too long: taken over
    assert second.attempts == 2
    assert report_rendering_store(rendering=second, pdf=b"%PDF-1 second", pages=1) is not None
    assert report_rendering_store(rendering=first, pdf=b"%PDF-1 first", pages=1) is None
    assert report_rendering_store(rendering=second, pdf=b"%PDF-1 again", pages=1) is None
    report.refresh_from_db()
    assert report.status == Report.Status.READY and report.pdf.read() == b"%PDF-1 second"
    folder = report.pdf.storage.path(f"irm_reports/{report.pk}/{report.file_token}")
    assert len([n for n in os.listdir(folder) if f"-v{second.version}-" in n]) == 1


def test_a_rendering_failure_is_stored_with_its_message_and_emailed(researcher, monkeypatch, mailoutbox):
    report = complete_results_report(commitments=1)

    def broken(*args, **kwargs):
        raise ValueError("a table could not be laid out")

    monkeypatch.setattr("irm_reports.pdf.report_pdf", broken)
    render_now(report, researcher)
    report.refresh_from_db()
    assert report.status == Report.Status.FAILED
    assert "a table could not be laid out" in report.error
    assert "could not be rendered" in mailoutbox[-1].subject and researcher.email in mailoutbox[-1].to


def test_a_transient_error_in_the_embedded_mode_ends_as_a_failure_not_a_hang(researcher, monkeypatch):
    report = complete_results_report(commitments=1)

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("irm_reports.pdf.report_pdf", disk_full)
    render_now(report, researcher)
    report.refresh_from_db()
    assert report.status == Report.Status.FAILED and "No space left" in report.error


def test_a_stale_report_is_queued_again(django_capture_on_commit_callbacks, researcher):
    report = complete_results_report(commitments=1)
    report = services.report_request_render(report=report, requested_by=researcher, enqueue=False)
    job_claim(ReportRendering, report.rendering_id)  # a worker took it, then died
    assert jobs_requeue_stale(ReportRendering) == 0  # still fresh
    with django_capture_on_commit_callbacks(execute=True):
        assert jobs_requeue_stale(ReportRendering, older_than=timedelta(0)) == 1
    report.refresh_from_db()
    assert report.status == Report.Status.READY


def test_only_a_ready_report_is_published_and_older_versions_stay(researcher):
    report = complete_results_report(commitments=1)
    with pytest.raises(ValidationError):
        services.report_publish(report=report, published_by=researcher)
    render_now(report, researcher)
    first = services.report_publish(report=report, published_by=researcher)
    with pytest.raises(ValidationError, match="published"):
        services.assessment_save(report=report, commitment=report.assessments.first().commitment, completion="limited")
    report = services.report_new_version(report=report)
    assert report.status == Report.Status.DRAFT and report.version == 2
    render_now(report, researcher)
    second = services.report_publish(report=report, published_by=researcher)
    assert list(PublishedVersion.objects.order_by("version").values_list("version", flat=True)) == [1, 2]
    assert first.pdf.name != second.pdf.name and first.pdf.storage.exists(first.pdf.name)


def test_changing_a_rendered_report_makes_it_a_draft_again(researcher):
    report = complete_results_report(commitments=1)
    render_now(report, researcher)
    services.report_update(report=report, overview="A corrected overview.")
    report.refresh_from_db()
    assert report.status == Report.Status.DRAFT


def test_a_report_being_rendered_cannot_be_changed(researcher):
    report = complete_results_report(commitments=1)
    services.report_request_render(report=report, requested_by=researcher, enqueue=False)
    with pytest.raises(ValidationError, match="being rendered"):
        services.report_update(report=report, overview="Too late.")


def test_requirement_findings_need_evidence_and_are_saved_all_or_nothing(report):
    from commitments.models import StandardRequirement

    r11 = StandardRequirement.objects.get(version="2021", code="1.1")
    r51 = StandardRequirement.objects.get(version="2021", code="5.1")
    with pytest.raises(ValidationError) as error:
        services.requirement_assessments_save(
            report=report,
            items=[
                {"requirement": r11, "status": "met", "evidence": "Minutes online."},
                {"requirement": r51, "status": "not_met", "evidence": ""},
            ],
        )
    assert "5.1: Give the evidence for this finding." in error.value.messages
    assert not report.requirement_assessments.exists()
    r31 = StandardRequirement.objects.get(version="2021", code="3.1")
    with pytest.raises(ValidationError, match="not assessed in this report"):
        services.requirement_assessments_save(report=report, items=[{"requirement": r31, "status": "met"}])


def test_recommendations_are_replaced_in_order(report):
    services.recommendations_save(report=report, items=[{"kind": "design", "title": "A"}])
    services.recommendations_save(
        report=report, items=[{"kind": "design", "title": "B"}, {"kind": "implementation", "title": "C"}]
    )
    assert list(report.recommendations.values_list("order", "title")) == [(1, "B"), (2, "C")]
    with pytest.raises(ValidationError, match="Recommendation 1"):
        services.recommendations_save(report=report, items=[{"kind": "design", "title": ""}])
    assert report.recommendations.count() == 2


def test_reports_are_written_on_submitted_plans_and_results_on_ended_ones():
    with pytest.raises(ValidationError, match="submitted"):
        services.report_create(
            plan=ActionPlanFactory(), report_type="action_plan_review", methodology="refresh_2021", language="en"
        )
    with pytest.raises(ValidationError, match="ended"):
        services.report_create(
            plan=ActionPlanFactory(implementing=True),
            report_type="results_report",
            methodology="refresh_2021",
            language="en",
        )
    with pytest.raises(ValidationError, match="methodology"):
        services.report_create(
            plan=ActionPlanFactory(implementing=True),
            report_type="action_plan_review",
            methodology="legacy_2015",
            language="en",
        )
    review = services.report_create(
        plan=ActionPlanFactory(implementing=True),
        report_type="action_plan_review",
        methodology="refresh_2021",
        language="fr",
    )
    assert review.status == Report.Status.DRAFT


def test_only_irm_researchers_are_assigned(completed_plan):
    with pytest.raises(ValidationError):
        services.researcher_assign(plan=completed_plan, researcher=UserFactory())
    researcher = UserFactory(researcher=True)
    first = services.researcher_assign(plan=completed_plan, researcher=researcher)
    assert services.researcher_assign(plan=completed_plan, researcher=researcher) == first


def test_a_results_report_starts_from_the_action_plan_reviews_design_ratings(completed_plan):
    from irm_reports.selectors import assessment_initial

    commitment = CommitmentFactory(action_plan=completed_plan, access_to_information=True)
    review = ReportFactory(action_plan=completed_plan, review=True)
    services.assessment_save(
        report=review, commitment=commitment, verifiable="yes", potential_for_results="modest", promising="yes"
    )
    results = ReportFactory(action_plan=completed_plan)
    commitment.completion = "substantial"
    initial = assessment_initial(report=results, commitment=commitment)
    assert initial == {
        "verifiable": "yes",
        "potential_for_results": "modest",
        "promising": "yes",
        "completion": "substantial",
    }
    initial = assessment_initial(report=review, commitment=commitment)
    assert initial["relevance_ati"] == "yes" and initial["relevance_cp"] == "no"
