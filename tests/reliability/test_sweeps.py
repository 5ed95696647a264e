"""Every kind of pending work is found again by a periodic sweep over the database."""

from datetime import timedelta
from unittest import mock

import pytest
from django.conf import settings
from django.utils import timezone

from common.models import OutgoingEmail
from common.outbox import EMAIL_SEND_TASK, email_outbox_sweep
from common.tasks import email_outbox_sweep_task, email_send_task
from consultations import services
from ogp_portal.celery import app
from tests.factories.consultations import ProposalFactory

pytestmark = pytest.mark.django_db


def test_the_beat_schedule_sweeps_the_outbox_and_every_kind_of_job():
    """Worker jobs of every kind (report renderings, imports) are swept by one task, e-mails by another."""
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert {
        "common.tasks.email_outbox_sweep_task",
        "common.tasks.jobs_sweep_task",
    } <= tasks
    assert not {task for task in tasks if task.startswith("irm_reports.")}
    app.loader.import_default_modules()
    assert tasks <= set(app.tasks)


def test_the_outbox_is_the_only_email_sweep():
    """E-mails have one queue and one sweep: no task of their own for consultations' notifications. The
    digests are built by their own tasks, which write each digest to the outbox like any other e-mail."""
    app.loader.import_default_modules()
    email_tasks = {name for name in app.tasks if "notif" in name or "email" in name}
    digests = {
        "notifications.tasks.notification_daily_digests_task",
        "notifications.tasks.notification_weekly_digests_task",
    }
    # Periodic checks that find news to tell (overdue milestones) write their e-mails to the outbox too.
    finders = {"commitments.tasks.overdue_milestones_notify_task"}
    assert email_tasks == {email_send_task.name, email_outbox_sweep_task.name, *digests, *finders}
    assert email_send_task.name == EMAIL_SEND_TASK  # the name the services queue it by
    assert not any(name.startswith("CONSULTATION_NOTIFY") for name in dir(settings))


def test_a_response_email_whose_message_was_lost_is_sent_by_the_outbox_sweep(
    mailoutbox, django_capture_on_commit_callbacks
):
    """The broker refused the message: the publication still succeeds and the outbox sweep sends the
    e-mail once; an e-mail just written (its message may still be on its way) is left alone."""
    proposal = ProposalFactory()
    broker_down = mock.patch.object(email_send_task, "delay", side_effect=ConnectionError("broker down"))
    with broker_down, django_capture_on_commit_callbacks(execute=True):
        services.response_save(proposal=proposal, outcome="not_accepted", reasons="Out of scope.", publish=True)
    lost = OutgoingEmail.objects.get()
    assert lost.status == OutgoingEmail.Status.PENDING and not mailoutbox
    assert email_outbox_sweep() == 0  # written just now
    OutgoingEmail.objects.filter(pk=lost.pk).update(created_at=timezone.now() - timedelta(minutes=10))
    assert email_outbox_sweep() == 1
    assert [message.to for message in mailoutbox] == [[proposal.author.email]]
    assert email_outbox_sweep() == 0
