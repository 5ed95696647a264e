"""The pages: the commitment's panel, filing through the form, the point of contact's list and answer, the plan's
monitoring view with its filters and map; list pages at a constant number of queries."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from commitments.models import ActionPlan
from monitoring.models import Finding, MonitoringReport
from tests.consultations.files import fake_pdf_upload, png_upload
from tests.factories import CommitmentFactory, MilestoneFactory, OrganisationFactory, PolicyAreaFactory
from tests.factories.monitoring import MonitoringReportFactory, ReportAnswerFactory

pytestmark = pytest.mark.django_db


def test_the_commitment_page_shows_both_statuses_and_the_dispute(client, commitment, monitor):
    commitment.completion = "complete"
    commitment.save()
    report = MonitoringReportFactory(commitment=commitment, author=monitor, finding=Finding.NOT_STARTED)
    ReportAnswerFactory(report=report, text="The register is online since March.")
    page = client.get(commitment.get_absolute_url()).content.decode()
    assert "Government’s status" in page or "Government's status" in page
    assert "data-disputed" in page and "Not started" in page
    assert "The register is online since March." in page
    assert "Every milestone weighs the same" in page
    assert "File a monitoring report" in page  # to sign in first


def test_a_participant_files_a_report_through_the_form(client, commitment, monitor, milestone):
    client.force_login(monitor)
    url = reverse("monitoring:report-create", kwargs={"pk": commitment.pk})
    assert client.get(url).status_code == 200
    data = {
        "milestone": milestone.pk,
        "finding": "delayed",
        "observed_on": "2025-01-10",
        "text": "Nothing **published** yet.",
        "links": "https://example.org/a",
        "address": "Plaza Mayor",
        "latitude": "40.41553",
        "longitude": "-3.70740",
        "on_behalf": "on",
        "submit": "on",
        "evidence": [png_upload("site.png")],
    }
    response = client.post(url, data)
    report = MonitoringReport.objects.get()
    assert response.status_code == 302 and response["Location"] == report.get_absolute_url()
    assert (report.status, report.latitude, report.organisation) == (
        "submitted",
        Decimal("40.41553"),
        monitor.organisation,
    )
    page = client.get(report.get_absolute_url()).content.decode()
    assert "<strong>published</strong>" in page and "Photo: site.png" in page
    evidence = client.get(report.evidence.get().get_absolute_url())
    assert evidence.status_code == 200 and evidence["Content-Type"] == "image/png"


def test_refusals_are_shown_on_the_form_and_nothing_is_saved(client, member, commitment, monitor):
    client.force_login(monitor)
    url = reverse("monitoring:report-create", kwargs={"pk": commitment.pk})
    data = {"finding": "delayed", "observed_on": "2025-01-10", "text": "x", "submit": "on"}
    page = client.post(url, {**data, "evidence": [fake_pdf_upload("budget.pdf")]}).content.decode()
    assert "budget.pdf" in page and "neither a PDF document nor an image" in page
    co_creation = CommitmentFactory(action_plan__member=member, action_plan__status=ActionPlan.Status.CO_CREATION)
    url = reverse("monitoring:report-create", kwargs={"pk": co_creation.pk})
    assert client.get(url).status_code == 302  # the form is not offered
    page = client.post(url, data).content.decode()
    assert "still in co-creation" in page
    assert not MonitoringReport.objects.exists()


def test_the_point_of_contact_answers_from_the_workspace(client, commitment, monitor, point_of_contact):
    report = MonitoringReportFactory(commitment=commitment, author=monitor)
    client.force_login(point_of_contact)
    home = client.get(reverse("commitments:workspace-member", kwargs={"slug": commitment.action_plan.member.slug}))
    assert "1 monitoring report awaits your answer" in home.content.decode()
    listing = client.get(
        reverse("monitoring:workspace", kwargs={"pk": commitment.action_plan_id}) + "?status=unanswered"
    )
    assert "Awaiting your answer" in listing.content.decode()
    url = reverse("monitoring:report-answer", kwargs={"pk": report.pk})
    response = client.post(url, {"kind": "disputed", "text": "The works began in May."})
    assert response.status_code == 302
    assert report.answer.kind == "disputed"
    assert "The works began in May." in client.get(report.get_absolute_url()).content.decode()


def test_the_plan_view_filters_and_maps_the_findings(client, commitment, django_assert_max_num_queries):
    area = PolicyAreaFactory(slug="budget", name="Budget")
    commitment.policy_areas.add(area)
    commitment.completion = "complete"
    commitment.save()
    MonitoringReportFactory(
        commitment=commitment, finding=Finding.NOT_STARTED, latitude=Decimal("40.4"), longitude=Decimal("-3.7")
    )
    other = CommitmentFactory(action_plan=commitment.action_plan, number="2", title="Lobby register for districts")
    MilestoneFactory(commitment=other, due_date="2024-02-01")  # overdue
    url = reverse("monitoring:plan", kwargs={"pk": commitment.action_plan_id})
    page = client.get(url).content.decode()
    assert "Open disputes" in page and "<svg" in page and "circle" in page and "Overdue milestones" in page
    filtered = client.get(url + "?policy_area=budget").content.decode()
    assert "Lobby register" not in filtered
    disputed = client.get(url + "?disputed=no").content.decode()
    assert "Lobby register" in disputed and "Open the district budgets</a></td>" not in disputed
    with django_assert_max_num_queries(20) as few:
        client.get(url)
    for n in range(6):
        more = CommitmentFactory(action_plan=commitment.action_plan, number=f"3.{n}")
        MilestoneFactory(commitment=more)
        MonitoringReportFactory(commitment=more, latitude=Decimal("40.5"), longitude=Decimal("-3.6"))
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)


def test_the_plan_view_offers_the_areas_and_institutions_of_its_commitments_and_filters_by_them(client, commitment):
    """The filters' choices come from the plan's commitments (read once for the page), in name order, accents and
    case aside, on every database; another plan's areas and institutions are not offered."""
    plan = commitment.action_plan
    water, budget = PolicyAreaFactory(slug="water", name="water"), PolicyAreaFactory(slug="budget", name="Budget")
    PolicyAreaFactory(slug="unused", name="Unused elsewhere")
    ministry, agency = OrganisationFactory(name="Ministry of Finance"), OrganisationFactory(name="agency for Water")
    commitment.policy_areas.add(budget)
    commitment.lead_institution = ministry
    commitment.save()
    other = CommitmentFactory(action_plan=plan, number="2", title="Clean rivers", lead_institution=agency)
    energy = OrganisationFactory(name="Énergie du Sénégal")  # accents aside: between "agency" and "Ministry"
    CommitmentFactory(action_plan=plan, number="3", title="Open tariffs", lead_institution=energy)
    other.policy_areas.add(water, budget)
    CommitmentFactory(number="9", title="Elsewhere", lead_institution=OrganisationFactory(name="Abroad"))
    url = reverse("monitoring:plan", kwargs={"pk": plan.pk})
    page = client.get(url).content.decode()
    areas = re.search(r'<select name="policy_area".*?</select>', page, re.S).group(0)
    assert re.findall(r'<option value="([^"]*)"', areas) == ["", "budget", "water"]
    institutions = re.search(r'<select name="institution".*?</select>', page, re.S).group(0)
    assert re.findall(r'<option value="[^"]*"[^>]*>([^<]*)<', institutions) == [
        "All",
        "agency for Water",
        "Énergie du Sénégal",
        "Ministry of Finance",
    ]
    by_area = client.get(url + "?policy_area=water").content.decode()
    assert "Clean rivers" in by_area and "Open the district budgets" not in by_area
    by_institution = client.get(url + f"?institution={ministry.pk}").content.decode()
    assert "Open the district budgets" in by_institution and "Clean rivers" not in by_institution
    assert "Elsewhere" not in page


