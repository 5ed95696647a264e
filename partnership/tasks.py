"""Celery tasks of the partnership app: thin wrappers over its services."""

from celery import shared_task

from common.jobs import job_retry
from partnership.home import home_content_render
from partnership.services import open_data_build_request, open_data_build_run, response_report_run


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=3)
def open_data_build_task(self, build_id: int) -> dict:
    """Build the open-data archive. Idempotent: a build is claimed once; a taken-over attempt stores nothing.
    Storage and database hiccups are retried with backoff."""
    build = open_data_build_run(build_id=build_id, retry=job_retry(self, countdown=60))
    if build is None:
        return {"build": build_id, "status": "missing"}
    return {"build": build.pk, "status": build.status, "size": build.size}


@shared_task(acks_late=True)
def open_data_scheduled_build_task() -> dict:
    """Celery beat: build the archive again (nothing new when a build is already under way)."""
    build = open_data_build_request(scheduled=True)
    return {"build": build.pk, "status": build.status}


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=4)
def response_report_render_task(self, report_id: int) -> dict:
    """Render the PDF of a consultation's reasoned-response report. Idempotent: a rendering is claimed once."""
    report = response_report_run(report_id=report_id, retry=job_retry(self, countdown=15))
    if report is None:
        return {"report": report_id, "status": "missing"}
    return {"report": report.pk, "status": report.status}


@shared_task(acks_late=True, ignore_result=True)
def home_content_refresh_task(language: str) -> dict:
    """Render the home page's content again after writes changed it (partnership.home). Idempotent."""
    return {"language": language, "size": len(home_content_render(language=language))}
