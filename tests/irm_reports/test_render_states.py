"""The report page while its PDF is rendered: only the actions the report's state allows, a progress bar,
a refusal that says why, and in the embedded default a render that runs out of the request."""

import threading

import pytest
from django.urls import reverse

from irm_reports import services
from irm_reports.models import Report, ReportRendering
from tests.factories import UserFactory
from tests.factories.irm_reports import complete_results_report, render_now

PUBLISH = "Publish this version"


def rendering(report: Report, step: str = "laying_out") -> Report:
    """The report as a worker leaves it in the middle of its render."""
    job = ReportRendering.objects.create(
        report=report, version=report.version + 1, language="en", status="running", step=step
    )
    Report.objects.filter(pk=report.pk).update(status="rendering", rendering=job)
    report.refresh_from_db()
    return report


@pytest.mark.django_db
def test_while_rendering_no_action_that_would_be_refused_is_offered(researcher_client, researcher):
    report = render_now(complete_results_report(commitments=2, researcher=researcher), researcher)
    page = researcher_client.get(report.get_absolute_url()).text
    assert PUBLISH in page and "Render the PDF again" in page and "Edit the report's content" in page
    rendering(report)
    page = researcher_client.get(report.get_absolute_url()).text
    assert PUBLISH not in page and "Render the PDF" not in page and "Edit the report's content" not in page
    assert 'role="progressbar"' in page and 'aria-valuenow="60"' in page and "Laying out pages" in page
    status = researcher_client.get(reverse("irm_reports:report-status", args=[report.pk])).json()
    assert status["in_progress"] and status["percent"] == 60


@pytest.mark.django_db
def test_a_refused_action_says_why_on_the_report_page(researcher_client, researcher, client):
    report = rendering(complete_results_report(commitments=2, researcher=researcher))
    response = researcher_client.post(reverse("irm_reports:report-publish", args=[report.pk]), follow=True)
    assert response.redirect_chain == [(report.get_absolute_url(), 302)]
    assert "The PDF is being rendered: wait until it is done" in response.text
    report.refresh_from_db()
    assert report.status == Report.Status.RENDERING
    Report.objects.filter(pk=report.pk).update(status="draft")
    response = researcher_client.post(reverse("irm_reports:report-publish", args=[report.pk]), follow=True)
    assert "Only a rendered PDF can be published: render the PDF first." in response.text
    client.force_login(UserFactory(researcher=True))  # not on the report's team: nothing to say about it
    assert client.post(reverse("irm_reports:report-publish", args=[report.pk])).status_code == 403


@pytest.mark.django_db
def test_after_the_render_the_page_shows_the_result_and_the_publish_button(
    researcher_client, researcher, django_capture_on_commit_callbacks
):
    report = complete_results_report(commitments=2, researcher=researcher)
    with django_capture_on_commit_callbacks(execute=True):
        response = researcher_client.post(reverse("irm_reports:report-render", args=[report.pk]))
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == Report.Status.READY  # tests run the task at once
    page = researcher_client.get(report.get_absolute_url()).text
    assert "Ready to publish" in page and PUBLISH in page and "Download the PDF" in page
    assert 'data-in-progress="0"' in page
    status = researcher_client.get(reverse("irm_reports:report-status", args=[report.pk])).json()
    assert status["percent"] == 100 and not status["in_progress"]


@pytest.mark.django_db(transaction=True)
def test_in_the_embedded_default_the_render_runs_out_of_the_request(settings, researcher):
    """No broker: the request that asks for the PDF returns while a thread renders it."""
    settings.JOBS_IN_BACKGROUND_WHEN_EAGER = True
    report = complete_results_report(commitments=2, researcher=researcher)
    report = services.report_request_render(report=report, requested_by=researcher)
    assert report.status == Report.Status.QUEUED
    workers = [t for t in threading.enumerate() if t.name == "eager irm_reports.tasks.report_render_task"]
    assert len(workers) == 1
    workers[0].join(timeout=120)
    report.refresh_from_db()
    assert report.status == Report.Status.READY and report.pdf_pages
