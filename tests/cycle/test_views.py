"""The partnership calendar by quarter, the member feed's cost, and staff corrections in the admin."""

from datetime import date

import pytest
from django.urls import reverse

from cycle.models import CycleStep
from cycle.quarters import Quarter
from cycle.services import member_cycle_refresh
from tests.factories import ActionPlanFactory, MemberFactory

pytestmark = pytest.mark.django_db


def _members_with_plans(count: int):
    for _ in range(count):
        member = MemberFactory()
        ActionPlanFactory(member=member, start_date=date(2025, 1, 1), end_date=date(2026, 12, 31), implementing=True)
        member_cycle_refresh(member=member, today=date(2026, 12, 3))


def test_quarters_parse_and_navigate():
    assert str(Quarter.parse("2026-Q4", date(2020, 1, 1))) == "2026-Q4"
    assert Quarter.parse("nonsense", date(2026, 5, 9)) == Quarter(2026, 2)
    assert Quarter(2026, 4).end == date(2026, 12, 31) and str(Quarter(2026, 4).next) == "2027-Q1"
    assert str(Quarter(2026, 1).previous) == "2025-Q4" and Quarter(2026, 1).start == date(2026, 1, 1)


def test_the_calendar_shows_what_is_due_in_the_quarter(client):
    member = MemberFactory(name="Ruritania")
    ActionPlanFactory(member=member, start_date=date(2025, 1, 1), end_date=date(2026, 12, 31), implementing=True)
    member_cycle_refresh(member=member, today=date(2026, 12, 3))
    page = client.get(reverse("cycle:calendar"), {"quarter": "2026-Q4"}).content.decode()
    assert "Action-plan calendar, 2026-Q4" in page and "Ruritania" in page and "Implementation ends" in page
    assert 'href="?quarter=2027-Q1"' in page and 'href="?quarter=2026-Q3"' in page
    later = client.get(reverse("cycle:calendar"), {"quarter": "2027-Q1"}).content.decode()
    assert "Action plan due" in later and "not yet published" in later


def test_the_calendar_and_the_feed_cost_the_same_queries_with_more_members(client, django_assert_max_num_queries):
    _members_with_plans(2)
    url = reverse("cycle:calendar")
    feed = reverse("cycle:member-ics", args=[CycleStep.objects.first().member.slug])
    client.get(url, {"quarter": "2026-Q4"})
    with django_assert_max_num_queries(8) as page_queries:
        client.get(url, {"quarter": "2026-Q4"})
    with django_assert_max_num_queries(6) as feed_queries:
        client.get(feed)
    _members_with_plans(8)
    with django_assert_max_num_queries(len(page_queries.captured_queries)):
        client.get(url, {"quarter": "2026-Q4"})
    with django_assert_max_num_queries(len(feed_queries.captured_queries)):
        client.get(feed)


def test_a_date_changed_in_the_admin_is_marked_corrected_and_kept(client, staff_user):
    member = MemberFactory()
    ActionPlanFactory(
        member=member, number=1, start_date=date(2025, 1, 1), end_date=date(2026, 12, 31), implementing=True
    )
    member_cycle_refresh(member=member, today=date(2026, 12, 3))
    step = CycleStep.objects.get(member=member, kind="plan_due", plan_number=2)
    client.force_login(staff_user)
    url = reverse("admin:cycle_cyclestep_change", args=[step.pk])
    assert client.get(url).status_code == 200
    data = {
        "member": member.pk,
        "plan_number": step.plan_number,
        "action_plan": "",
        "kind": step.kind,
        "due_on": "2027-06-30",
        "note": "New government: six more months",
    }
    assert client.post(url, data).status_code == 302
    member_cycle_refresh(member=member, today=date(2026, 12, 3))
    step.refresh_from_db()
    assert step.corrected and step.due_on == date(2027, 6, 30) and step.computed_on == date(2027, 1, 1)
    assert client.get(reverse("admin:cycle_cyclestep_changelist"), {"corrected__exact": "1"}).status_code == 200
    assert client.get(reverse("admin:cycle_compliancefinding_changelist")).status_code == 200
