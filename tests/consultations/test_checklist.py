"""The co-creation standards checklist: computed from the data where it can be, set by support staff otherwise."""

from datetime import timedelta

import pytest
from django.utils import timezone

from commitments.models import StandardRequirement
from consultations import services
from consultations.checklist import plan_checklist
from tests.factories import ActionPlanFactory
from tests.factories.consultations import (
    ConsultationFactory,
    ForumFactory,
    ForumMeetingFactory,
    ForumSeatFactory,
    ProposalFactory,
    ResponseFactory,
)

pytestmark = pytest.mark.django_db


def _status(plan) -> dict:
    return {item.requirement.code: item.status for item in plan_checklist(plan)}


def test_every_minimum_requirement_is_listed_and_nothing_is_met_without_data(plan):
    statuses = _status(plan)
    assert list(statuses) == ["1.1", "2.1", "2.2", "3.1", "3.2", "3.3", "4.1", "5.1"]
    assert statuses["2.1"] == "not_met"
    assert {statuses[c] for c in ("1.1", "2.2", "3.1", "3.2", "3.3", "4.1", "5.1")} == {"not_assessable"}


def test_a_plan_with_forum_website_long_consultation_and_every_answer_meets_them(plan, member):
    member.website_url = "https://www.madrid.es/opengov"
    member.save()
    forum = ForumFactory(member=member)
    ForumSeatFactory(forum=forum, sector="government")
    ForumSeatFactory(forum=forum, sector="civil_society")
    ForumMeetingFactory(forum=forum, action_plan=plan, phase="co_creation")
    consultation = ConsultationFactory(
        action_plan=plan, opens_at=timezone.now() - timedelta(days=30), closes_at=timezone.now() - timedelta(days=2)
    )
    ResponseFactory(proposal=ProposalFactory(consultation=consultation))
    ProposalFactory(consultation=consultation, withdrawn=True)  # owed no response
    statuses = _status(plan)
    assert [statuses[c] for c in ("1.1", "2.1", "3.3", "4.1")] == ["met"] * 4


def test_unmet_requirements_become_not_met_once_co_creation_is_over(member):
    plan = ActionPlanFactory(member=member, implementing=True)
    forum = ForumFactory(member=member, rules_url="")
    ForumSeatFactory(forum=forum, sector="government")
    consultation = ConsultationFactory(
        action_plan=plan, opens_at=timezone.now() - timedelta(days=10), closes_at=timezone.now() - timedelta(days=5)
    )
    ProposalFactory(consultation=consultation)
    ResponseFactory(proposal=ProposalFactory(consultation=consultation))
    items = {item.requirement.code: item for item in plan_checklist(plan)}
    assert items["1.1"].status == "not_met" and "civil society" in items["1.1"].explanation
    assert items["3.3"].status == "not_met"
    assert items["4.1"].status == "not_met" and "1 of 2 proposals answered" in items["4.1"].explanation
    assert items["5.1"].status == "not_assessable"


def test_two_implementation_meetings_meet_5_1(member):
    plan = ActionPlanFactory(member=member, implementing=True)
    forum = ForumFactory(member=member)
    ForumMeetingFactory.create_batch(2, forum=forum, action_plan=plan, phase="implementation")
    assert _status(plan)["5.1"] == "met"
    assert _status(ActionPlanFactory(member=member, completed=True))["5.1"] == "not_met"


def test_a_staff_assessment_prevails_and_can_be_cleared(plan, staff_user):
    requirement = StandardRequirement.objects.get(version="2021", code="3.1")
    mark = services.requirement_mark_set(
        action_plan=plan, requirement=requirement, status="met", note="Timeline published on 1 May.", set_by=staff_user
    )
    item = next(i for i in plan_checklist(plan) if i.requirement.code == "3.1")
    assert (item.status, item.source, item.explanation) == ("met", "staff", "Timeline published on 1 May.")
    services.requirement_mark_clear(mark=mark)
    assert _status(plan)["3.1"] == "not_assessable"


def test_only_the_2021_minimum_requirements_are_assessed(plan, staff_user):
    from django.core.exceptions import ValidationError

    old = StandardRequirement.objects.filter(version="2017").first()
    with pytest.raises(ValidationError, match="Only the minimum requirements"):
        services.requirement_mark_set(action_plan=plan, requirement=old, status="met", set_by=staff_user)


def test_the_checklist_costs_a_fixed_number_of_queries(plan, member, django_assert_max_num_queries):
    forum = ForumFactory(member=member)
    for _ in range(5):
        ForumSeatFactory(forum=forum)
        ResponseFactory(proposal=ProposalFactory(consultation=ConsultationFactory(action_plan=plan)))
    with django_assert_max_num_queries(7):
        plan_checklist(plan)


def test_answers_are_counted_on_the_plans_held_consultations_only(member):
    """4.1 reads the consultations' counters: a cancelled consultation and a hidden proposal owe no answer."""
    plan = ActionPlanFactory(member=member, implementing=True)
    held = ConsultationFactory(action_plan=plan)
    ResponseFactory(proposal=ProposalFactory(consultation=held))
    ProposalFactory(consultation=held, under_review=True)
    hidden = ProposalFactory(consultation=held)
    hidden.is_hidden = True
    hidden.save(update_fields=["is_hidden"])
    cancelled = ConsultationFactory(
        action_plan=plan, status="cancelled", status_reason="Elections.", status_changed_at=timezone.now()
    )
    ProposalFactory(consultation=cancelled)
    ProposalFactory(consultation=ConsultationFactory())  # another plan's
    item = next(i for i in plan_checklist(plan) if i.requirement.code == "4.1")
    assert "1 of 2 proposals answered" in item.explanation


def test_the_checklist_reads_the_same_from_the_panels_consultations_as_from_its_own(plan):
    """The plan page's checklist takes the consultations its panel read (latest first): the same items as when it
    reads them itself, whichever of two consultations opened at the same moment it names."""
    from consultations.panel_selectors import plan_consultations

    opened = timezone.now() - timedelta(days=3)
    for days in (20, 9):  # both still open, opened together: the first by id closes first
        ConsultationFactory(action_plan=plan, opens_at=opened, closes_at=timezone.now() + timedelta(days=days))
    ConsultationFactory(
        action_plan=plan, opens_at=timezone.now() - timedelta(days=40), closes_at=timezone.now() - timedelta(days=30)
    )
    read = plan_consultations(plan=plan)
    assert [c.opens_at for c in read] == sorted((c.opens_at for c in read), reverse=True)

    def items(checklist):
        return [(item.requirement.code, item.status, item.explanation) for item in checklist]

    own = items(plan_checklist(plan))
    assert own == items(plan_checklist(plan, consultations=read))
    running = {code: explanation for code, _status, explanation in own}["3.3"]
    assert (timezone.localdate() + timedelta(days=20)).isoformat() in running
