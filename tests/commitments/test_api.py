"""The commitments API: filters, shapes, flat query counts, and writes through the same rules as the web."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from commitments.models import ActionPlan, Milestone, ProgressUpdate
from tests.factories import (
    ActionPlanFactory,
    CommitmentFactory,
    MemberFactory,
    MilestoneFactory,
    PolicyAreaFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    return APIClient()


def _ids(response):
    assert response.status_code == 200, response.json()
    return sorted(item["id"] for item in response.json()["results"])


def test_commitments_filtered_by_policy_area_and_member_are_exactly_the_matches(api):
    contracting = PolicyAreaFactory(slug="open-contracting", name="Open Contracting")
    lobbying = PolicyAreaFactory(slug="lobbying", name="Lobbying")
    member = MemberFactory()
    match = CommitmentFactory(action_plan__member=member)
    match.policy_areas.add(contracting, lobbying)
    other_area = CommitmentFactory(action_plan__member=member)
    other_area.policy_areas.add(lobbying)
    other_member = CommitmentFactory()
    other_member.policy_areas.add(contracting)
    response = api.get("/api/v1/commitments/", {"policy_area": "open-contracting", "member": member.pk})
    assert _ids(response) == [match.pk]


def test_commitment_filters(api):
    kenya = CommitmentFactory(action_plan__member__country="KE", access_to_information=True, title="Budget data")
    # Written out: the factory's random English words may say "budget".
    ghana = CommitmentFactory(
        action_plan__member__country="GH", action_plan__implementing=True, title="Health records", objective="Open."
    )
    ghana.completion = "substantial"
    ghana.save()
    assert _ids(api.get("/api/v1/commitments/", {"country": "KE"})) == [kenya.pk]
    assert _ids(api.get("/api/v1/commitments/", {"ogp_value": "access_to_information"})) == [kenya.pk]
    assert _ids(api.get("/api/v1/commitments/", {"status": "implementation"})) == [ghana.pk]
    assert _ids(api.get("/api/v1/commitments/", {"completion": "substantial"})) == [ghana.pk]
    assert _ids(api.get("/api/v1/commitments/", {"search": "budget"})) == [kenya.pk]
    assert _ids(api.get("/api/v1/commitments/", {"action_plan": ghana.action_plan_id})) == [ghana.pk]


def test_a_commitment_carries_its_milestones_areas_and_lead_institution(api):
    commitment = CommitmentFactory()
    MilestoneFactory(commitment=commitment, description="Publish the register", completed=True)
    commitment.policy_areas.add(PolicyAreaFactory(slug="lobbying"))
    data = api.get(f"/api/v1/commitments/{commitment.pk}/").json()
    assert data["milestones"][0]["description"] == "Publish the register"
    assert data["milestones"][0]["status"] == "completed"
    assert data["policy_areas"][0]["slug"] == "lobbying"
    assert data["member"]["id"] == commitment.action_plan.member_id
    assert data["html_url"].endswith(commitment.get_absolute_url())


def test_members_and_action_plans_filters(api):
    tbilisi = MemberFactory(name="Tbilisi", name_fr="Tbilissi", kind="local", country="GE", region="asia_pacific")
    MemberFactory(name="Ghana", kind="national", country="GH", region="africa_middle_east")
    assert _ids(api.get("/api/v1/members/", {"kind": "local", "country": "GE", "search": "tbiliss"})) == [tbilisi.pk]
    assert _ids(api.get("/api/v1/members/", {"region": "asia_pacific", "status": "active"})) == [tbilisi.pk]
    old = ActionPlanFactory(member=tbilisi, start_date=date(2016, 1, 1), end_date=date(2017, 12, 31), completed=True)
    new = ActionPlanFactory(member=tbilisi, start_date=date(2024, 1, 1), end_date=date(2025, 12, 31))
    assert _ids(api.get("/api/v1/action-plans/", {"member": tbilisi.pk})) == sorted([old.pk, new.pk])
    assert _ids(api.get("/api/v1/action-plans/", {"status": "completed"})) == [old.pk]
    overlap = {"period_from": "2017-06-01", "period_to": "2018-06-01"}
    assert _ids(api.get("/api/v1/action-plans/", overlap)) == [old.pk]


def _count_queries(api, url):
    with CaptureQueriesContext(connection) as ctx:
        assert api.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("url", ["/api/v1/members/", "/api/v1/action-plans/", "/api/v1/commitments/"])
def test_list_endpoints_cost_the_same_queries_at_10_and_60_rows(api, url):
    area = PolicyAreaFactory(slug="open-data")

    def add(n):
        for _ in range(n):
            commitment = CommitmentFactory()
            commitment.policy_areas.add(area)
            MilestoneFactory(commitment=commitment)

    add(10)
    small = _count_queries(api, url)
    add(50)
    assert _count_queries(api, url) == small
    # commitments: the page's ids, then 7, their similar commitments (peers), the amendments that shaped them
    # (drafting), their translations and their milestones'
    assert small <= 12


def test_cursor_pagination_walks_every_commitment_once(api):
    ids = sorted(CommitmentFactory().pk for _ in range(7))
    seen, url = [], "/api/v1/commitments/?page_size=3"
    while url:
        page = api.get(url).json()
        seen += [item["id"] for item in page["results"]]
        url = page["next"]
    assert seen == ids


def test_point_of_contact_posts_a_progress_update_with_a_token(api):
    commitment = CommitmentFactory(action_plan__implementing=True)
    contact = UserFactory(email="poc@example.org", point_of_contact_of=commitment.action_plan.member)
    credentials = {"email": "poc@example.org", "password": "a-long-test-password", "scope": "read_write"}
    token = api.post("/api/v1/auth/token/", credentials)
    assert token.status_code == 200
    api.credentials(HTTP_AUTHORIZATION=f"Token {token.json()['token']}")
    response = api.post(
        f"/api/v1/commitments/{commitment.pk}/progress-updates/", {"text": "Half done", "completion": "substantial"}
    )
    assert response.status_code == 201, response.json()
    update = ProgressUpdate.objects.get()
    assert update.author == contact and update.completion == "substantial"
    commitment.refresh_from_db()
    assert commitment.completion == "substantial"
    history = api.get(f"/api/v1/commitments/{commitment.pk}/progress-updates/").json()
    assert [h["text"] for h in history] == ["Half done"]


@pytest.mark.parametrize("who", ["anonymous", "participant", "other_contact", "researcher"])
def test_progress_updates_refuse_the_wrong_role(api, who):
    commitment = CommitmentFactory(action_plan__implementing=True)
    users = {
        "participant": lambda: UserFactory(),
        "other_contact": lambda: UserFactory(point_of_contact_of=MemberFactory()),
        "researcher": lambda: UserFactory(researcher=True),
    }
    if who != "anonymous":
        api.force_authenticate(users[who]())
    response = api.post(
        f"/api/v1/commitments/{commitment.pk}/progress-updates/", {"text": "x", "completion": "limited"}
    )
    assert response.status_code == (401 if who == "anonymous" else 403)
    assert response.json()["status"] == response.status_code
    assert not ProgressUpdate.objects.exists()


def test_progress_update_errors_are_field_errors(api):
    commitment = CommitmentFactory(action_plan__implementing=True)
    api.force_authenticate(UserFactory(point_of_contact_of=commitment.action_plan.member))
    response = api.post(
        f"/api/v1/commitments/{commitment.pk}/progress-updates/",
        {"completion": "finished", "reported_on": "2999-01-01"},
    )
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert set(errors) == {"text", "completion"}
    response = api.post(
        f"/api/v1/commitments/{commitment.pk}/progress-updates/",
        {"text": "From the future", "completion": "limited", "reported_on": "2999-01-01"},
    )
    assert response.status_code == 400 and "future" in response.json()["errors"]["reported_on"][0]
    assert not ProgressUpdate.objects.exists()


def test_progress_update_outside_implementation_is_refused_by_the_rule(api):
    commitment = CommitmentFactory()  # plan in co-creation
    api.force_authenticate(UserFactory(point_of_contact_of=commitment.action_plan.member))
    response = api.post(
        f"/api/v1/commitments/{commitment.pk}/progress-updates/", {"text": "x", "completion": "limited"}
    )
    assert response.status_code == 403


def test_anonymous_reads_are_cached_until_the_data_changes(api):
    commitment = CommitmentFactory(title="Before")
    assert api.get("/api/v1/commitments/").json()["results"][0]["title"] == "Before"
    with CaptureQueriesContext(connection) as ctx:
        assert api.get("/api/v1/commitments/").json()["results"][0]["title"] == "Before"
    assert not [q for q in ctx.captured_queries if q["sql"].startswith(("SELECT", "EXECUTE"))]  # from the cache
    commitment.title = "After"
    commitment.save()
    assert api.get("/api/v1/commitments/").json()["results"][0]["title"] == "After"
    api.force_authenticate(UserFactory())
    CommitmentFactory()  # the cache is bypassed for signed-in users
    with CaptureQueriesContext(connection) as ctx:
        api.get("/api/v1/commitments/")
    assert len(ctx.captured_queries) > 0


def _walk(api, url):
    """Every item of a numbered list, page after page, and the queries of each page."""
    items, costs = [], []
    while url:
        with CaptureQueriesContext(connection) as ctx:
            response = api.get(url)
        assert response.status_code == 200, response.json()
        items += response.json()["results"]
        costs.append(len(ctx.captured_queries))
        url = response.json()["next"]
    return items, costs


def test_numbered_pages_of_members_and_plans_hold_every_row_once_in_order_with_its_counts(api):
    """The pages read their ids first and their counted rows after: each row comes once, where the list's order
    puts it, with its own counts, and a deep page costs the queries of the first."""
    members = [MemberFactory(name=f"Member {letter}") for letter in "DBECA"]
    for index, member in enumerate(members):
        for year in range(index % 3 + 1):
            plan = ActionPlanFactory(member=member, start_date=date(2015 + 2 * index + year, 1, 1))
            for done in range(year + index % 2):
                status = {"status": "completed", "completed_on": date(2025, 1, 1)} if done else {}
                MilestoneFactory(commitment=CommitmentFactory(action_plan=plan), **status)

    walked, costs = _walk(api, "/api/v1/members/?page_size=2")
    assert [m["name"] for m in walked] == sorted(m.name for m in members)
    # The first page counts the list and reads every member's counts, once per content version
    # (common.pagination.ContentPaginator, commitments.member_counts).
    assert costs[0] == costs[1] + 3 and len(set(costs[1:])) == 1
    for item in walked:
        member = next(m for m in members if m.pk == item["id"])
        assert item["plan_count"] == member.action_plans.count()
        assert item["commitment_count"] == sum(plan.commitments.count() for plan in member.action_plans.all())

    plans, costs = _walk(api, "/api/v1/action-plans/?page_size=3")
    with CaptureQueriesContext(connection) as ctx:
        api.get("/api/v1/action-plans/?page_size=3&page=3")
    counted = [q["sql"] for q in ctx.captured_queries if "milestones_completed" in q["sql"]]
    assert counted and not any("OFFSET" in sql for sql in counted)  # counted for the page's ids, not before them
    expected = ActionPlan.objects.order_by("-start_date", "id")
    assert [p["id"] for p in plans] == list(expected.values_list("pk", flat=True))
    assert costs[0] == costs[1] + 1 and len(set(costs[1:])) == 1
    for item, plan in zip(plans, expected, strict=True):
        milestones = Milestone.objects.filter(commitment__action_plan=plan)
        assert item["commitment_count"] == plan.commitments.count()
        assert item["milestone_count"] == milestones.count()
        assert item["milestones_completed"] == milestones.filter(status="completed").count()
