"""Rendering a report's PDF in a worker: claim under a short lock, render without it, store once.

A version is rendered once: the claim only takes a queued report (or one whose worker stopped
giving signs of life), the PDF goes to a file name fixed by report, version and language, and
the result is stored only while the report is still rendering that version.
"""

import hashlib
import logging
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import OperationalError, transaction
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from common.outbox import email_enqueue
from common.queue import enqueue_on_commit
from common.site import absolute_url, email_render
from irm_reports.models import Report
from irm_reports.services.reports import lock_report

logger = logging.getLogger(__name__)

# Errors worth another try later: storage and database hiccups.
TRANSIENT_ERRORS = (OSError, OperationalError)


def stale_after() -> timedelta:
    """How long a queued or rendering report may stay without progress before it is taken over."""
    return timedelta(seconds=getattr(settings, "IRM_RENDER_STALE_SECONDS", 600))


def report_pdf_name(report: Report) -> str:
    """The file of a report's current version: the same name every time this version is rendered,
    in the report's folder named by its random token (see Report.file_token)."""
    plan = report.action_plan
    slug = slugify(f"{plan.member.name}-{plan.start_date.year}-{plan.end_date.year}")[:80]
    name = f"{slug}-{report.report_type}-v{report.version}-{report.language}.pdf"
    return f"irm_reports/{report.pk}/{report.file_token}/{name}"


@transaction.atomic
def report_claim(*, report_id: int) -> Report | None:
    """Mark the report as rendering if it waits for it; None when there is nothing to do."""
    report = Report.objects.select_for_update().filter(pk=report_id).first()
    if report is None:
        return None
    now = timezone.now()
    abandoned = report.status == Report.Status.RENDERING and (
        report.heartbeat_at is None or report.heartbeat_at < now - stale_after()
    )
    if report.status != Report.Status.QUEUED and not abandoned:
        return None
    report.status = Report.Status.RENDERING
    report.progress_step = Report.Step.COLLECTING
    report.render_started_at = report.heartbeat_at = now
    report.render_finished_at = None
    report.render_attempts += 1
    report.error = ""
    report.save(
        update_fields=[
            "status",
            "progress_step",
            "render_started_at",
            "heartbeat_at",
            "render_finished_at",
            "render_attempts",
            "error",
        ]
    )
    return Report.objects.select_related("action_plan__member").get(pk=report_id)


def report_progress(*, report_id: int, step: str) -> None:
    """Record the step the rendering is at (also the worker's sign of life)."""
    Report.objects.filter(pk=report_id, status=Report.Status.RENDERING).update(
        progress_step=step, heartbeat_at=timezone.now()
    )


@transaction.atomic
def report_store_pdf(*, report_id: int, version: int, pdf: bytes, pages: int) -> Report:
    """Store the PDF of `version` and mark the report ready; a late duplicate changes nothing."""
    report = lock_report(report_id)
    if report.status != Report.Status.RENDERING or report.version != version:
        return report
    name = report_pdf_name(report)
    storage = report.pdf.storage
    if storage.exists(name):  # a render of this version that died after writing: replace it
        storage.delete(name)
    report.pdf.name = storage.save(name, ContentFile(pdf))
    report.pdf_sha256 = hashlib.sha256(pdf).hexdigest()
    report.pdf_size = len(pdf)
    report.pdf_pages = pages
    report.rendered_version = version
    report.status = Report.Status.READY
    report.progress_step = Report.Step.NONE
    report.render_finished_at = report.heartbeat_at = timezone.now()
    report.save()
    _notify(report, "report_ready", _("The PDF of your IRM report is ready"))
    return report


@transaction.atomic
def report_render_failed(*, report_id: int, error: str) -> Report | None:
    """Store why rendering failed; the researcher sees it and can ask again."""
    report = Report.objects.select_for_update().select_related("action_plan__member").filter(pk=report_id).first()
    if report is None or report.status not in Report.IN_PROGRESS:
        return report
    report.status = Report.Status.FAILED
    report.error = error[:4000]
    report.progress_step = Report.Step.NONE
    report.render_finished_at = timezone.now()
    report.save(update_fields=["status", "error", "progress_step", "render_finished_at", "updated_at"])
    _notify(report, "report_failed", _("Your IRM report could not be rendered"))
    return report


@transaction.atomic
def report_release(*, report_id: int) -> None:
    """Put a report whose rendering hit a transient error back in the queue for the retry."""
    Report.objects.filter(pk=report_id, status=Report.Status.RENDERING).update(
        status=Report.Status.QUEUED, progress_step=Report.Step.NONE, heartbeat_at=timezone.now()
    )


def report_render(*, report_id: int) -> Report | None:
    """Render the report's PDF if it is waiting for it (safe to call any number of times).

    Transient errors are raised for the task to retry; any other failure is stored on the report.
    """
    from irm_reports.pdf import render_report

    report = report_claim(report_id=report_id)
    if report is None:
        return Report.objects.filter(pk=report_id).first()
    try:
        rendered = render_report(
            report, report.language, on_step=lambda step: report_progress(report_id=report_id, step=step)
        )
        report_progress(report_id=report_id, step=Report.Step.STORING)
        return report_store_pdf(report_id=report_id, version=report.version, pdf=rendered.pdf, pages=rendered.pages)
    except TRANSIENT_ERRORS:
        raise
    except Exception as exc:  # any bug or bad data: the researcher must see it rather than wait forever
        logger.exception("Report %s could not be rendered", report_id)
        return report_render_failed(report_id=report_id, error=f"{type(exc).__name__}: {exc}")


def report_requeue_stale(*, older_than_seconds: float | None = None) -> int:
    """Queue again the reports left queued or rendering without progress (broker lost, worker killed)."""
    from irm_reports.tasks import render_report

    age = timedelta(seconds=older_than_seconds) if older_than_seconds is not None else stale_after()
    cutoff = timezone.now() - age
    ids = list(
        Report.objects.filter(status__in=Report.IN_PROGRESS, heartbeat_at__lte=cutoff).values_list("pk", flat=True)[
            :200
        ]
    )
    requeued = 0
    for report_id in ids:
        with transaction.atomic():
            report = Report.objects.select_for_update().get(pk=report_id)
            if report.status not in Report.IN_PROGRESS or (report.heartbeat_at and report.heartbeat_at > cutoff):
                continue
            report.status = Report.Status.QUEUED
            report.progress_step = Report.Step.NONE
            report.heartbeat_at = timezone.now()
            report.save(update_fields=["status", "progress_step", "heartbeat_at"])
            enqueue_on_commit(render_report, report_id)
            requeued += 1
    return requeued


def _notify(report: Report, event: str, subject: str) -> None:
    """E-mail the researcher who asked for the render (through the outbox), if they want e-mails."""
    user = report.requested_by
    if user is None or not user.notifications_enabled or not user.email:
        return
    with translation.override(user.language or report.language):
        context = {"report": report, "user": user, "url": absolute_url(report.get_absolute_url())}
        body_text, body_html = email_render(f"irm_reports/emails/{event}", context)
        email_enqueue(to=[user.email], subject=str(subject), body_text=body_text, body_html=body_html)
