"""Compliance: each rule found with its evidence, listed for the support unit, decided with a reason."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from commitments.models import Member
from cycle.models import ComplianceFinding, CycleStep
from cycle.services import compliance_check, cycle_refresh_all, member_cycle_refresh
from tests.factories import ActionPlanFactory, MemberFactory
from tests.factories.consultations import (
    ConsultationFactory,
    ForumFactory,
    ForumMeetingFactory,
    ForumSeatFactory,
    ProposalFactory,
)

pytestmark = pytest.mark.django_db
TODAY = date(2026, 12, 3)


@pytest.fixture
def late_member():
    """A national member whose last plan ended at the end of 2024 and who has published none since."""
    member = MemberFactory(name="Ruritania", slug="ruritania")
    ActionPlanFactory(member=member, number=2, start_date=date(2023, 1, 1), end_date=date(2024, 12, 31), completed=True)
    member_cycle_refresh(member=member, today=TODAY)
    return member


def _findings(kind):
    return list(ComplianceFinding.objects.filter(kind=kind, resolved_on__isnull=True).select_related("member"))


def test_a_past_due_member_is_in_the_compliance_list_with_the_evidence(late_member, client, staff_user):
    assert compliance_check(today=TODAY)["new"] >= 1
    (finding,) = _findings(ComplianceFinding.Kind.LATE_PLAN)
    assert finding.member == late_member and finding.evidence["days_late"] == 701
    client.force_login(staff_user)
    page = client.get(reverse("cycle:compliance")).content.decode()
    assert "Ruritania" in page
    assert "Action plan 3 was due on" in page and "701 days late" in page
    assert "More than twelve months late: acting contrary to process" in page


def test_the_check_finds_a_finding_once_and_resolves_it_when_the_plan_arrives(late_member):
    compliance_check(today=TODAY)
    assert compliance_check(today=TODAY)["new"] == 0  # found again, not duplicated
    ActionPlanFactory(
        member=late_member,
        number=3,
        start_date=date(2026, 11, 1),
        end_date=date(2028, 10, 31),
        submitted=True,
        submitted_on=date(2026, 11, 1),
    )
    member_cycle_refresh(member=late_member, today=TODAY)
    result = compliance_check(today=TODAY)
    assert result["resolved"] == 1 and not _findings(ComplianceFinding.Kind.LATE_PLAN)


def test_a_date_corrected_by_staff_is_kept_and_used(late_member):
    step = CycleStep.objects.get(member=late_member, plan_number=3, kind="plan_due")
    step.due_on, step.corrected, step.note = date(2027, 3, 31), True, "Extension granted by the C&S subcommittee"
    step.save()
    member_cycle_refresh(member=late_member, today=TODAY)
    step.refresh_from_db()
    assert step.due_on == date(2027, 3, 31) and step.computed_on == date(2025, 1, 1)
    compliance_check(today=TODAY)
    assert not _findings(ComplianceFinding.Kind.LATE_PLAN)  # not due yet under the corrected date


def test_a_staff_decision_places_the_member_under_review_on_its_page(late_member, client, staff_user):
    compliance_check(today=TODAY)
    (finding,) = _findings(ComplianceFinding.Kind.LATE_PLAN)
    client.force_login(staff_user)
    url = reverse("cycle:finding-detail", args=[finding.pk])
    assert "Action plan 3 was due on" in client.get(url).content.decode()
    refused = client.post(url, {"decision": "procedural_review", "reason": " "})
    assert refused.status_code == 200 and Member.objects.get(pk=late_member.pk).status == "active"
    response = client.post(url, {"decision": "procedural_review", "reason": "Second cycle without a plan."})
    assert response.status_code == 302
    finding.refresh_from_db()
    assert finding.decision == "procedural_review" and finding.decided_by == staff_user
    assert finding.status_event.reason == "late_action_plan"
    late_member.refresh_from_db()
    assert late_member.status == Member.Status.UNDER_REVIEW
    member_page = client.get(late_member.get_absolute_url()).content.decode()
    assert "Under procedural review" in member_page and "Second cycle without a plan." in member_page
    again = client.post(url, {"decision": "no_action", "reason": "Changed my mind."}, follow=True)
    assert "This finding has already been decided." in again.content.decode()
    finding.refresh_from_db()
    assert finding.decision == "procedural_review"


def test_forums_that_stopped_meeting_or_lack_parity_are_found(member):
    quiet = ForumFactory(member=member, name="Madrid forum")
    ForumMeetingFactory(forum=quiet, held_on=timezone.localdate() - timedelta(days=250))
    for sector in ("government", "government", "civil_society"):
        ForumSeatFactory(forum=quiet, sector=sector)
    lively = ForumFactory(member=MemberFactory(), name="Lively forum")
    ForumMeetingFactory(forum=lively, held_on=timezone.localdate() - timedelta(days=20))
    ForumSeatFactory(forum=lively, sector="government")
    ForumSeatFactory(forum=lively, sector="civil_society")
    compliance_check()
    (inactive,) = _findings(ComplianceFinding.Kind.FORUM_INACTIVE)
    (parity,) = _findings(ComplianceFinding.Kind.FORUM_PARITY)
    assert inactive.member == member == parity.member
    assert "last met on" in inactive.evidence_text
    assert "2 government seats and 1 non-governmental seats" in parity.evidence_text


def test_proposals_without_a_reasoned_response_after_the_deadline_are_found(plan):
    now = timezone.now()
    consultation = ConsultationFactory(
        action_plan=plan,
        title="Open budget",
        opens_at=now - timedelta(days=60),
        closes_at=now - timedelta(days=40),
        response_due_on=timezone.localdate() - timedelta(days=10),
    )
    ProposalFactory(consultation=consultation)
    ProposalFactory(consultation=consultation)
    compliance_check()
    (finding,) = _findings(ComplianceFinding.Kind.UNANSWERED)
    assert finding.action_plan == plan
    assert "Consultation “Open budget”: 2 of 2 proposals have no reasoned response" in finding.evidence_text


def test_a_submitted_plan_without_the_co_creation_minimum_is_found(member):
    plan = ActionPlanFactory(member=member, implementing=True, title="Plan without co-creation")
    compliance_check()
    (finding,) = _findings(ComplianceFinding.Kind.MIN_REQUIREMENTS)
    codes = [item["code"] for item in finding.evidence["not_met"]]
    assert finding.action_plan == plan and "1.1" in codes and "5.1" not in codes  # implementation is not judged here


def test_the_compliance_list_costs_the_same_queries_with_more_findings(
    client, staff_user, django_assert_max_num_queries
):
    for _ in range(3):
        member = MemberFactory()
        ComplianceFinding.objects.create(
            member=member, kind="forum_inactive", subject=f"forum:{member.pk}", evidence={"forum": "F"}, found_on=TODAY
        )
    client.force_login(staff_user)
    url = reverse("cycle:compliance")
    client.get(url)
    with django_assert_max_num_queries(12) as few:
        client.get(url)
    for _ in range(12):
        member = MemberFactory()
        ComplianceFinding.objects.create(
            member=member,
            kind="late_plan",
            subject=f"due:{member.pk}:1",
            found_on=TODAY,
            evidence={
                "plan_number": 1,
                "due_on": "2026-01-01",
                "rule": "",
                "checked_on": "2026-12-03",
                "days_late": 336,
            },
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)


def test_every_member_is_refreshed_by_the_daily_run(late_member):
    MemberFactory(joined_year=None)  # nothing to compute, nothing stored
    cycle_refresh_all(today=TODAY)
    assert CycleStep.objects.filter(member=late_member).count() > 0


def test_a_member_without_plans_is_followed_only_in_the_years_after_joining():
    recent, old = MemberFactory(name="Newcomer", joined_year=2024), MemberFactory(name="Founder", joined_year=2011)
    for member in (recent, old):
        member_cycle_refresh(member=member, today=TODAY)
    compliance_check(today=TODAY)
    assert [f.member for f in _findings(ComplianceFinding.Kind.LATE_PLAN)] == [recent]  # due end of 2025
