import pytest
from django.test import Client
from django.urls import reverse

from irm_reports.models import CommitmentAssessment, Report, ReportRendering
from tests.factories import ActionPlanFactory, CommitmentFactory, MemberFactory
from tests.factories.irm_reports import ReportFactory, complete_results_report, render_now

pytestmark = pytest.mark.django_db


def test_the_workspace_lists_the_researchers_plans_and_refuses_other_roles(
    client, researcher, assigned, point_of_contact
):
    client.force_login(researcher)
    response = client.get(reverse("irm_reports:workspace"))
    assert response.status_code == 200 and assigned.action_plan.title in response.text
    client.force_login(point_of_contact)
    assert client.get(reverse("irm_reports:workspace")).status_code == 403


def test_a_researcher_starts_a_report_on_an_assigned_plan(researcher_client, completed_plan, assigned):
    url = reverse("irm_reports:report-create", args=[completed_plan.pk])
    response = researcher_client.post(
        url, {"report_type": "results_report", "methodology": "refresh_2021", "language": "en"}
    )
    report = Report.objects.get()
    assert response.status_code == 302 and response["Location"] == report.get_absolute_url()
    response = researcher_client.post(
        url, {"report_type": "results_report", "methodology": "legacy_2015", "language": "fr"}
    )
    assert response.status_code == 200 and "not used for this type of report" in response.text


