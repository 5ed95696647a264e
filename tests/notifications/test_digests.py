"""Digests: one e-mail per person and period, sent once however often (or however badly) the task runs."""

from datetime import date, timedelta

import pytest
from django.conf import settings

from common.models import OutgoingEmail
from notifications import digests
from notifications.models import Delivery, Digest, Notification, Preference
from notifications.tasks import notification_weekly_digests_task
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

KIND = "accounts.membership_decision"


@pytest.fixture
def weekly(participant):
    participant.language = "es"
    participant.save()
    Preference.objects.create(user=participant, kind=KIND, email=Delivery.WEEKLY)
    return participant


def _week_of(weekly, notify, count=5):
    for n in range(count):
        assert notify(weekly, name=f"Organisation {n}") is None  # nothing e-mailed at once
    return list(Notification.objects.filter(recipient=weekly))


def test_a_week_of_five_notifications_is_one_email_in_the_persons_language(
    weekly, notify, mailoutbox, django_capture_on_commit_callbacks
):
    listed = _week_of(weekly, notify)
    with django_capture_on_commit_callbacks(execute=True):
        assert notification_weekly_digests_task() == 1
    email = OutgoingEmail.objects.get()
    assert email.to == [weekly.email] and email.subject.startswith(settings.ACCOUNT_EMAIL_SUBJECT_PREFIX)
    assert "5" in email.subject and "Hola" in email.body_text  # Spanish
    for notification in listed:
        assert notification.title in email.body_text
        assert f"{settings.SITE_URL}/notifications/{notification.pk}/" in email.body_text  # absolute links
        assert f'href="{settings.SITE_URL}/notifications/{notification.pk}/"' in email.body_html
    assert f"{settings.SITE_URL}/profile/notifications/" in email.body_text
    assert [m.to for m in mailoutbox] == [[weekly.email]]  # delivered by the outbox after commit
    # still listed in the portal, unread
    assert Notification.objects.filter(recipient=weekly, read_at__isnull=True).count() == 5
    digest = Digest.objects.get()
    assert digest.notification_count == 5 and digest.outgoing_email == email


def test_running_the_task_twice_sends_one(weekly, notify):
    _week_of(weekly, notify)
    assert notification_weekly_digests_task() == 1
    assert notification_weekly_digests_task() == 0
    assert OutgoingEmail.objects.count() == 1 and Digest.objects.count() == 1


def test_a_crash_before_the_commit_leaves_nothing_and_the_next_run_sends_one(weekly, notify, monkeypatch):
    _week_of(weekly, notify)
    real = digests.email_enqueue

    def dies(**kwargs):
        raise SystemExit("worker killed while writing the digest")

    monkeypatch.setattr(digests, "email_enqueue", dies)
    with pytest.raises(SystemExit):
        notification_weekly_digests_task()
    assert not Digest.objects.exists() and not OutgoingEmail.objects.exists()
    assert not Notification.objects.filter(digest__isnull=False).exists()
    monkeypatch.setattr(digests, "email_enqueue", real)
    assert notification_weekly_digests_task() == 1
    assert notification_weekly_digests_task() == 0
    assert OutgoingEmail.objects.count() == 1


def test_a_crash_after_one_person_sends_the_others_once(weekly, notify, monkeypatch):
    other = UserFactory()
    Preference.objects.create(user=other, kind=KIND, email=Delivery.WEEKLY)
    _week_of(weekly, notify, count=2)
    notify(other)
    real, calls = digests.digest_send, []

    def first_then_die(**kwargs):
        if calls:
            raise SystemExit("worker killed between two people")
        calls.append(kwargs)
        return real(**kwargs)

    monkeypatch.setattr(digests, "digest_send", first_then_die)
    with pytest.raises(SystemExit):
        digests.digests_send(period="weekly")
    monkeypatch.setattr(digests, "digest_send", real)
    assert digests.digests_send(period="weekly") == 1
    assert sorted(OutgoingEmail.objects.values_list("to", flat=True)) == sorted([[weekly.email], [other.email]])


def test_a_new_week_gets_a_new_digest_of_what_came_since(weekly, notify):
    monday = date(2026, 11, 30)
    _week_of(weekly, notify, count=2)
    assert digests.digests_send(period="weekly", today=monday + timedelta(days=2)) == 1
    notify(weekly, name="Late news")
    assert digests.digests_send(period="weekly", today=monday + timedelta(days=3)) == 0  # this week's is sent
    assert digests.digests_send(period="weekly", today=monday + timedelta(days=7)) == 1
    second = Digest.objects.order_by("created_at").last()
    assert second.period_start == monday + timedelta(days=7) and second.notification_count == 1
    assert "Late news" in second.outgoing_email.body_text


def test_daily_and_weekly_are_apart_and_immediate_ones_are_in_no_digest(weekly, notify):
    Preference.objects.create(user=weekly, kind="accounts.membership_request", email=Delivery.DAILY)
    notify(weekly)
    notify(weekly, kind="accounts.membership_request", name="Daily news")
    notify(weekly, kind="consultations.proposal_response", name="At once")
    assert OutgoingEmail.objects.count() == 1  # the immediate one
    assert digests.digests_send(period="daily") == 1
    assert "Daily news" in OutgoingEmail.objects.latest("pk").body_text
    assert digests.digests_send(period="weekly") == 1
    assert Notification.objects.filter(email=Delivery.IMMEDIATELY, digest__isnull=True).count() == 1


def test_turning_emails_off_before_the_digest_sends_none(weekly, notify):
    _week_of(weekly, notify, count=2)
    weekly.notifications_enabled = False
    weekly.save()
    assert digests.digests_send(period="weekly") == 0
    assert not OutgoingEmail.objects.exists()
    assert set(Notification.objects.values_list("email", flat=True)) == {Delivery.OFF}


def test_the_beat_schedules_both_digests():
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert {
        "notifications.tasks.notification_daily_digests_task",
        "notifications.tasks.notification_weekly_digests_task",
    } <= tasks
