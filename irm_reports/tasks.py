from celery import shared_task


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=4)
def render_report(self, report_id: int) -> dict:
    """Render a report's PDF. Idempotent: a version is rendered once, into one file, with one result.

    Storage and database hiccups are retried with backoff; any other error, or the last retry,
    is stored on the report as a failure for the researcher to see.
    """
    from irm_reports.services import report_release, report_render, report_render_failed
    from irm_reports.services.rendering import TRANSIENT_ERRORS

    try:
        report = report_render(report_id=report_id)
    except TRANSIENT_ERRORS as exc:
        if self.request.is_eager or self.request.retries >= self.max_retries:
            report = report_render_failed(report_id=report_id, error=f"{type(exc).__name__}: {exc}")
        else:
            report_release(report_id=report_id)
            raise self.retry(exc=exc, countdown=15 * 2**self.request.retries) from exc
    if report is None:
        return {"report": report_id, "status": "missing"}
    return {"report": report.pk, "version": report.version, "status": report.status}


@shared_task
def requeue_stale_reports() -> int:
    """Periodic: queue again the reports left queued or rendering by a lost message or a killed worker."""
    from irm_reports.services import report_requeue_stale

    return report_requeue_stale()


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=3)
def execute_import_run(self, run_id: int) -> dict:
    """Import an uploaded sheet of OGP's data. Idempotent: a run is claimed once, and importing the
    same file again changes nothing. Storage and database hiccups are retried with backoff."""
    from irm_reports.services import import_run_execute, import_run_failed, import_run_release
    from irm_reports.services.imports import TRANSIENT_ERRORS

    try:
        run = import_run_execute(run_id=run_id)
    except TRANSIENT_ERRORS as exc:
        if self.request.is_eager or self.request.retries >= self.max_retries:
            run = import_run_failed(run_id=run_id, error=f"{type(exc).__name__}: {exc}")
        else:
            import_run_release(run_id=run_id)
            raise self.retry(exc=exc, countdown=30 * 2**self.request.retries) from exc
    if run is None:
        return {"run": run_id, "status": "missing"}
    return {"run": run.pk, "status": run.status}


@shared_task
def requeue_stale_imports() -> int:
    """Periodic: queue again the imports left queued or running by a lost message or a killed worker."""
    from irm_reports.services import import_run_requeue_stale

    return import_run_requeue_stale()
