"""Every kind of pending work is found again by a periodic sweep over the database."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from consultations.models import ProposalResponse
from consultations.services import response_notify_sweep
from ogp_portal.celery import app
from tests.factories.consultations import ResponseFactory

pytestmark = pytest.mark.django_db


def test_the_beat_schedule_sweeps_outbox_jobs_and_response_notifications():
    """Worker jobs of every kind (report renderings, imports) are swept by one task."""
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert {
        "common.tasks.email_outbox_sweep_task",
        "common.jobs.jobs_sweep_task",
        "consultations.tasks.response_notify_sweep_task",
    } <= tasks
    assert not {task for task in tasks if task.startswith("irm_reports.")}
    app.loader.import_default_modules()
    assert tasks <= set(app.tasks)


def _published(minutes_ago: float, *, notified: bool = False) -> ProposalResponse:
    response = ResponseFactory()
    published_at = timezone.now() - timedelta(minutes=minutes_ago)
    ProposalResponse.objects.filter(pk=response.pk).update(
        published_at=published_at, notified_at=published_at if notified else None
    )
    return response


def test_a_response_whose_notification_was_lost_is_notified_by_the_sweep(
    mailoutbox, django_capture_on_commit_callbacks
):
    """Left alone: responses just published (their task may still run), already notified, or too old."""
    lost = _published(10)
    _published(1)
    _published(10, notified=True)
    _published(60 * 24 * (settings.CONSULTATION_NOTIFY_SWEEP_HORIZON_DAYS + 1))
    with django_capture_on_commit_callbacks(execute=True):
        assert response_notify_sweep() == 1
    lost.refresh_from_db()
    assert lost.notified_at is not None
    assert [message.to for message in mailoutbox] == [[lost.proposal.author.email]]
    assert response_notify_sweep() == 0