def test_the_workspace_list_costs_the_same_with_more_reports(
    client, commitment, point_of_contact, django_assert_max_num_queries
):
    client.force_login(point_of_contact)
    MonitoringReportFactory(commitment=commitment)
    url = reverse("monitoring:workspace", kwargs={"pk": commitment.action_plan_id})
    with django_assert_max_num_queries(30) as few:
        client.get(url)
    for report in MonitoringReportFactory.create_batch(8, commitment=commitment):
        ReportAnswerFactory(report=report)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(url).status_code == 200


def test_the_plan_page_counts_the_reports_awaiting_an_answer(client, commitment):
    commitment.completion = "complete"
    commitment.save()
    MonitoringReportFactory(commitment=commitment, finding=Finding.NOT_STARTED)
    answered = MonitoringReportFactory(commitment=commitment, finding=Finding.NOT_STARTED)
    ReportAnswerFactory(report=answered)
    page = client.get(commitment.action_plan.get_absolute_url()).content.decode()
    assert "2 monitoring reports" in page and "1 awaiting the point of contact" in page
    assert "1 commitment disputed" in page


def test_a_report_moved_or_deleted_in_the_admin_moves_on_the_commitment_pages(
    client, rf, commitment, monitor, staff_user
):
    """The commitment page reads its reports when its stored count has some: the admin keeps that count as the
    services do, when support staff move a report to the right commitment or delete one."""
    from django.contrib.admin.sites import site

    from monitoring.admin import MonitoringReportAdmin

    elsewhere = CommitmentFactory(action_plan=commitment.action_plan, number="2", title="Open the contracts")
    report = MonitoringReportFactory(commitment=commitment, author=monitor, text="Filed on the wrong commitment.")
    assert "Filed on the wrong commitment." in client.get(commitment.get_absolute_url()).content.decode()
    model_admin, request = MonitoringReportAdmin(MonitoringReport, site), rf.post("/admin/")
    request.user = staff_user
    report.commitment = elsewhere
    model_admin.save_model(request, report, form=None, change=True)
    assert "Filed on the wrong commitment." not in client.get(commitment.get_absolute_url()).content.decode()
    assert "Filed on the wrong commitment." in client.get(elsewhere.get_absolute_url()).content.decode()
    assert (commitment.monitoring.report_count, elsewhere.monitoring.report_count) == (0, 1)
    model_admin.delete_queryset(request, MonitoringReport.objects.filter(pk=report.pk))
    elsewhere.monitoring.refresh_from_db()
    assert elsewhere.monitoring.report_count == 0
    assert "No monitoring report yet." in client.get(elsewhere.get_absolute_url()).content.decode()
