"""Reminders of the answers due: once within a week of the deadline, once when overdue, none once answered."""

from datetime import timedelta

import pytest
from django.utils import timezone

from common.models import OutgoingEmail
from monitoring.tasks import answer_reminders_task
from tests.factories.monitoring import MonitoringReportFactory, ReportAnswerFactory

pytestmark = pytest.mark.django_db


def test_each_step_is_reminded_once(commitment, point_of_contact):
    today = timezone.localdate()
    soon = MonitoringReportFactory(commitment=commitment, response_due_on=today + timedelta(days=3))
    MonitoringReportFactory(commitment=commitment, response_due_on=today + timedelta(days=20))  # not yet
    answered = MonitoringReportFactory(commitment=commitment, response_due_on=today - timedelta(days=1))
    ReportAnswerFactory(report=answered)
    assert answer_reminders_task() == 1
    assert answer_reminders_task() == 0
    subject = OutgoingEmail.objects.get().subject
    assert f"commitment {commitment.number} awaits your answer" in subject
    type(soon).objects.filter(pk=soon.pk).update(response_due_on=today - timedelta(days=1))
    assert answer_reminders_task() == 1
    assert "was due on" in OutgoingEmail.objects.order_by("-pk").first().body_text
    assert answer_reminders_task() == 0
    assert point_of_contact.email in OutgoingEmail.objects.first().to
