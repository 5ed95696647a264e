"""OGP's calendar rules on ordinary and odd plans (pure: no database)."""

from datetime import date

from commitments.models import ActionPlan, Member
from cycle import schedule
from cycle.schedule import add_months, member_schedule

TODAY = date(2026, 12, 3)


def _member(kind=Member.Kind.NATIONAL, joined_year=2014):
    return Member(name="M", slug="m", kind=kind, joined_year=joined_year)


def _plan(number, start, end, status=ActionPlan.Status.IMPLEMENTATION, submitted_on=None, pk=None):
    return ActionPlan(
        pk=pk or number, number=number, start_date=start, end_date=end, status=status, submitted_on=submitted_on
    )


def _by_key(steps):
    return {(s.plan_number, s.kind): s for s in steps}


def test_months_are_added_to_the_last_day_of_shorter_months():
    assert add_months(date(2026, 8, 31), 6) == date(2027, 2, 28)
    assert add_months(date(2027, 1, 1), -6) == date(2026, 7, 1)
    assert add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)


def test_a_national_plan_gives_every_step_and_the_next_plan_is_due_when_it_ends():
    plan = _plan(3, date(2025, 1, 1), date(2026, 12, 31), submitted_on=date(2024, 12, 20))
    steps = _by_key(member_schedule(_member(), [plan], TODAY))
    assert steps[(3, schedule.SUBMISSION)].due_on == date(2024, 12, 20)
    assert steps[(3, schedule.DESIGN_REVIEW)].due_on == date(2025, 4, 20)  # four months after submission
    assert steps[(3, schedule.MID_TERM)].due_on == date(2025, 12, 31)
    assert steps[(3, schedule.END_OF_TERM)].due_on == date(2027, 4, 30)  # four months after the end
    assert steps[(4, schedule.PLAN_DUE)].due_on == date(2027, 1, 1)
    assert steps[(4, schedule.CO_CREATION_START)].due_on == date(2026, 7, 1)  # six months before
    assert not steps[(4, schedule.PLAN_DUE)].done and steps[(3, schedule.SUBMISSION)].done


def test_the_second_plan_is_due_the_day_after_the_first_ends():
    first = _plan(1, date(2021, 1, 1), date(2022, 12, 31), submitted_on=date(2020, 12, 15))
    second = _plan(2, date(2023, 3, 1), date(2025, 2, 28))  # late, no submission date recorded (imported)
    steps = _by_key(member_schedule(_member(), [second, first], TODAY))
    assert steps[(2, schedule.PLAN_DUE)].due_on == date(2023, 1, 1)
    assert steps[(2, schedule.SUBMISSION)].due_on == date(2023, 3, 1)  # taken from its start
    assert steps[(3, schedule.PLAN_DUE)].due_on == date(2025, 3, 1)


def test_overlapping_plans_take_the_latest_end():
    long_plan = _plan(1, date(2020, 1, 1), date(2023, 12, 31))  # four years
    overlapping = _plan(2, date(2022, 1, 1), date(2023, 6, 30))  # starts and ends inside the first
    steps = _by_key(member_schedule(_member(), [long_plan, overlapping], TODAY))
    assert steps[(2, schedule.PLAN_DUE)].due_on == date(2024, 1, 1)
    assert steps[(3, schedule.PLAN_DUE)].due_on == date(2024, 1, 1)  # not July 2023: plan 1 runs until December


def test_a_local_member_has_its_own_assessment_and_no_irm_review():
    plan = _plan(1, date(2024, 9, 1), date(2025, 12, 31), submitted_on=date(2024, 8, 20))
    steps = _by_key(member_schedule(_member(kind=Member.Kind.LOCAL), [plan], TODAY))
    kinds = {kind for _number, kind in steps}
    assert schedule.DESIGN_REVIEW not in kinds and schedule.END_OF_TERM not in kinds
    assert steps[(1, schedule.LOCAL_ASSESSMENT)].due_on == date(2026, 4, 30)
    assert steps[(2, schedule.PLAN_DUE)].due_on == date(2026, 1, 1)


def test_a_member_without_plans_has_its_first_plan_due_after_joining_or_nothing_without_a_year():
    steps = _by_key(member_schedule(_member(joined_year=2025), [], TODAY))
    assert steps[(1, schedule.PLAN_DUE)].due_on == date(2026, 12, 31)
    assert member_schedule(_member(joined_year=None), [], TODAY) == []


def test_a_plan_still_in_co_creation_has_its_submission_expected_and_a_withdrawn_plan_keeps_its_number():
    current = _plan(1, date(2024, 1, 1), date(2025, 12, 31), submitted_on=date(2023, 12, 1))
    drafting = _plan(2, date(2026, 1, 1), date(2027, 12, 31), status=ActionPlan.Status.CO_CREATION)
    withdrawn = _plan(3, date(2026, 1, 1), date(2027, 12, 31), status=ActionPlan.Status.WITHDRAWN)
    steps = _by_key(member_schedule(_member(), [current, drafting, withdrawn], TODAY))
    assert steps[(2, schedule.SUBMISSION)].due_on == date(2026, 1, 1) and not steps[(2, schedule.SUBMISSION)].done
    assert not steps[(2, schedule.PLAN_DUE)].done  # late: still not submitted
    assert (2, schedule.DESIGN_REVIEW) not in steps  # no review before a submission
    assert (3, schedule.PLAN_DUE) not in steps and steps[(4, schedule.PLAN_DUE)].due_on == date(2028, 1, 1)
