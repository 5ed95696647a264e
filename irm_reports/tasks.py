"""Celery tasks of the IRM app: thin wrappers over the services, each running one job by its id.

Services queue these by name (common.queue.enqueue_on_commit); the periodic re-queueing of
silent jobs is the one sweep of every kind of job (common.tasks.jobs_sweep_task).
"""

from celery import shared_task

from common.jobs import job_retry
from irm_reports.services.imports import import_run_execute
from irm_reports.services.rendering import report_rendering_run


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=4)
def report_render_task(self, rendering_id: int) -> dict:
    """Render one version of a report's PDF. Idempotent: a version is rendered once, into one file.

    Storage and database hiccups are retried with backoff; any other error, or the last retry, is
    stored as a failure for the researcher to see.
    """
    rendering = report_rendering_run(rendering_id=rendering_id, retry=job_retry(self, countdown=15))
    if rendering is None:
        return {"rendering": rendering_id, "status": "missing"}
    return {
        "rendering": rendering.pk,
        "report": rendering.report_id,
        "version": rendering.version,
        "status": rendering.status,
    }


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=3)
def import_run_task(self, run_id: int) -> dict:
    """Import an uploaded sheet of OGP's data. Idempotent: a run is claimed once, and importing the
    same file again changes nothing. Storage and database hiccups are retried with backoff."""
    run = import_run_execute(run_id=run_id, retry=job_retry(self, countdown=30))
    if run is None:
        return {"run": run_id, "status": "missing"}
    return {"run": run.pk, "status": run.status}
