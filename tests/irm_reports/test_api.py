"""IRM reports through the API: who sees which report, rendering (202), the PDF, and assessments on commitments."""

import pytest
from rest_framework.test import APIClient

from accounts.models import User
from accounts.services import user_set_role
from irm_reports import services
from tests.factories import CommitmentFactory, MemberFactory, UserFactory
from tests.factories.irm_reports import ReportFactory, complete_results_report, render_now, rendered

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    return APIClient()


def _published(**kwargs):
    report = render_now(complete_results_report(commitments=3, **kwargs))
    services.report_publish(report=report, published_by=None)
    report.refresh_from_db()
    return report


def _ids(response):
    assert response.status_code == 200, response.json()
    return sorted(item["id"] for item in response.json()["results"])


def test_the_public_sees_published_reports_and_the_team_its_drafts(api, researcher, report):
    published = _published()
    assert _ids(api.get("/api/v1/reports/")) == [published.pk]
    assert api.get(f"/api/v1/reports/{report.pk}/").status_code == 404
    api.force_authenticate(researcher)  # assigned to `report`'s plan
    assert _ids(api.get("/api/v1/reports/")) == sorted([published.pk, report.pk])
    api.force_authenticate(UserFactory(researcher=True))
    assert _ids(api.get("/api/v1/reports/")) == [published.pk]
    api.force_authenticate(UserFactory(staff=True))
    assert _ids(api.get("/api/v1/reports/", {"status": "draft"})) == [report.pk]


def test_a_researcher_whose_role_was_removed_no_longer_reads_drafts_or_their_pdf(api, researcher):
    """The API follows the rule of the pages (`irm_reports.view_report`): once the IRM role is removed,
    the plan assignment left behind opens neither the unpublished report nor its PDF."""
    report = render_now(complete_results_report(commitments=2, researcher=researcher))
    api.force_authenticate(researcher)
    assert api.get(f"/api/v1/reports/{report.pk}/pdf/").status_code == 200
    user_set_role(user=researcher, role=User.Role.PARTICIPANT)
    assert _ids(api.get("/api/v1/reports/")) == []
    assert api.get(f"/api/v1/reports/{report.pk}/").status_code == 404
    assert api.get(f"/api/v1/reports/{report.pk}/pdf/").status_code == 404


def test_reports_filter_by_type_language_and_member(api):
    english = _published()
    french = _published(language="fr")
    assert _ids(api.get("/api/v1/reports/", {"language": "fr"})) == [french.pk]
    assert _ids(api.get("/api/v1/reports/", {"report_type": "results_report"})) == sorted([english.pk, french.pk])
    assert _ids(api.get("/api/v1/reports/", {"member": english.action_plan.member_id})) == [english.pk]


def test_an_assigned_researcher_requests_a_render_and_downloads_the_pdf(
    api, researcher, django_capture_on_commit_callbacks
):
    report = complete_results_report(commitments=2, researcher=researcher)
    api.force_authenticate(researcher)
    with django_capture_on_commit_callbacks(execute=True):  # the task is queued once the request commits
        response = api.post(f"/api/v1/reports/{report.pk}/render/")
    assert response.status_code == 202
    status_url = response.json()["status_url"]
    assert status_url.endswith(f"/api/v1/reports/{report.pk}/") and response["Location"] == status_url
    status = api.get(status_url).json()
    assert status["status"] == "ready" and status["pdf_url"].endswith(f"/api/v1/reports/{report.pk}/pdf/")
    pdf = api.get(status["pdf_url"])
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")
    api.force_authenticate(None)
    assert api.get(f"/api/v1/reports/{report.pk}/pdf/").status_code == 404  # ready, not yet published


def test_an_incomplete_report_is_refused_with_what_is_missing(api, researcher, report):
    CommitmentFactory(action_plan=report.action_plan)
    api.force_authenticate(researcher)
    response = api.post(f"/api/v1/reports/{report.pk}/render/")
    assert response.status_code == 400
    assert response.json()["errors"]["non_field_errors"]
    report.refresh_from_db()
    assert report.status == "draft"


@pytest.mark.parametrize("who", ["anonymous", "participant", "point_of_contact", "other_researcher"])
def test_render_refuses_the_wrong_role(api, who, report):
    users = {
        "participant": lambda: UserFactory(),
        "point_of_contact": lambda: UserFactory(point_of_contact_of=report.action_plan.member),
        "other_researcher": lambda: UserFactory(researcher=True),
    }
    if who != "anonymous":
        api.force_authenticate(users[who]())
    response = api.post(f"/api/v1/reports/{report.pk}/render/")
    # Another account never learns whether a draft exists: 404, or 401 without credentials.
    assert response.status_code == (401 if who == "anonymous" else 404)
    report.refresh_from_db()
    assert report.status == "draft"


def test_render_of_a_published_report_is_refused_to_its_own_researcher_with_403(api, researcher):
    report = _published(researcher=researcher)
    api.force_authenticate(researcher)
    assert api.post(f"/api/v1/reports/{report.pk}/render/").status_code == 403


def test_commitments_carry_their_latest_assessment_and_filter_on_it(api):
    report = _published()
    assessed = list(report.assessments.select_related("commitment"))
    starred = sorted(a.commitment_id for a in assessed if a.starred)
    not_starred = sorted(a.commitment_id for a in assessed if a.starred is False)
    CommitmentFactory()  # never assessed
    assert starred and not_starred
    assert _ids(api.get("/api/v1/commitments/", {"starred": "true"})) == starred
    assert _ids(api.get("/api/v1/commitments/", {"starred": "false"})) == not_starred
    substantial = sorted(a.commitment_id for a in assessed if a.potential_for_results == "substantial")
    assert _ids(api.get("/api/v1/commitments/", {"potential_results": "substantial"})) == substantial
    complete = sorted(a.commitment_id for a in assessed if a.completion == "complete")
    assert _ids(api.get("/api/v1/commitments/", {"irm_completion": "complete"})) == complete
    data = api.get(f"/api/v1/commitments/{assessed[0].commitment_id}/").json()
    assert data["latest_assessment"]["report"]["id"] == report.pk
    assert data["latest_assessment"]["completion"] == assessed[0].completion


def test_a_newer_published_report_becomes_the_latest_assessment(api):
    older = _published()
    commitment = older.assessments.first().commitment
    newer = ReportFactory(action_plan=older.action_plan, report_type="action_plan_review")
    services.assessment_save(report=newer, commitment=commitment, verifiable="yes", potential_for_results="modest")
    assert commitment.irm_assessments.get(is_latest=True).report == older
    newer.rendering = rendered(newer, pdf=older.pdf.name, pdf_sha256=older.pdf_sha256)
    newer.status = "published"  # as if published later
    newer.published_at = older.published_at.replace(year=older.published_at.year + 1)
    newer.save()
    services.latest_assessments_refresh(plan_id=older.action_plan_id)
    assert commitment.irm_assessments.get(is_latest=True).report == newer
    assert api.get(f"/api/v1/commitments/{commitment.pk}/").json()["latest_assessment"]["report"]["id"] == newer.pk


def test_member_filter_does_not_leak_unpublished_reports(api, report):
    member = report.action_plan.member
    assert _ids(api.get("/api/v1/reports/", {"member": member.pk})) == []
    assert MemberFactory()  # another member, no reports
