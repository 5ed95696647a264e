"""The worker SIGKILLed while rendering, then Redis restarted with 100 tasks queued (and lost, as
Redis keeps nothing on disk): the sweeps find the work in the database again; every report ends
ready after one complete render and every e-mail is sent once."""

import os
import signal
import time
from collections import Counter

import pytest
import redis
from django.db import connection

from common.models import OutgoingEmail
from irm_reports import services
from irm_reports.models import Report
from tests.conftest import require, start_celery_worker, stop_celery_worker, wait_for
from tests.factories import UserFactory
from tests.factories.irm_reports import complete_results_report
from tests.reliability.conftest import delivered_emails, run_beat_once, send_tasks, text_of

pytestmark = pytest.mark.integration

REPORTS = 20
EMAILS = 80  # REPORTS + EMAILS tasks are queued
SENT_BEFORE_THE_KILL = 10  # e-mails queued ahead of the renders, sent before the worker dies
STALE_SECONDS = 20  # a render without a sign of life for this long is taken over


@pytest.mark.timeout(240)
def test_killed_worker_and_restarted_redis_still_render_each_report_once_and_send_each_email_once(
    transactional_db, private_redis, media_root, tmp_path
):
    require(connection.vendor == "postgresql", "the worker shares the test database: needs PostgreSQL")
    reports, queue = _queued_work()

    # A worker whose page layout is slowed down, so that it is killed in the middle of a render.
    first = start_celery_worker(
        private_redis.url,
        tmp_path / "first",
        {"DJANGO_SETTINGS_MODULE": "tests.irm_reports.slow_worker_settings"},
    )
    workers = [first]
    try:
        send_tasks(private_redis.url, queue)
        rendering = Report.objects.filter(status=Report.Status.RENDERING, rendering__step=Report.Step.LAYING_OUT)
        laying_out = wait_for(rendering.exists, timeout=60, interval=0.1)
        assert laying_out, first["log"].read_text()[-3000:]
        os.killpg(first["process"].pid, signal.SIGKILL)
        first["process"].wait(timeout=10)
        killed = Report.objects.get(status=Report.Status.RENDERING)
        assert OutgoingEmail.objects.filter(status=OutgoingEmail.Status.SENT).count() == SENT_BEFORE_THE_KILL

        broker = redis.Redis.from_url(private_redis.url)
        # All but the e-mails sent and the killed render (and at most one message the worker reserved).
        assert broker.llen("celery") >= len(queue) - SENT_BEFORE_THE_KILL - 2
        broker.close()
        private_redis.stop()
        private_redis.start()  # empty: the queued messages and the unacknowledged one are gone

        env = {"IRM_RENDER_STALE_SECONDS": str(STALE_SECONDS), "EMAIL_OUTBOX_SWEEP_SECONDS": "0"}
        workers.append(start_celery_worker(private_redis.url, tmp_path / "second", env, concurrency=2))

        def done() -> bool:
            return (
                Report.objects.filter(status=Report.Status.READY).count() == REPORTS
                and not OutgoingEmail.objects.exclude(status=OutgoingEmail.Status.SENT).exists()
            )

        # Celery beat: every periodic task, every few seconds, until nothing is left.
        deadline = time.monotonic() + 150
        while not done() and time.monotonic() < deadline:
            run_beat_once(private_redis.url)
            wait_for(done, timeout=5, interval=0.5)
        assert done(), workers[-1]["log"].read_text()[-4000:]
        run_beat_once(private_redis.url)  # nothing left to do: nothing is done twice
        time.sleep(2)
    finally:
        for worker in workers:
            if worker["process"].poll() is None:
                stop_celery_worker(worker)
            else:
                worker["_log_file"].close()

    _assert_each_report_rendered_once(killed, media_root)
    _assert_each_email_sent_once(reports, workers)


def _queued_work() -> tuple[list[Report], list[tuple[str, tuple]]]:
    """REPORTS renderings asked for and EMAILS outbox e-mails, and the 100 task messages for them."""
    researcher = UserFactory(researcher=True)
    reports = [complete_results_report(commitments=1, researcher=researcher) for _ in range(REPORTS)]
    renderings = [
        services.report_request_render(report=report, requested_by=researcher, enqueue=False).rendering_id
        for report in reports
    ]
    emails = [
        OutgoingEmail.objects.create(to=[f"reader{n}@example.org"], subject=f"Notice {n}", body_text=f"Notice {n}.")
        for n in range(EMAILS)
    ]
    render = "irm_reports.tasks.report_render_task"
    send = "common.tasks.email_send_task"
    queue = [(send, (email.pk,)) for email in emails[:SENT_BEFORE_THE_KILL]]
    queue += [(render, (rendering_id,)) for rendering_id in renderings]
    queue += [(send, (email.pk,)) for email in emails[SENT_BEFORE_THE_KILL:]]
    assert len(queue) == 100
    return reports, queue


def _assert_each_report_rendered_once(killed: Report, media_root) -> None:
    attempts = dict(Report.objects.values_list("pk", "rendering__attempts"))
    assert attempts.pop(killed.pk) == 2  # the killed render, then the complete one
    assert set(attempts.values()) == {1}
    for report in Report.objects.all():
        files = list((media_root / "irm_reports" / str(report.pk) / report.file_token).iterdir())
        assert [path.name for path in files] == [report.pdf.name.rsplit("/", 1)[-1]]


def _assert_each_email_sent_once(reports: list[Report], workers: list[dict]) -> None:
    messages = [m for worker in workers for m in delivered_emails(worker["outbox"])]
    notices = Counter(m["Subject"] for m in messages if m["Subject"].startswith("Notice "))
    assert notices == Counter(f"Notice {n}" for n in range(EMAILS))
    ready = Counter(report.pk for report in reports for m in messages if report.get_absolute_url() in text_of(m))
    assert ready == Counter(report.pk for report in reports)
    assert len(messages) == EMAILS + REPORTS
