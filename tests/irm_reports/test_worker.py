"""Rendering in a real Celery worker process, on Redis and the PostgreSQL test database."""

import hashlib
import os
import signal
from datetime import timedelta

import pytest

from common.jobs import jobs_requeue_stale
from irm_reports import services
from irm_reports.models import Report, ReportRendering
from tests.conftest import start_celery_worker, stop_celery_worker, wait_for
from tests.factories import UserFactory
from tests.factories.irm_reports import complete_results_report

pytestmark = pytest.mark.integration


@pytest.fixture
def celery_worker_env():
    return {"DJANGO_SETTINGS_MODULE": "tests.irm_reports.slow_worker_settings"}


def _watch(report_id: int, seen: list):
    def ready() -> bool:
        report = Report.objects.get(pk=report_id)
        if not seen or seen[-1] != (report.status, report.progress_step):
            seen.append((report.status, report.progress_step))
        return report.status in (Report.Status.READY, Report.Status.FAILED)

    return ready


def test_a_report_goes_queued_rendering_ready_in_the_worker(celery_worker):
    researcher = UserFactory(researcher=True)
    report = complete_results_report(commitments=12, researcher=researcher)
    services.report_request_render(report=report, requested_by=researcher)
    seen = []
    assert wait_for(_watch(report.pk, seen), timeout=120, interval=0.1), celery_worker["log"].read_text()[-3000:]
    statuses = [status for status, _step in seen]
    assert statuses[0] == "queued" and "rendering" in statuses and statuses[-1] == "ready", seen
    assert ("rendering", "laying_out") in seen
    report.refresh_from_db()
    assert report.pdf.storage.exists(report.pdf.name) and report.pdf_pages >= 10


def test_killing_the_worker_mid_render_still_ends_ready_with_one_pdf(celery_worker, redis_url, tmp_path, media_root):
    """SIGKILL of the worker and its pool child while laying out pages; the periodic sweep re-queues
    the report, another worker renders it, and one file is left."""
    researcher = UserFactory(researcher=True)
    report = complete_results_report(commitments=12, researcher=researcher)
    services.report_request_render(report=report, requested_by=researcher)
    laying_out = wait_for(
        lambda: Report.objects.filter(pk=report.pk, rendering__step=Report.Step.LAYING_OUT).exists(), timeout=60
    )
    assert laying_out, celery_worker["log"].read_text()[-3000:]
    os.killpg(celery_worker["process"].pid, signal.SIGKILL)
    celery_worker["process"].wait(timeout=10)
    report.refresh_from_db()
    assert report.status == Report.Status.RENDERING

    second = start_celery_worker(redis_url, tmp_path / "second")
    try:
        # What celery beat's sweep does once the report has gone without progress for too long.
        assert jobs_requeue_stale(ReportRendering, older_than=timedelta(0)) == 1
        seen = []
        assert wait_for(_watch(report.pk, seen), timeout=120, interval=0.2), second["log"].read_text()[-3000:]
    finally:
        stop_celery_worker(second)
    report.refresh_from_db()
    assert report.status == Report.Status.READY and report.rendering.attempts == 2
    files = list((media_root / "irm_reports" / str(report.pk) / report.file_token).iterdir())
    assert len(files) == 1
    assert hashlib.sha256(files[0].read_bytes()).hexdigest() == report.pdf_sha256
