"""Imports run by Celery: claimed once, safe to run again, re-queued when a worker is lost."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.db import OperationalError
from django.utils import timezone

from commitments.models import Commitment
from common.jobs import job_claim, jobs_requeue_stale
from common.tasks import jobs_sweep_task
from irm_reports.importing import OGP_SAMPLE
from irm_reports.models import ImportRun
from irm_reports.services.imports import import_run_create
from irm_reports.tasks import import_run_task
from tests.conftest import wait_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def run(db):
    run = ImportRun(filename="sample.csv")
    run.file.save("sample.csv", ContentFile(OGP_SAMPLE.read_bytes()), save=False)
    run.save()
    return run


def test_the_task_imports_once_and_a_second_delivery_does_nothing(run):
    assert import_run_task.delay(run.pk).get() == {"run": run.pk, "status": "done"}
    run.refresh_from_db()
    assert run.attempts == 1 and run.summary["counts"]["commitments"]["created"] == 269
    assert import_run_task.delay(run.pk).get() == {"run": run.pk, "status": "done"}
    run.refresh_from_db()
    assert run.attempts == 1 and Commitment.objects.count() == 269


def test_a_run_left_by_a_killed_worker_is_queued_again_and_completes(run, django_capture_on_commit_callbacks):
    long_ago = timezone.now() - timedelta(hours=1)
    ImportRun.objects.filter(pk=run.pk).update(status=ImportRun.Status.RUNNING, heartbeat_at=long_ago, attempts=1)
    assert job_claim(ImportRun, run.pk) is not None  # silent for too long: taken over
    ImportRun.objects.filter(pk=run.pk).update(status=ImportRun.Status.RUNNING, heartbeat_at=long_ago)
    with django_capture_on_commit_callbacks(execute=True):
        swept = jobs_sweep_task.delay().get()
    assert swept["irm_reports.ImportRun"] == 1 and not any(
        n for kind, n in swept.items() if kind != "irm_reports.ImportRun"
    )
    run.refresh_from_db()
    assert run.status == ImportRun.Status.DONE and Commitment.objects.count() == 269


def test_a_running_import_with_recent_progress_is_not_taken_over(run):
    ImportRun.objects.filter(pk=run.pk).update(status=ImportRun.Status.RUNNING, heartbeat_at=timezone.now())
    assert job_claim(ImportRun, run.pk) is None
    assert jobs_requeue_stale(ImportRun) == 0


def test_an_unexpected_error_is_stored_for_the_support_unit(run, monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("an unforeseen cell")

    monkeypatch.setattr("irm_reports.importing.import_ogp_data", broken)
    import_run_task.delay(run.pk)
    run.refresh_from_db()
    assert run.status == ImportRun.Status.FAILED and run.error == "ValueError: an unforeseen cell"


def test_a_transient_error_on_the_last_try_fails_the_run(run, monkeypatch):
    def down(*args, **kwargs):
        raise OperationalError("database restarting")

    monkeypatch.setattr("irm_reports.importing.import_ogp_data", down)
    import_run_task.delay(run.pk)
    run.refresh_from_db()
    assert run.status == ImportRun.Status.FAILED and "database restarting" in run.error


@pytest.mark.integration
def test_an_uploaded_sheet_is_imported_by_a_real_worker(celery_worker, settings):
    settings.IRM_IMPORT_SYNC_MAX_BYTES = 0
    upload = ContentFile(OGP_SAMPLE.read_bytes(), name="sample.csv")
    run = import_run_create(file=upload, dry_run=False, uploaded_by=None)
    assert run.status == ImportRun.Status.QUEUED

    def finished():
        run.refresh_from_db()
        return run.status in (ImportRun.Status.DONE, ImportRun.Status.FAILED)

    assert wait_for(finished, timeout=120, interval=0.2), celery_worker["log"].read_text()[-3000:]
    assert run.status == ImportRun.Status.DONE, run.error
    assert run.rows_done == 269 and run.summary["counts"]["commitments"]["created"] == 269
    assert Commitment.objects.count() == 269
