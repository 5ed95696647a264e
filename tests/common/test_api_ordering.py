"""`?ordering=` on the API lists: every row on exactly one page, those without a value last, on every database."""

from datetime import date

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from tests.factories import ActionPlanFactory, CommitmentFactory, MemberFactory, UserFactory
from tests.factories.irm_reports import ReportFactory

pytestmark = pytest.mark.django_db


def walk(api, path):
    """The ids of every page, following the `next` links (cursor or numbered)."""
    ids, seen = [], set()
    while path:
        response = api.get(path)
        assert response.status_code == 200, response.content[:500]
        body = response.json()
        ids += [item["id"] for item in body["results"]]
        path = body["next"]
        assert path not in seen  # no loop
        seen.add(path)
    return ids


@pytest.mark.parametrize("descending", [False, True])
def test_commitments_by_start_date_come_on_cursor_pages_with_the_undated_last(descending):
    plan = ActionPlanFactory()
    starts = [date(2025, 3, 1), None, date(2024, 1, 1), None, date(2025, 3, 1), None, date(2026, 5, 1), None]
    commitments = [CommitmentFactory(action_plan=plan, start_date=start) for start in starts]
    sign = "-" if descending else ""
    ids = walk(APIClient(), f"/api/v1/commitments/?ordering={sign}start_date&page_size=2")
    dated = sorted((c for c in commitments if c.start_date), key=lambda c: (c.start_date, c.pk), reverse=descending)
    undated = sorted((c.pk for c in commitments if not c.start_date), reverse=descending)
    assert ids == [c.pk for c in dated] + undated


def test_a_cursor_page_goes_back_over_undated_commitments():
    plan = ActionPlanFactory()
    for start in (date(2024, 1, 1), None, None, None, date(2025, 1, 1)):
        CommitmentFactory(action_plan=plan, start_date=start)
    api = APIClient()
    first = api.get("/api/v1/commitments/?ordering=end_date&ordering=start_date&page_size=2").json()
    second = api.get(first["next"]).json()
    back = api.get(second["previous"]).json()
    assert [item["id"] for item in back["results"]] == [item["id"] for item in first["results"]]


def test_members_by_year_come_on_numbered_pages_once_each_with_the_unknown_last():
    years = [2011, None, 2014, 2014, 2014, None, 2011, 2016, 2014]
    members = [MemberFactory(joined_year=year) for year in years]
    ids = walk(APIClient(), "/api/v1/members/?ordering=-joined_year&page_size=2")
    expected = sorted((m for m in members if m.joined_year), key=lambda m: (-m.joined_year, -m.pk))
    assert ids == [m.pk for m in expected] + sorted((m.pk for m in members if not m.joined_year), reverse=True)


def test_reports_by_publication_list_the_drafts_last_for_staff():
    published = ReportFactory()
    published.published_at = timezone.now()
    published.save(update_fields=["published_at"])
    draft = ReportFactory()
    api = APIClient()
    api.force_authenticate(UserFactory(is_staff=True, is_superuser=True))
    for ordering in ("published_at", "-published_at"):
        ids = walk(api, f"/api/v1/reports/?ordering={ordering}")
        assert ids.index(published.pk) < ids.index(draft.pk)
