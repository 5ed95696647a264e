"""A real worker SIGKILLed in the middle of the weekly digest: the next run sends it, once."""

import os
import signal

import pytest
from django.db import connection

from common.models import OutgoingEmail
from notifications.models import Delivery, Digest, Notification, Preference
from tests.conftest import require, start_celery_worker, stop_celery_worker, wait_for
from tests.reliability.conftest import delivered_emails, media_root, private_redis, send_tasks  # noqa: F401

pytestmark = pytest.mark.integration

WEEKLY = "notifications.tasks.notification_weekly_digests_task"


@pytest.mark.timeout(240)
def test_a_worker_killed_during_the_digest_sends_it_once(
    transactional_db,
    private_redis,  # noqa: F811
    media_root,  # noqa: F811
    tmp_path,
    notify,
):
    require(connection.vendor == "postgresql", "the worker shares the test database: needs PostgreSQL")
    from tests.factories import UserFactory

    participant = UserFactory()
    Preference.objects.create(user=participant, kind="accounts.membership_decision", email=Delivery.WEEKLY)
    for n in range(5):
        notify(participant, name=f"Organisation {n}")
    marker = tmp_path / "digest-rendering"
    first = start_celery_worker(
        private_redis.url,
        tmp_path / "first",
        {"DJANGO_SETTINGS_MODULE": "tests.notifications.slow_digest_settings", "DIGEST_MARKER": str(marker)},
    )
    workers = [first]
    try:
        send_tasks(private_redis.url, [(WEEKLY, ())])
        assert wait_for(marker.exists, timeout=60, interval=0.1), first["log"].read_text()[-3000:]
        os.killpg(first["process"].pid, signal.SIGKILL)  # in the middle of the digest's transaction
        first["process"].wait(timeout=10)
        assert not Digest.objects.exists() and not OutgoingEmail.objects.exists()

        second = start_celery_worker(private_redis.url, tmp_path / "second")
        workers.append(second)
        send_tasks(private_redis.url, [(WEEKLY, ()), (WEEKLY, ())])  # the next run, and one more

        def sent() -> bool:
            return OutgoingEmail.objects.filter(status=OutgoingEmail.Status.SENT).exists()

        assert wait_for(sent, timeout=60), second["log"].read_text()[-3000:]
        wait_for(lambda: "succeeded" in second["log"].read_text() and second["log"].read_text().count(WEEKLY) >= 4)
        assert Digest.objects.count() == 1 and OutgoingEmail.objects.count() == 1
        assert len(delivered_emails(second["outbox"])) == 1
        assert Notification.objects.filter(digest__isnull=False).count() == 5
    finally:
        for worker in workers:
            if worker["process"].poll() is None:
                stop_celery_worker(worker)
            else:
                worker["_log_file"].close()
