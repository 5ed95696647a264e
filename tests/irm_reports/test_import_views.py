"""OGP's imported history on the portal's pages and in the API."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from commitments.models import ActionPlan, Commitment, Member
from irm_reports.importing import OGP_SAMPLE, import_ogp_data
from irm_reports.models import Report
from tests.irm_reports.sheets import rows_by_id, sample

pytestmark = pytest.mark.django_db


@pytest.fixture
def imported(db):
    assert import_ogp_data(OGP_SAMPLE).ok


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_a_plan_page_lists_its_imported_reports_and_years(client, imported):
    plan = ActionPlan.objects.get(ogp_id="AP_GHA01")
    page = client.get(plan.get_absolute_url()).content.decode()
    assert "submitted in 2013, ends in 2015" in page and "(2 years)" in page
    assert "End-of-Term Report (legacy)" in page and "Progress Report (legacy)" in page
    assert "Published in 2016. Its ratings come from OGP's commitments and IRM data" in page


def test_a_commitment_page_shows_the_sheets_text_and_its_latest_imported_assessment(client, imported):
    row = rows_by_id(sample()[1])["GH0003"]
    commitment = Commitment.objects.get(ogp_id="GH0003")
    page = client.get(commitment.get_absolute_url()).content.decode()
    assert "The commitment as written in the plan" in page and "Read the full text" in page
    assert row["Lead Institution"].strip() in page
    assert "From the End-of-Term Report (legacy) published in 2016 (OGP's commitments and IRM data)." in page
    assert "Transformative" in page and "Marginal" in page
    assert row["URL"] in page and "Data: Open Government Partnership / Independent Reporting Mechanism." in page


def test_member_and_plan_pages_cost_the_same_queries_whatever_their_number_of_imported_reports(client, imported):
    few = Member.objects.get(code="COL")  # 2 plans, 2 reports
    many = Member.objects.get(code="MKD")  # 6 plans, 9 reports
    assert (
        Report.objects.filter(action_plan__member=few).count() < Report.objects.filter(action_plan__member=many).count()
    )
    # The partnership's figures every member page shows are counted by the first one: before both.
    assert client.get(Member.objects.exclude(pk__in=[few.pk, many.pk]).first().get_absolute_url()).status_code == 200
    assert _queries(client, few.get_absolute_url()) == _queries(client, many.get_absolute_url())
    small = ActionPlan.objects.get(ogp_id="AP_COL01")
    large = ActionPlan.objects.get(ogp_id="AP_KGZ01")
    assert _queries(client, small.get_absolute_url()) == _queries(client, large.get_absolute_url())


def test_the_api_lists_imported_reports_as_published_without_a_pdf(imported):
    api = APIClient()
    page = api.get("/api/v1/reports/?page_size=100").json()
    assert page["count"] == 153
    first = page["results"][0]
    assert first["status"] == "published" and first["pdf_url"] is None
