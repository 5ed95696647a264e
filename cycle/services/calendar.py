"""Writes of the cycle calendar: computed rows from the rules, corrections by staff."""

from datetime import date

from django.db import transaction
from django.utils import timezone

from commitments.models import Member
from common.cache import bump_content_version
from common.db import set_fields
from cycle.models import CycleStep
from cycle.schedule import member_schedule


@transaction.atomic
def member_cycle_refresh(*, member: Member, today: date | None = None) -> int:
    """Compute the member's cycle again and store it: new steps are added, computed ones moved, steps the
    rules no longer give removed; a step staff corrected keeps its date, done mark and note.

    Returns the number of rows written or removed.
    """
    today = today or timezone.localdate()
    Member.objects.select_for_update().filter(pk=member.pk).first()  # one refresh of a member at a time
    computed = {(s.plan_number, s.kind): s for s in member_schedule(member, list(member.action_plans.all()), today)}
    stored = {(row.plan_number, row.kind): row for row in CycleStep.objects.filter(member=member)}
    changes = 0
    for key, row in stored.items():
        if key not in computed and not row.corrected:
            row.delete()
            changes += 1
    for key, step in computed.items():
        row = stored.get(key) or CycleStep(member=member, plan_number=step.plan_number, kind=step.kind)
        fields = {"computed_on": step.due_on, "rule": step.rule, "action_plan_id": step.action_plan_id}
        if not row.corrected:
            fields.update(due_on=step.due_on, done=step.done)
        if row.pk is None or any(getattr(row, name) != value for name, value in fields.items()):
            set_fields(row, **fields)
            row.save()
            changes += 1
    if changes:
        bump_content_version()
    return changes


def cycle_refresh_all(*, today: date | None = None) -> int:
    """Every member's cycle (the daily beat task and `manage.py cycle_refresh`)."""
    return sum(member_cycle_refresh(member=member, today=today) for member in Member.objects.order_by("pk"))


@transaction.atomic
def cycle_step_correct(*, step: CycleStep, due_on: date, done: bool, note: str = "") -> CycleStep:
    """Staff's correction of one step: kept over later recomputations until `corrected` is unticked."""
    step = CycleStep.objects.select_for_update().get(pk=step.pk)
    set_fields(step, due_on=due_on, done=done, note=note, corrected=True)
    step.full_clean()
    step.save()
    bump_content_version()
    return step
