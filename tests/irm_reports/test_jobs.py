"""The one mechanism of worker jobs (common.jobs), on both of its kinds: report renderings and imports."""

import subprocess
import sys
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.db import IntegrityError, OperationalError, transaction
from django.utils import timezone

from common.jobs import (
    JobLost,
    job_claim,
    job_heartbeat,
    job_kinds,
    job_queue,
    job_run,
    jobs_requeue_stale,
)
from common.queue import registered_task
from common.tasks import jobs_sweep_task
from irm_reports.models import ImportRun, Report, ReportRendering
from partnership.models import OpenDataBuild, ResponseReport
from tests.conftest import ROOT
from tests.factories.irm_reports import ReportFactory

pytestmark = pytest.mark.django_db


def _rendering() -> ReportRendering:
    report = ReportFactory()
    rendering = ReportRendering(report=report, version=report.version, language=report.language)
    job_queue(rendering)
    Report.objects.filter(pk=report.pk).update(rendering=rendering, status=Report.Status.QUEUED)
    return rendering


def _import_run() -> ImportRun:
    return ImportRun.objects.create(file=ContentFile(b"Code,Name\n", name="sheet.csv"))


@pytest.fixture(params=["rendering", "import_run"])
def job(request):
    return _rendering() if request.param == "rendering" else _import_run()


def _silent(job, minutes: int = 60) -> None:
    type(job).objects.filter(pk=job.pk).update(heartbeat_at=timezone.now() - timedelta(minutes=minutes))


def test_every_kind_names_its_task_and_its_stale_age():
    assert set(job_kinds()) == {ReportRendering, ImportRun, OpenDataBuild, ResponseReport}
    for kind in job_kinds():
        assert registered_task(kind.job_task).name == kind.job_task
        assert kind.job_stale_setting.endswith("_STALE_SECONDS")


def test_a_job_is_claimed_once(job):
    claimed = job_claim(type(job), job.pk)
    assert claimed.status == "running" and claimed.attempts == 1 and len(claimed.claim_token) == 32
    assert job_claim(type(job), job.pk) is None  # a second delivery of the message: nothing to do
    job_heartbeat(claimed)
    assert job_claim(type(job), job.pk) is None  # alive


def test_a_silent_job_is_taken_over_and_its_first_attempt_stops(job):
    first = job_claim(type(job), job.pk)
    _silent(job)
    second = job_claim(type(job), job.pk)
    assert second.attempts == 2 and second.claim_token != first.claim_token
    with pytest.raises(JobLost):
        job_heartbeat(first)
    job_heartbeat(second)


def test_the_sweep_queues_silent_jobs_of_every_kind_again(django_capture_on_commit_callbacks):
    rendering, run, fresh = _rendering(), _import_run(), _import_run()
    build = OpenDataBuild.objects.create()  # an open-data archive whose message was lost
    job_claim(ReportRendering, rendering.pk)  # its worker was killed
    for job in (rendering, run, build):
        _silent(job, minutes=40)
    with django_capture_on_commit_callbacks() as callbacks:
        assert jobs_sweep_task.delay().get() == {
            "irm_reports.ReportRendering": 1,
            "irm_reports.ImportRun": 1,
            "partnership.OpenDataBuild": 1,
            "partnership.ResponseReport": 0,
        }
    assert sorted(c.args for c in callbacks) == sorted(
        [
            (ImportRun.job_task, (run.pk,)),
            (ReportRendering.job_task, (rendering.pk,)),
            (OpenDataBuild.job_task, (build.pk,)),
        ]
    )
    rendering.refresh_from_db()
    assert rendering.status == "queued" and rendering.claim_token == "" and rendering.attempts == 1
    assert Report.objects.get(pk=rendering.report_id).status == Report.Status.QUEUED  # no longer "rendering"
    fresh.refresh_from_db()
    assert fresh.status == "queued" and jobs_requeue_stale(ImportRun) == 0  # nothing silent for too long


def test_a_failure_records_its_error_and_what_follows_the_job(job):
    def broken(claimed):
        job_heartbeat(claimed)
        raise ValueError("an unforeseen cell")

    failed = []
    finished = job_run(type(job), job.pk, broken, on_failed=failed.append)
    assert finished.status == "failed" and finished.error == "ValueError: an unforeseen cell"
    assert finished.finished_at and [f.pk for f in failed] == [job.pk]
    if isinstance(job, ReportRendering):
        report = Report.objects.get(pk=job.report_id)
        assert report.status == Report.Status.FAILED and report.error == "ValueError: an unforeseen cell"
    assert job_run(type(job), job.pk, broken).status == "failed" and len(failed) == 1  # nothing to run again


def test_a_transient_error_releases_the_job_for_the_tasks_retry(job):
    retried = []

    def retry(exc):
        retried.append(exc)
        raise RuntimeError("Retry")  # what celery's task.retry raises

    def database_down(claimed):
        raise OperationalError("the database is restarting")

    with pytest.raises(RuntimeError, match="Retry"):
        job_run(type(job), job.pk, database_down, retry=retry)
    job.refresh_from_db()
    assert job.status == "queued" and job.attempts == 1 and len(retried) == 1
    assert job_run(type(job), job.pk, database_down).status == "failed"  # no retry left: a failure to see


def test_an_attempt_taken_over_stops_without_failing_the_job(job):
    def slow(claimed):
        _silent(claimed)
        assert job_claim(type(claimed), claimed.pk) is not None  # another worker takes over
        job_heartbeat(claimed)

    assert job_run(type(job), job.pk, slow).status == "running"  # the other worker's attempt goes on


def test_a_report_has_one_rendering_per_version_and_language():
    rendering = _rendering()
    with pytest.raises(IntegrityError), transaction.atomic():
        ReportRendering.objects.create(report=rendering.report, version=rendering.version, language=rendering.language)
    ReportRendering.objects.create(report=rendering.report, version=rendering.version, language="fr")
    ReportRendering.objects.create(report=rendering.report, version=rendering.version + 1, language=rendering.language)


def test_a_finished_rendering_has_its_pdf():
    rendering = _rendering()
    with pytest.raises(IntegrityError), transaction.atomic():
        ReportRendering.objects.filter(pk=rendering.pk).update(status="done")


def test_services_never_import_tasks():
    """Services queue tasks by name; only tasks modules import services (no import cycle)."""
    code = (
        "import sys, django; django.setup(); import irm_reports.services, irm_reports.services.imports; "
        "assert 'irm_reports.tasks' not in sys.modules, 'a service imported irm_reports.tasks'"
    )
    env = {"DJANGO_SETTINGS_MODULE": "ogp_portal.settings.test", "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
