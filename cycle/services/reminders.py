"""Reminders to a member's points of contact ahead of each step of its cycle, once per step and lead time."""

from datetime import date, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from accounts.services import email_to_user
from common.site import absolute_url
from cycle.models import CycleReminder, CycleStep
from cycle.schedule import REMINDED


def _lead_time(days_left: int) -> int | None:
    """The shortest lead time reached (`CYCLE_REMINDER_DAYS`, e.g. 30 then 7 days before)."""
    reached = [days for days in settings.CYCLE_REMINDER_DAYS if days_left <= days]
    return min(reached) if reached else None


def cycle_reminders_send(*, today: date | None = None) -> int:
    """Write the reminders due today to the outbox; returns the number of e-mails written.

    A step is reminded once per lead time and date: a step whose date staff move is reminded again.
    """
    today = today or timezone.localdate()
    horizon = today + timedelta(days=max(settings.CYCLE_REMINDER_DAYS))
    steps = CycleStep.objects.filter(kind__in=REMINDED, done=False, due_on__gte=today, due_on__lte=horizon)
    contacts_by_member: dict[int, list[User]] = {}
    for user in User.objects.filter(
        role=User.Role.POINT_OF_CONTACT, is_active=True, member__cycle_steps__in=steps
    ).distinct():
        if user.email and user.notifications_enabled:
            contacts_by_member.setdefault(user.member_id, []).append(user)
    sent = 0
    for step in steps.select_related("member").order_by("due_on", "pk"):
        lead = _lead_time((step.due_on - today).days)
        if lead is not None:
            sent += _remind(step, lead, today, contacts_by_member.get(step.member_id, []))
    return sent


@transaction.atomic
def _remind(step: CycleStep, lead: int, today: date, contacts: list[User]) -> int:
    try:
        with transaction.atomic():
            reminder = CycleReminder.objects.create(step=step, due_on=step.due_on, days_before=lead)
    except IntegrityError:  # already reminded at this lead time
        return 0
    context = {
        "step": step,
        "member": step.member,
        "days_left": (step.due_on - today).days,
        "calendar_url": absolute_url(reverse("cycle:member-ics", args=[step.member.slug])),
        "member_url": absolute_url(step.member.get_absolute_url()),
        "profile_url": absolute_url(reverse("profile")),
    }
    for user in contacts:
        email_to_user(
            user=user,
            template="cycle/emails/step_reminder",
            subject=_("%(step)s: %(date)s"),
            context=context,
            subject_args={"step": CycleStep.Kind(step.kind).label, "date": step.due_on.isoformat()},
            kind="cycle.step_reminder",
            link=step.member.get_absolute_url(),
        )
    reminder.recipients = len(contacts)
    reminder.save(update_fields=["recipients"])
    return len(contacts)
