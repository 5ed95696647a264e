"""OGP's calendar rules, applied to one member's plans: the dated steps of its cycle (pure, no database).

The rules (docs/CYCLE.md, /shared/ogp/DOMAIN.md §2.4 and §4):
- a national plan runs two years (four allowed); the next plan is due the day after the latest plan ends
  (overlapping plans: the latest end of the plans that started before it);
- co-creation of a plan starts six months before it is due (the National Handbook's advice);
- the IRM's Action Plan Review comes within four months of submission; its Results Report four months
  after the plan ends; the mid-term is halfway through implementation;
- local members' plan lengths vary and the IRM does not review them: instead of the IRM steps, the
  end-of-commitment assessment by the Local Monitoring Body, four months after the plan ends;
- a member without any plan has its first plan due at the end of the year after it joined (no year
  joined: no date can be computed, and none is shown);
- a plan not published within twelve months of its due date is "acting contrary to process".
"""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.translation import gettext_noop

from commitments.models import ActionPlan, Member

CO_CREATION_MONTHS = 6
REVIEW_MONTHS = 4
RESULTS_MONTHS = 4
CONTRARY_TO_PROCESS_MONTHS = 12

CO_CREATION_START = "co_creation_start"
PLAN_DUE = "plan_due"
SUBMISSION = "submission"
DESIGN_REVIEW = "design_review"
MID_TERM = "mid_term"
PLAN_END = "plan_end"
END_OF_TERM = "end_of_term"
LOCAL_ASSESSMENT = "local_assessment"

# Why a step falls on its date: stored in English with the step, shown translated (gettext).
BEFORE_DUE = gettext_noop("6 months before the plan is due")
FIRST_PLAN = gettext_noop("first plan: its own start")
AFTER_PREVIOUS = gettext_noop("the day after the previous plan ends")
AFTER_LATEST = gettext_noop("the day after the latest plan ends")
AFTER_JOINING = gettext_noop("end of the year after joining")
AS_SUBMITTED = gettext_noop("as submitted")
EXPECTED = gettext_noop("expected on the due date")
HALFWAY = gettext_noop("halfway through the plan")
PLAN_ENDS = gettext_noop("the plan's end")
AFTER_SUBMISSION = gettext_noop("4 months after submission")
AFTER_END = gettext_noop("4 months after the end")

# The steps a point of contact is reminded of (the IRM's own steps are the IRM's to keep).
REMINDED = (CO_CREATION_START, PLAN_DUE, MID_TERM, PLAN_END)


def add_months(day: date, months: int) -> date:
    """The same day `months` later (or earlier), the month's last day when it has fewer days."""
    month_index = day.year * 12 + day.month - 1 + months
    year, month = divmod(month_index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


@dataclass(frozen=True)
class Step:
    plan_number: int
    kind: str
    due_on: date
    rule: str
    action_plan_id: int | None = None
    done: bool = False


def _submitted_on(plan: ActionPlan) -> date | None:
    if plan.submitted_on:
        return plan.submitted_on
    if plan.status in (ActionPlan.Status.IMPLEMENTATION, ActionPlan.Status.COMPLETED):
        return plan.start_date  # imported history: submitted, date unknown; it started then
    return None


def _plan_steps(member: Member, plan: ActionPlan, due_on: date, due_rule: str, today: date) -> list[Step]:
    def step(kind, day, rule, done=None):
        return Step(plan.number, kind, day, rule, plan.pk, day <= today if done is None else done)

    submitted = _submitted_on(plan)
    steps = [
        step(CO_CREATION_START, add_months(due_on, -CO_CREATION_MONTHS), BEFORE_DUE, True),
        step(PLAN_DUE, due_on, due_rule, submitted is not None),
        step(SUBMISSION, submitted or due_on, AS_SUBMITTED if submitted else EXPECTED, submitted is not None),
        step(MID_TERM, plan.start_date + (plan.end_date - plan.start_date) / 2, HALFWAY),
        step(PLAN_END, plan.end_date, PLAN_ENDS),
    ]
    if member.kind == Member.Kind.LOCAL:
        steps.append(step(LOCAL_ASSESSMENT, add_months(plan.end_date, RESULTS_MONTHS), AFTER_END))
    else:
        if submitted:
            steps.append(step(DESIGN_REVIEW, add_months(submitted, REVIEW_MONTHS), AFTER_SUBMISSION))
        steps.append(step(END_OF_TERM, add_months(plan.end_date, RESULTS_MONTHS), AFTER_END))
    return steps


def _next_plan_steps(number: int, due_on: date, rule: str) -> list[Step]:
    return [
        Step(number, CO_CREATION_START, add_months(due_on, -CO_CREATION_MONTHS), BEFORE_DUE),
        Step(number, PLAN_DUE, due_on, rule),
    ]


def member_schedule(member: Member, plans: list[ActionPlan], today: date) -> list[Step]:
    """Every step of the member's cycle: those of its plans, then those of the next plan."""
    numbers = [p.number for p in plans]  # a withdrawn plan keeps its number: the next plan comes after it
    plans = sorted(
        (p for p in plans if p.status != ActionPlan.Status.WITHDRAWN), key=lambda p: (p.start_date, p.number)
    )
    steps: list[Step] = []
    latest_end = None
    for plan in plans:
        if latest_end is None:
            due_on, rule = plan.start_date, FIRST_PLAN
        else:
            due_on, rule = latest_end + timedelta(days=1), AFTER_PREVIOUS
        steps += _plan_steps(member, plan, due_on, rule, today)
        latest_end = max(latest_end or plan.end_date, plan.end_date)
    next_number = max(numbers + [0]) + 1
    if latest_end is not None:
        steps += _next_plan_steps(next_number, latest_end + timedelta(days=1), AFTER_LATEST)
    elif member.joined_year:
        steps += _next_plan_steps(next_number, date(member.joined_year + 1, 12, 31), AFTER_JOINING)
    return steps


def contrary_to_process_on(due_on: date) -> date:
    """The day a plan still missing makes the member act contrary to process."""
    return add_months(due_on, CONTRARY_TO_PROCESS_MONTHS)
