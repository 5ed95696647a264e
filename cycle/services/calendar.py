"""Writes of the cycle calendar: computed rows from the rules, corrections by staff."""

from collections import defaultdict
from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from commitments.models import ActionPlan, Member
from common.cache import bump_content_version
from common.db import set_fields
from cycle.models import CycleStep
from cycle.schedule import member_schedule


def _differences(member: Member, plans: list, rows: list[CycleStep], today: date) -> tuple[list, list]:
    """What the rules give that the stored rows do not say: (rows to save with their new values, rows to delete).

    A row staff corrected keeps its date and done mark; only what the rules computed moves on it.
    """
    computed = {(s.plan_number, s.kind): s for s in member_schedule(member, plans, today)}
    stored = {(row.plan_number, row.kind): row for row in rows}
    to_delete = [row for key, row in stored.items() if key not in computed and not row.corrected]
    to_save = []
    for key, step in computed.items():
        row = stored.get(key) or CycleStep(member=member, plan_number=step.plan_number, kind=step.kind)
        fields = {"computed_on": step.due_on, "rule": step.rule, "action_plan_id": step.action_plan_id}
        if not row.corrected:
            fields.update(due_on=step.due_on, done=step.done)
        if row.pk is None or any(getattr(row, name) != value for name, value in fields.items()):
            to_save.append((row, fields))
    return to_save, to_delete


@transaction.atomic
def member_cycle_refresh(*, member: Member, today: date | None = None) -> int:
    """Compute the member's cycle again and store it: new steps are added, computed ones moved, steps the
    rules no longer give removed; a step staff corrected keeps its date, done mark and note.

    Returns the number of rows written or removed.
    """
    today = today or timezone.localdate()
    Member.objects.select_for_update().filter(pk=member.pk).first()  # one refresh of a member at a time
    plans = list(member.action_plans.all())
    to_save, to_delete = _differences(member, plans, list(CycleStep.objects.filter(member=member)), today)
    for row in to_delete:
        row.delete()
    for row, fields in to_save:
        set_fields(row, **fields)
        if row.pk is not None:
            row.save()
    bulk_create_with_history([row for row, _fields in to_save if row.pk is None], CycleStep)
    if to_save or to_delete:
        bump_content_version()
    return len(to_save) + len(to_delete)


def cycle_refresh_all(*, today: date | None = None) -> int:
    """Every member's cycle (the beat task, the demo): read in three queries; members computed for the first
    time are written together, the others whose calendar changed each in their own transaction."""
    today = today or timezone.localdate()
    plans, rows = defaultdict(list), defaultdict(list)
    for plan in ActionPlan.objects.order_by("pk"):
        plans[plan.member_id].append(plan)
    for row in CycleStep.objects.order_by("pk"):
        rows[row.member_id].append(row)
    changes, first_time = 0, {}
    for member in Member.objects.order_by("pk"):
        to_save, to_delete = _differences(member, plans[member.pk], rows[member.pk], today)
        if to_save and not rows[member.pk]:
            for row, fields in to_save:
                set_fields(row, **fields)
            first_time[member] = [row for row, _fields in to_save]
        elif to_save or to_delete:
            changes += member_cycle_refresh(member=member, today=today)
    return changes + _create_first_calendars(first_time, today)


def _create_first_calendars(first_time: dict, today: date) -> int:
    try:
        with transaction.atomic():
            created = bulk_create_with_history([row for new in first_time.values() for row in new], CycleStep)
    except IntegrityError:  # a plan's change computed some of them meanwhile: one member at a time
        return sum(member_cycle_refresh(member=member, today=today) for member in first_time)
    if created:
        bump_content_version()
    return len(created)


@transaction.atomic
def cycle_step_correct(*, step: CycleStep, due_on: date, done: bool, note: str = "") -> CycleStep:
    """Staff's correction of one step: kept over later recomputations until `corrected` is unticked."""
    step = CycleStep.objects.select_for_update().get(pk=step.pk)
    set_fields(step, due_on=due_on, done=done, note=note, corrected=True)
    step.full_clean()
    step.save()
    bump_content_version()
    return step