def test_a_researcher_not_assigned_to_the_plan_is_refused(client, other_researcher, report):
    client.force_login(other_researcher)
    commitment = CommitmentFactory(action_plan=report.action_plan)
    for url in [
        reverse("irm_reports:report-detail", args=[report.pk]),
        reverse("irm_reports:assessment-edit", args=[report.pk, commitment.pk]),
        reverse("irm_reports:report-status", args=[report.pk]),
        reverse("irm_reports:report-create", args=[report.action_plan_id]),
    ]:
        assert client.get(url).status_code == 403, url
    response = client.post(
        reverse("irm_reports:assessment-edit", args=[report.pk, commitment.pk]), {"completion": "complete"}
    )
    assert response.status_code == 403 and not CommitmentAssessment.objects.exists()
    assert client.post(reverse("irm_reports:report-render", args=[report.pk])).status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(client, report):
    response = client.get(reverse("irm_reports:report-detail", args=[report.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_assessment_form_has_only_the_fields_of_the_report_type_prefilled_from_the_commitment(
    researcher_client, report
):
    commitment = CommitmentFactory(
        action_plan=report.action_plan, access_to_information=True, completion="substantial", title="Budget portal"
    )
    response = researcher_client.get(reverse("irm_reports:assessment-edit", args=[report.pk, commitment.pk]))
    form = response.context["form"]
    assert set(form.fields) == {
        "verifiable",
        "open_gov_lens",
        "potential_for_results",
        "promising",
        "completion",
        "early_results",
        "what_happened",
        "enablers",
        "constraints",
        "looking_ahead",
    }
    assert form.initial["completion"] == "substantial"
    assert [v for v, _label in form.fields["completion"].choices] == [
        "",
        "no_evidence",
        "not_started",
        "limited",
        "substantial",
        "complete",
    ]
    legacy = ReportFactory(action_plan=report.action_plan, progress=True)
    response = researcher_client.get(reverse("irm_reports:assessment-edit", args=[legacy.pk, commitment.pk]))
    form = response.context["form"]
    assert "specificity" in form.fields and "potential_for_results" not in form.fields
    assert form.initial["relevance_ati"] == "yes" and form.initial["relevance_cp"] == "no"


def test_saving_an_assessment_goes_to_the_next_commitment(researcher_client, report):
    first = CommitmentFactory(action_plan=report.action_plan, number="1")
    second = CommitmentFactory(action_plan=report.action_plan, number="2")
    response = researcher_client.post(
        reverse("irm_reports:assessment-edit", args=[report.pk, first.pk]),
        {"verifiable": "yes", "completion": "complete", "next": str(second.pk)},
    )
    assert response["Location"] == reverse("irm_reports:assessment-edit", args=[report.pk, second.pk])
    assessment = CommitmentAssessment.objects.get(commitment=first)
    assert assessment.completion == "complete" and assessment.high_completion is True


def test_an_invalid_rating_is_explained_and_nothing_is_saved(researcher_client, report):
    commitment = CommitmentFactory(action_plan=report.action_plan)
    response = researcher_client.post(
        reverse("irm_reports:assessment-edit", args=[report.pk, commitment.pk]), {"completion": "withdrawn"}
    )
    assert response.status_code == 200 and "Select a valid choice" in response.text
    assert not CommitmentAssessment.objects.exists()


def test_the_report_page_lists_what_is_missing_and_rendering_is_refused_with_it(researcher_client, report):
    CommitmentFactory(action_plan=report.action_plan, number="4", title="Lobby register")
    page = researcher_client.get(report.get_absolute_url())
    assert "Missing before the PDF can be rendered" in page.text and "Lobby register" in page.text
    response = researcher_client.post(reverse("irm_reports:report-render", args=[report.pk]), follow=True)
    assert "The report cannot be rendered yet" in response.text
    assert "Commitment 4: Lobby register: verifiable" in response.text
    report.refresh_from_db()
    assert report.status == Report.Status.DRAFT


def test_the_status_endpoint_reports_progress_then_the_download(researcher_client, researcher):
    report = complete_results_report(commitments=2, researcher=researcher)
    url = reverse("irm_reports:report-status", args=[report.pk])
    assert researcher_client.get(url).json()["download_url"] == ""
    rendering = ReportRendering.objects.create(
        report=report, version=1, language="en", status="running", step="laying_out"
    )
    Report.objects.filter(pk=report.pk).update(status="rendering", rendering=rendering)
    status = researcher_client.get(url).json()
    assert status["in_progress"] and status["step_label"] == "Laying out pages" and status["step_index"] == 3
    Report.objects.filter(pk=report.pk).update(status="draft", rendering=None)
    rendering.delete()
    render_now(report, researcher)
    status = researcher_client.get(url).json()
    assert status["status"] == "ready" and status["download_url"] == reverse("irm_reports:report-pdf", args=[report.pk])
    pdf = researcher_client.get(status["download_url"])
    assert pdf["Content-Type"] == "application/pdf" and b"".join(pdf.streaming_content).startswith(b"%PDF")


def test_the_report_page_polls_while_rendering(researcher_client, report):
    Report.objects.filter(pk=report.pk).update(status="queued")
    page = researcher_client.get(report.get_absolute_url())
    assert 'data-in-progress="1"' in page.text and "irm_reports/report-status.js" in page.text


def test_a_researcher_publishes_and_only_published_reports_are_public(researcher_client, researcher):
    client = Client()  # anonymous
    report = complete_results_report(commitments=2, researcher=researcher)
    render_now(report, researcher)
    plan_page = client.get(report.action_plan.get_absolute_url())
    assert 'id="irm-reports-title"' not in plan_page.text
    assert client.get(reverse("irm_reports:report-pdf", args=[report.pk])).status_code == 302  # team only
    assert client.get(reverse("irm_reports:report-version-pdf", args=[report.pk, 1])).status_code == 404
    researcher_client.post(reverse("irm_reports:report-publish", args=[report.pk]))
    report.refresh_from_db()
    assert report.status == Report.Status.PUBLISHED
    for page in (report.action_plan.get_absolute_url(), report.action_plan.member.get_absolute_url()):
        text = client.get(page).text
        assert (
            'id="irm-reports-title"' in text and reverse("irm_reports:report-version-pdf", args=[report.pk, 1]) in text
        )
    pdf = client.get(reverse("irm_reports:report-version-pdf", args=[report.pk, 1]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert report.action_plan.title in client.get(reverse("irm_reports:report-list")).text


def test_older_versions_stay_downloadable(researcher_client, researcher):
    client = Client()  # anonymous
    report = complete_results_report(commitments=1, researcher=researcher)
    render_now(report, researcher)
    researcher_client.post(reverse("irm_reports:report-publish", args=[report.pk]))
    researcher_client.post(reverse("irm_reports:report-reopen", args=[report.pk]))
    report.refresh_from_db()
    render_now(report, researcher)
    researcher_client.post(reverse("irm_reports:report-publish", args=[report.pk]))
    text = client.get(report.action_plan.get_absolute_url()).text
    assert "Earlier versions" in text
    for version in (1, 2):
        assert client.get(reverse("irm_reports:report-version-pdf", args=[report.pk, version])).status_code == 200


def test_the_commitment_page_shows_its_latest_published_assessment(researcher_client, researcher):
    client = Client()  # anonymous
    report = complete_results_report(commitments=1, researcher=researcher)
    commitment = report.assessments.get().commitment
    assert "IRM assessment" not in client.get(commitment.get_absolute_url()).text
    render_now(report, researcher)
    researcher_client.post(reverse("irm_reports:report-publish", args=[report.pk]))
    text = client.get(commitment.get_absolute_url()).text
    assert "IRM assessment" in text and "Complete" in text


def test_the_requirements_page_saves_findings_and_explains_missing_evidence(researcher_client, report):
    from commitments.models import StandardRequirement

    url = reverse("irm_reports:requirements-edit", args=[report.pk])
    r11 = StandardRequirement.objects.get(version="2021", code="1.1")
    response = researcher_client.post(url, {f"r{r11.pk}-status": "met", f"r{r11.pk}-evidence": ""})
    assert response.status_code == 400 and "Give the evidence" in response.text
    response = researcher_client.post(url, {f"r{r11.pk}-status": "met", f"r{r11.pk}-evidence": "Minutes online."})
    assert response.status_code == 302 and report.requirement_assessments.get().status == "met"


def test_the_recommendations_page_saves_them_in_order(researcher_client, report):
    url = reverse("irm_reports:recommendations-edit", args=[report.pk])
    assert researcher_client.get(url).status_code == 200
    data = {
        "form-TOTAL_FORMS": "3",
        "form-INITIAL_FORMS": "0",
        "form-0-kind": "design",
        "form-0-title": "Make milestones measurable",
        "form-1-kind": "",
        "form-1-title": "",
        "form-2-kind": "implementation",
        "form-2-title": "Publish progress quarterly",
    }
    assert researcher_client.post(url, data).status_code == 302
    assert list(report.recommendations.values_list("title", flat=True)) == [
        "Make milestones measurable",
        "Publish progress quarterly",
    ]


def test_public_report_list_and_panels_cost_the_same_queries_whatever_their_size(
    client, django_assert_max_num_queries, researcher
):
    """A fixed number of queries for one or five published reports."""
    from irm_reports.models import PublishedVersion

    member = MemberFactory()

    def publish(count):
        for _ in range(count):
            plan = ActionPlanFactory(member=member, completed=True)
            report = ReportFactory(action_plan=plan, status="published", pdf="irm_reports/x.pdf", pdf_sha256="0" * 64)
            PublishedVersion.objects.create(
                report=report,
                version=1,
                language="en",
                pdf="irm_reports/x.pdf",
                sha256="0" * 64,
                size=1,
                published_at=report.created_at,
            )

    def count_queries(url):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        return len(context)

    publish(1)
    first = [count_queries(reverse("irm_reports:report-list")), count_queries(member.get_absolute_url())]
    publish(4)
    assert [count_queries(reverse("irm_reports:report-list")), count_queries(member.get_absolute_url())] == first
