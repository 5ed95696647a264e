"""Public pages: content, filters, pagination, and a query count that does not grow with rows."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from commitments.models import Member
from commitments.services import headline_figures_refresh
from tests.factories import (
    ActionPlanFactory,
    CommitmentFactory,
    MemberFactory,
    MilestoneFactory,
    PolicyAreaFactory,
    ProgressUpdateFactory,
)

pytestmark = pytest.mark.django_db


def _queries(client, url, **params) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def _populate(n: int):
    area = PolicyAreaFactory(slug="open-contracting", name="Open Contracting")
    for i in range(n):
        member = MemberFactory(country="KE" if i % 2 else "GH", kind="local" if i % 3 else "national")
        plan = ActionPlanFactory(member=member)
        commitment = CommitmentFactory(action_plan=plan, title=f"Open contracting {i}")
        commitment.policy_areas.add(area)
        MilestoneFactory(commitment=commitment, completed=True)
        MilestoneFactory(commitment=commitment)


@pytest.mark.parametrize(
    ("url_name", "params"),
    [
        ("home", {}),
        ("commitments:member-list", {}),
        ("commitments:member-list", {"kind": "local", "country": "KE", "search": "Member"}),
        ("commitments:commitment-list", {}),
        ("commitments:commitment-list", {"policy_area": "open-contracting", "country": "KE", "search": "open"}),
    ],
)
def test_list_pages_cost_the_same_queries_at_5_and_40_rows(client, url_name, params):
    """Each list page runs a fixed number of queries, whatever the number of rows."""
    _populate(5)
    headline_figures_refresh()  # stored once (the first visit of a new database stores them)
    small = _queries(client, reverse(url_name), **params)
    _populate(35)
    large = _queries(client, reverse(url_name), **params)
    assert large == small, f"{url_name}: {small} queries with 5 rows, {large} with 40"
    assert large <= 10


def test_member_list_page_has_a_bounded_query_count(client, django_assert_max_num_queries):
    _populate(30)
    with django_assert_max_num_queries(8):  # the members' counts, read once per content version: two queries
        client.get(reverse("commitments:member-list"))
    with django_assert_max_num_queries(6):
        client.get(reverse("commitments:member-list"), {"kind": "national"})


def test_detail_pages_cost_the_same_queries_whatever_the_number_of_children(client):
    plan = ActionPlanFactory()
    commitment = CommitmentFactory(action_plan=plan)
    MilestoneFactory(commitment=commitment)
    ProgressUpdateFactory(commitment=commitment)
    counts = [_queries(client, plan.get_absolute_url()), _queries(client, commitment.get_absolute_url())]
    for _ in range(10):
        other = CommitmentFactory(action_plan=plan)
        MilestoneFactory(commitment=other)
        MilestoneFactory(commitment=commitment)
        ProgressUpdateFactory(commitment=commitment)
    assert [_queries(client, plan.get_absolute_url()), _queries(client, commitment.get_absolute_url())] == counts


def test_member_list_filters_and_search(client):
    MemberFactory(name="Tbilisi", name_fr="Tbilissi", slug="tbilisi", kind="local", country="GE", region="asia_pacific")
    MemberFactory(name="Georgia", slug="georgia", kind="national", country="GE", region="asia_pacific")
    MemberFactory(name="Montevideo", slug="montevideo", kind="local", country="UY", region="americas")
    url = reverse("commitments:member-list")

    def names(**params):
        return [m.name for m in client.get(url, params).context["members"]]

    assert names(kind="local") == ["Montevideo", "Tbilisi"]
    assert names(country="GE") == ["Georgia", "Tbilisi"]
    assert names(region="americas") == ["Montevideo"]
    assert names(search="tbiliss") == ["Tbilisi"]  # the French name finds it too
    assert names(kind="local", country="GE") == ["Tbilisi"]


def test_member_list_paginates(client):
    for i in range(30):
        MemberFactory(name=f"City {i:02d}", slug=f"city-{i}")
    first = client.get(reverse("commitments:member-list"))
    second = client.get(reverse("commitments:member-list"), {"cursor": first.context["page"].next_cursor})
    assert [m.name for m in first.context["members"]] == [f"City {i:02d}" for i in range(25)]
    assert [m.name for m in second.context["members"]] == [f"City {i:02d}" for i in range(25, 30)]
    assert "30 members" in first.content.decode()


def test_invalid_filter_values_show_the_list_unfiltered_with_the_error(client):
    MemberFactory(name="Nairobi", slug="nairobi")
    response = client.get(reverse("commitments:member-list"), {"kind": "planet"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_member_page_shows_plans_local_members_and_status_history(client):
    from datetime import date

    from commitments.services import member_status_change

    georgia = MemberFactory(name="Georgia", slug="georgia", country="GE", region="asia_pacific")
    MemberFactory(name="Tbilisi", slug="tbilisi", kind="local", country="GE", parent=georgia, region="asia_pacific")
    ActionPlanFactory(member=georgia, title="Fifth national action plan")
    member_status_change(member=georgia, status="active", effective_on=date(2011, 9, 20))
    page = client.get(georgia.get_absolute_url()).content.decode()
    assert "Fifth national action plan" in page and "Tbilisi" in page and "Status history" in page


def test_action_plan_page_lists_commitments_with_progress(client):
    commitment = CommitmentFactory(title="Citizen budget tracking")
    MilestoneFactory(commitment=commitment, completed=True)
    MilestoneFactory(commitment=commitment)
    page = client.get(commitment.action_plan.get_absolute_url()).content.decode()
    assert "Citizen budget tracking" in page and "1/2 milestones" in page


def test_a_commitment_without_milestones_says_so_instead_of_an_empty_bar(client):
    CommitmentFactory(title="Imported without milestones")
    page = client.get(reverse("commitments:commitment-list")).content.decode()
    assert "Imported without milestones" in page and "No milestones recorded" in page
    assert "0/0 milestones" not in page


def test_commitment_page_shows_milestones_timeline_and_progress_history(client):
    commitment = CommitmentFactory(title="Lobby register")
    MilestoneFactory(commitment=commitment, description="Adopt the regulation", completed=True)
    ProgressUpdateFactory(commitment=commitment, text="Fifty stakeholders registered in January.")
    page = client.get(commitment.get_absolute_url()).content.decode()
    assert "Adopt the regulation" in page and "Fifty stakeholders registered in January." in page


def test_unknown_objects_are_404(client):
    assert client.get(reverse("commitments:member-detail", args=["atlantis"])).status_code == 404
    assert client.get(reverse("commitments:actionplan-detail", args=[999999])).status_code == 404
    assert client.get(reverse("commitments:commitment-detail", args=[999999])).status_code == 404


def test_home_shows_headline_figures(client):
    _populate(3)
    figures = client.get(reverse("home")).context["figures"]
    assert figures["commitments"] == 3
    assert figures["members_national"] + figures["members_local"] == Member.objects.count()
    assert figures["milestones_completed_pct"] == 50


def test_the_commitment_list_pages_by_cursor_newest_first_with_a_bounded_count(client, monkeypatch):
    from common import pagination

    plan = ActionPlanFactory()
    ids = [CommitmentFactory(action_plan=plan).pk for _ in range(30)]
    url = reverse("commitments:commitment-list")
    first = client.get(url)
    assert [c.pk for c in first.context["commitments"]] == sorted(ids, reverse=True)[:25]
    assert "30 commitments" in first.content.decode()
    rest = client.get(url, {"cursor": first.context["page"].next_cursor})
    assert [c.pk for c in rest.context["commitments"]] == sorted(ids, reverse=True)[25:]
    monkeypatch.setattr(pagination, "COUNT_LIMIT", 20)
    cache.clear()  # the list's fragment is cached until the data changes
    assert "More than 20 commitments" in client.get(url).content.decode()


def test_the_cached_commitment_list_shows_a_change_at_once(client):
    commitment = CommitmentFactory(title="Before the change")
    url = reverse("commitments:commitment-list")
    assert "Before the change" in client.get(url).content.decode()
    commitment.title = "After the change"
    commitment.save()
    assert "After the change" in client.get(url).content.decode()
