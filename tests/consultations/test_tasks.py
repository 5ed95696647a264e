"""Notification e-mails: the response to authors and followers, reminders to points of contact."""

from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from common.models import OutgoingEmail
from consultations import services
from consultations.models import ResponseReminder
from consultations.tasks import response_reminders_task
from tests.conftest import wait_for
from tests.factories import UserFactory
from tests.factories.consultations import ConsultationFactory, ProposalFactory, ResponseFactory

pytestmark = pytest.mark.django_db


def test_a_response_is_emailed_once_however_often_it_is_saved_again(
    proposal, author, mailoutbox, django_capture_on_commit_callbacks
):
    """The first publication writes the e-mails; a correction, or publishing it again, writes none."""
    with django_capture_on_commit_callbacks(execute=True):
        response = services.response_save(proposal=proposal, outcome="accepted", reasons="Yes.", publish=True)
        services.response_save(proposal=proposal, outcome="accepted", reasons="Yes, in 2027.", publish=True)
        services.response_publish(response=response)
    assert [m.to for m in mailoutbox] == [[author.email]] and OutgoingEmail.objects.count() == 1
    assert proposal.title in mailoutbox[0].subject and proposal.get_absolute_url() in mailoutbox[0].body


def test_users_who_turned_notifications_off_get_nothing(
    proposal, author, mailoutbox, django_capture_on_commit_callbacks
):
    author.notifications_enabled = False
    author.save()
    quiet_follower, keen_follower = UserFactory(notifications_enabled=False), UserFactory()
    for user in (quiet_follower, keen_follower, keen_follower):
        services.proposal_follow(proposal=proposal, user=user)
    with django_capture_on_commit_callbacks(execute=True):
        services.response_save(proposal=proposal, outcome="accepted", reasons="Yes.", publish=True)
    assert [m.to for m in mailoutbox] == [[keen_follower.email]]


def test_a_draft_response_notifies_nobody(proposal, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.response_save(proposal=proposal, outcome="accepted", reasons="Yes.")
    assert not mailoutbox and not OutgoingEmail.objects.exists()


def _closed_with_deadline_in(plan, days: int):
    consultation = ConsultationFactory(action_plan=plan, closed=True)
    consultation.response_due_on = timezone.localdate() + timedelta(days=days)
    consultation.save()
    return consultation


@pytest.mark.parametrize(("days_left", "step"), [(10, None), (7, 7), (5, 7), (2, 2), (1, 2), (0, 0), (-20, 0)])
def test_reminders_follow_the_deadline_steps(
    plan, point_of_contact, mailoutbox, days_left, step, django_capture_on_commit_callbacks
):
    consultation = _closed_with_deadline_in(plan, days_left)
    ProposalFactory(consultation=consultation)
    with django_capture_on_commit_callbacks(execute=True):
        sent = response_reminders_task.delay().get()
    if step is None:
        assert sent == 0 and not mailoutbox
        return
    assert sent == 1 and mailoutbox[0].to == [point_of_contact.email]
    assert "1 proposal still has no published response" in mailoutbox[0].body
    assert ResponseReminder.objects.get().days_before == step


def test_each_step_is_reminded_once(plan, point_of_contact, mailoutbox, django_capture_on_commit_callbacks):
    consultation = _closed_with_deadline_in(plan, 6)
    ProposalFactory(consultation=consultation)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.response_reminders_send() == 1
        assert services.response_reminders_send() == 0
        assert services.response_reminders_send(today=timezone.localdate() + timedelta(days=5)) == 1
    assert len(mailoutbox) == 2


def test_no_reminder_when_everything_is_answered_or_still_open(plan, point_of_contact, mailoutbox):
    answered = _closed_with_deadline_in(plan, 1)
    ResponseFactory(proposal=ProposalFactory(consultation=answered))
    still_open = ConsultationFactory(action_plan=plan)
    still_open.response_due_on = timezone.localdate(still_open.closes_at)
    still_open.save()
    ProposalFactory(consultation=still_open)
    assert services.response_reminders_send(today=timezone.localdate(still_open.closes_at)) == 0
    assert not mailoutbox


def test_the_reminder_task_is_scheduled(settings):
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "consultations.tasks.response_reminders_task" in tasks


@pytest.mark.integration
def test_a_real_worker_sends_the_response_email_after_commit(celery_worker):
    """Through Redis and a worker process: the response is committed, the author's e-mail goes out once."""
    proposal = ProposalFactory()
    with transaction.atomic():
        services.response_save(proposal=proposal, outcome="not_accepted", reasons="Out of scope.", publish=True)
    sent = wait_for(
        lambda: OutgoingEmail.objects.filter(to=[proposal.author.email], status=OutgoingEmail.Status.SENT).exists(),
        timeout=30,
    )
    assert sent, celery_worker["log"].read_text()[-3000:]
    assert OutgoingEmail.objects.count() == 1
    files = wait_for(lambda: list(celery_worker["outbox"].iterdir()), timeout=10)
    assert len(files) == 1 and "Out of scope." in files[0].read_text()
