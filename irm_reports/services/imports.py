"""Imports of OGP's data sheet uploaded by the support unit: run at once when small, by a worker otherwise.

A run is claimed under a short row lock (queued, or running without a sign of life for
IRM_IMPORT_STALE_SECONDS) and records its progress as it goes. Running an import twice is harmless:
the second run finds everything unchanged.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import OperationalError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from common.queue import enqueue_on_commit
from irm_reports.models import ImportRun

logger = logging.getLogger(__name__)

TRANSIENT_ERRORS = (OSError, OperationalError)


def stale_after() -> timedelta:
    return timedelta(seconds=getattr(settings, "IRM_IMPORT_STALE_SECONDS", 900))


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
    from irm_reports.tasks import execute_import_run

    if run.file.size <= getattr(settings, "IRM_IMPORT_SYNC_MAX_BYTES", 256 * 1024):
        import_run_execute(run_id=run.pk)
        run.refresh_from_db()
    else:
        enqueue_on_commit(execute_import_run, run.pk)


@transaction.atomic
def import_run_claim(*, run_id: int) -> ImportRun | None:
    """Mark the run as running if it waits for it (or was abandoned by a worker); None otherwise."""
    run = ImportRun.objects.select_for_update().filter(pk=run_id).first()
    if run is None:
        return None
    now = timezone.now()
    abandoned = run.status == ImportRun.Status.RUNNING and (
        run.heartbeat_at is None or run.heartbeat_at < now - stale_after()
    )
    if run.status != ImportRun.Status.QUEUED and not abandoned:
        return None
    run.status = ImportRun.Status.RUNNING
    run.started_at = run.heartbeat_at = now
    run.finished_at = None
    run.attempts += 1
    run.rows_done = 0
    run.error = ""
    run.save(update_fields=["status", "started_at", "heartbeat_at", "finished_at", "attempts", "rows_done", "error"])
    return run


def import_run_progress(*, run_id: int, rows_done: int, rows_total: int) -> None:
    """Record how far the run is (also its sign of life)."""
    ImportRun.objects.filter(pk=run_id, status=ImportRun.Status.RUNNING).update(
        rows_done=rows_done, rows_total=rows_total, heartbeat_at=timezone.now()
    )


def import_run_execute(*, run_id: int) -> ImportRun | None:
    """Import the run's file if it waits for it; safe to call any number of times.

    Transient errors (storage, database) are raised for the task to retry; anything else is
    stored on the run for the support unit to see.
    """
    from irm_reports.importing import import_ogp_data  # late import: the importer uses these services

    run = import_run_claim(run_id=run_id)
    if run is None:
        return ImportRun.objects.filter(pk=run_id).first()
    try:
        with run.file.open("rb") as handle:
            summary = import_ogp_data(
                handle,
                name=run.filename or run.file.name,
                dry_run=run.dry_run,
                progress=lambda done, total: import_run_progress(run_id=run_id, rows_done=done, rows_total=total),
            )
    except TRANSIENT_ERRORS:
        raise
    except Exception as exc:  # a bug or a file the reader did not foresee: the support unit must see it
        logger.exception("Import run %s failed", run_id)
        return import_run_failed(run_id=run_id, error=f"{type(exc).__name__}: {exc}")
    return _finish(run_id, summary)


@transaction.atomic
def _finish(run_id: int, summary) -> ImportRun:
    run = ImportRun.objects.select_for_update().get(pk=run_id)
    run.summary = summary.as_dict()
    run.rows_total = summary.rows_total
    run.rows_done = summary.rows_total
    run.status = ImportRun.Status.FAILED if summary.fatal else ImportRun.Status.DONE
    run.error = summary.fatal
    run.finished_at = run.heartbeat_at = timezone.now()
    run.save()
    return run


@transaction.atomic
def import_run_failed(*, run_id: int, error: str) -> ImportRun | None:
    run = ImportRun.objects.select_for_update().filter(pk=run_id).first()
    if run is None or run.status not in ImportRun.IN_PROGRESS:
        return run
    run.status = ImportRun.Status.FAILED
    run.error = error[:4000]
    run.finished_at = timezone.now()
    run.save(update_fields=["status", "error", "finished_at"])
    return run


def import_run_release(*, run_id: int) -> None:
    """Put a run whose import hit a transient error back in the queue for the retry."""
    ImportRun.objects.filter(pk=run_id, status=ImportRun.Status.RUNNING).update(
        status=ImportRun.Status.QUEUED, heartbeat_at=timezone.now()
    )


def import_run_requeue_stale() -> int:
    """Queue again the runs left queued or running without progress (a lost message, a killed worker)."""
    from irm_reports.tasks import execute_import_run

    cutoff = timezone.now() - stale_after()
    silent = Q(heartbeat_at__lte=cutoff) | Q(heartbeat_at__isnull=True, created_at__lte=cutoff)
    ids = list(ImportRun.objects.filter(silent, status__in=ImportRun.IN_PROGRESS).values_list("pk", flat=True)[:50])
    requeued = 0
    for run_id in ids:
        with transaction.atomic():
            run = ImportRun.objects.select_for_update().get(pk=run_id)
            if run.status not in ImportRun.IN_PROGRESS or (run.heartbeat_at and run.heartbeat_at > cutoff):
                continue
            run.status = ImportRun.Status.QUEUED
            run.heartbeat_at = timezone.now()
            run.save(update_fields=["status", "heartbeat_at"])
            enqueue_on_commit(execute_import_run, run_id)
            requeued += 1
    return requeued
