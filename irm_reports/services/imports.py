"""Imports of OGP's data sheet uploaded by the support unit: run at once when small, by a worker otherwise.

A run is a job (common.jobs): claimed under a short row lock, it records its progress as it
goes and is re-queued by the sweep when its worker goes silent for IRM_IMPORT_STALE_SECONDS. Running an
import twice is harmless: the second run finds everything unchanged.
"""

from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from common.jobs import job_enqueue, job_finish, job_heartbeat, job_lock_claimed, job_run
from irm_reports import importing
from irm_reports.models import ImportRun


@transaction.atomic
def import_run_create(*, file: UploadedFile, dry_run: bool, uploaded_by: User | None) -> ImportRun:
    """Store an uploaded sheet and import it: at once when it is small, in a Celery task otherwise."""
    run = ImportRun(file=file, filename=file.name[-255:], dry_run=dry_run, uploaded_by=uploaded_by)
    run.full_clean()
    max_bytes = getattr(settings, "IRM_IMPORT_MAX_BYTES", 50 * 1024 * 1024)
    if file.size > max_bytes:
        raise ValidationError({"file": _("The file is larger than %(size)s MB.") % {"size": max_bytes // 2**20}})
    run.save()
    _start(run)
    return run


@transaction.atomic
def import_run_repeat(*, run: ImportRun, dry_run: bool, uploaded_by: User | None) -> ImportRun:
    """Import the file of an earlier run again (typically for real, after a dry run)."""
    again = ImportRun(file=run.file.name, filename=run.filename, dry_run=dry_run, uploaded_by=uploaded_by)
    again.save()
    _start(again)
    return again


def _start(run: ImportRun) -> None:
    if run.file.size <= getattr(settings, "IRM_IMPORT_SYNC_MAX_BYTES", 256 * 1024):
        import_run_execute(run_id=run.pk)
        run.refresh_from_db()
    else:
        job_enqueue(run)


def import_run_execute(*, run_id: int, retry: Callable[[BaseException], None] | None = None) -> ImportRun | None:
    """Import the run's file if it waits for it; safe to call any number of times.

    Anything unforeseen is stored on the run for the support unit to see; `retry` is the task's, for
    storage and database hiccups (see job_run).
    """
    return job_run(ImportRun, run_id, _import, retry=retry)


def _import(run: ImportRun) -> None:
    with run.file.open("rb") as handle:
        summary = importing.import_ogp_data(
            handle,
            name=run.filename or run.file.name,
            dry_run=run.dry_run,
            progress=lambda done, total: job_heartbeat(run, rows_done=done, rows_total=total),
        )
    _finish(run, summary)


@transaction.atomic
def _finish(run: ImportRun, summary: importing.ImportSummary) -> None:
    locked = job_lock_claimed(run)
    if locked is None:
        return
    locked.summary = summary.as_dict()
    locked.rows_total = locked.rows_done = summary.rows_total
    job_finish(locked, error=summary.fatal, fields=["summary", "rows_total", "rows_done"])
