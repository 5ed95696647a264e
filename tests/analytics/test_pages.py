"""The public page, the API and the CSV: what a visitor reads, and in how many queries."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from analytics.selectors import KEYS
from cycle.models import ChallengeArea
from tests.factories import ActionPlanFactory, CommitmentFactory, MemberFactory, PolicyAreaFactory, UserFactory
from tests.factories.analytics import MID_TERM, assess

pytestmark = pytest.mark.django_db
BREAKDOWNS = ("region", "policy_area", "kind", "start_year", "member", "challenge_area")


def some_assessed(count: int, *, member=None):
    area = PolicyAreaFactory(slug="open-data", name="Open Data")
    challenge = ChallengeArea.objects.get(slug="justice")
    for index in range(count):
        plan = ActionPlanFactory(member=member or MemberFactory(), start_date=f"{2012 + index % 6}-01-01")
        commitment = CommitmentFactory(action_plan=plan)
        commitment.policy_areas.add(area)
        commitment.challenge_areas.add(challenge)
        assess(commitment, report_type=MID_TERM, completion="limited", potential_impact="transformative")
        assess(commitment, completion=("complete", None)[index % 2], potential_impact="transformative")


def test_the_page_shows_the_figures_charts_tables_and_definitions(client):
    some_assessed(4)
    page = client.get("/analytics/").content.decode()
    assert "<h1>Analytics of the partnership</h1>" in page
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="chart analytics-chart" role="img"' in page
    assert '<title id="completed-title">Share completed, by region</title>' in page
    assert '<desc id="completed-desc">Europe: 2 / 4</desc>' in page
    assert "<strong>50 %</strong>" in page and "(2 of 4)" in page  # completed: end of term, else mid-term
    assert "How these figures are counted" in page and "not reviewed" in page
    assert 'href="/analytics/figures.csv?by=region"' in page and 'href="/api/v1/analytics/?by=region"' in page


@pytest.mark.parametrize("by", BREAKDOWNS)
def test_every_breakdown_has_its_page_api_and_csv(client, by):
    some_assessed(2)
    assert client.get(f"/analytics/?by={by}").status_code == 200
    rows = client.get(f"/api/v1/analytics/?by={by}").json()
    assert rows and all(list(row) == list(KEYS) for row in rows)
    response = client.get(f"/analytics/figures.csv?by={by}")
    assert response["Content-Type"].startswith("text/csv")
    table = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [{k: str(v) for k, v in row.items()} for row in rows] == table


def test_a_member_page_sets_its_figures_beside_the_partnerships(client):
    mine = MemberFactory(name="Ghana", slug="ghana")
    some_assessed(2, member=mine)
    some_assessed(2)
    page = client.get("/analytics/?member=ghana").content.decode()
    assert "Analytics: Ghana" in page and "Ghana beside the partnership" in page
    assert "All members, by the year the action plan started" in page
    rows = client.get("/api/v1/analytics/?by=member&member=ghana").json()
    assert [(row["group"], row["commitments"]) for row in rows] == [("ghana", 2)]


def test_unknown_choices_are_refused(client):
    assert client.get("/analytics/?by=colour").status_code == 400
    assert client.get("/analytics/figures.csv?by=colour").status_code == 400
    assert client.get("/api/v1/analytics/?by=colour").status_code == 400
    assert client.get("/analytics/?member=atlantis").status_code == 404
    assert client.get("/api/v1/analytics/?member=atlantis").status_code == 400  # as the API's other filters


def test_a_new_assessment_shows_at_once(client):
    some_assessed(2)
    assert client.get("/api/v1/analytics/?by=kind").json()[0]["commitments"] == 2
    client.get("/analytics/")
    assess(completion="complete")
    assert client.get("/api/v1/analytics/?by=kind").json()[0]["commitments"] == 3
    assert '<desc id="completed-desc">Europe: 2 / 3</desc>' in client.get("/analytics/").content.decode()


def _queries(client, address: str) -> int:
    from django.core.cache import cache

    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(address).status_code == 200
    # Not the savepoints nor SET LOCAL jit; EXECUTE: a statement prepared on the connection (common/prepared.py).
    return len([q for q in captured if q["sql"].startswith(("SELECT", "EXECUTE"))])


ADDRESSES = [
    *(f"/analytics/?by={by}" for by in BREAKDOWNS),
    "/analytics/?member=steady",
    *(f"/api/v1/analytics/?by={by}" for by in BREAKDOWNS),
    "/analytics/figures.csv?by=policy_area&member=steady",
]


def test_pages_api_and_csv_answer_in_constant_queries(client):
    steady = MemberFactory(slug="steady")
    some_assessed(2, member=steady)
    few = {address: _queries(client, address) for address in ADDRESSES}
    some_assessed(12)
    some_assessed(6, member=steady)
    many = {address: _queries(client, address) for address in ADDRESSES}
    assert many == few
    # The page: total, breakdown, trend, the members to choose from (by start year, the breakdown is the trend: read
    # once); a member's: and the member, its total, the partnership's trend. The API: one; the CSV: the member and one.
    assert set(few.values()) == {4, 3, 7, 1, 2}, few
    assert few["/analytics/?by=start_year"] == 3, few


def test_a_cached_page_reads_nothing(client):
    some_assessed(3)
    for address in ("/analytics/?by=policy_area", "/api/v1/analytics/?by=policy_area", "/analytics/figures.csv"):
        client.get(address)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(address).status_code == 200
        assert not [q["sql"] for q in captured if "SAVEPOINT" not in q["sql"]], address  # the request's own only


def test_the_dashboard_is_for_the_support_unit(client):
    some_assessed(1)
    assert client.get("/analytics/dashboard/").status_code in (302, 403)
    client.force_login(UserFactory())
    assert client.get("/analytics/dashboard/").status_code == 403
    assert 'href="/analytics/dashboard/"' not in client.get("/analytics/").content.decode()
    client.force_login(UserFactory(staff=True))
    assert 'href="/analytics/dashboard/"' in client.get("/analytics/").content.decode()
    page = client.get("/analytics/dashboard/").content.decode()
    assert "Support unit dashboard" in page and 'id="compliance"' in page and 'id="calendar"' in page


def test_the_member_page_shows_its_figures_beside_the_partnerships(client):
    mine = MemberFactory(name="Ghana", slug="ghana")
    some_assessed(2, member=mine)
    some_assessed(2)
    page = client.get("/members/ghana/").content.decode()
    assert "What the IRM found" in page and 'href="/analytics/?member=ghana"' in page
    assert '<th scope="row">Ghana</th>' in page and '<th scope="row">All members</th>' in page
    assert "What the IRM found" not in client.get(f"/members/{MemberFactory().slug}/").content.decode()
