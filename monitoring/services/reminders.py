"""Reminders to points of contact: a report's answer due within a week, then overdue (one e-mail each step)."""

from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from common.site import absolute_url
from monitoring.models import MonitoringReport
from monitoring.services.notifications import send_to, wants_mail

SOON_DAYS = 7
SUBJECT = _("Reminder: a monitoring report on commitment %(number)s awaits your answer")


def _step(report: MonitoringReport, today) -> int:
    return 2 if report.response_due_on < today else 1


@transaction.atomic
def answer_reminders_send() -> int:
    """Write the reminders now due, each with its report's step, in one transaction; returns the e-mails written.
    Idempotent: a step is reminded once per report (`reminder_step`)."""
    today = timezone.localdate()
    due = (
        MonitoringReport.objects.public()
        .filter(answer__isnull=True, response_due_on__lte=today + timedelta(days=SOON_DAYS))
        .filter(Q(reminder_step=0) | Q(reminder_step=1, response_due_on__lt=today))
        .select_related("commitment__action_plan")
        .select_for_update(skip_locked=True, of=("self",))
        .order_by("response_due_on", "id")[:500]
    )
    written = 0
    for report in due:
        plan = report.commitment.action_plan
        contacts = User.objects.filter(role=User.Role.POINT_OF_CONTACT, member_id=plan.member_id).order_by("pk")
        step = _step(report, today)
        context = {
            "report": report,
            "commitment": report.commitment,
            "overdue": step == 2,
            "report_url": absolute_url(report.get_absolute_url()),
            "workspace_url": absolute_url(reverse("monitoring:workspace", kwargs={"pk": plan.pk})),
        }
        for user in wants_mail(contacts):
            send_to(user, "answer_reminder", SUBJECT, context, number=report.commitment.number)
            written += 1
        MonitoringReport.objects.filter(pk=report.pk).update(reminder_step=step)
    return written
