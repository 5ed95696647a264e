"""Rendering a report's PDF in a worker, through the job mechanism (common.jobs).

A rendering (one version of a report in one language) is claimed under a short row lock, laid out
without it, and its PDF stored under a file name fixed by report, version and language, only while
the attempt still holds its claim: a repeated or taken-over render leaves one file and one result.
"""

import hashlib
from collections.abc import Callable

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

import irm_reports.pdf
from accounts.services import email_to_user
from common.jobs import job_finish, job_heartbeat, job_lock_claimed, job_run
from common.site import absolute_url
from irm_reports.apps import REPORT_RENDERED
from irm_reports.models import RenderStep, Report, ReportRendering


def report_pdf_name(rendering: ReportRendering) -> str:
    """The file of a rendering: the same name every time this version is rendered in this language, in
    the report's folder named by its random token (see Report.file_token)."""
    report = rendering.report
    plan = report.action_plan
    slug = slugify(f"{plan.member.name}-{plan.start_date.year}-{plan.end_date.year}")[:80]
    name = f"{slug}-{report.report_type}-v{rendering.version}-{rendering.language}.pdf"
    return f"irm_reports/{report.pk}/{report.file_token}/{name}"


def report_rendering_run(
    *, rendering_id: int, retry: Callable[[BaseException], None] | None = None
) -> ReportRendering | None:
    """Render the PDF if the rendering waits for it (safe to call any number of times).

    A failure is stored on the rendering (the report shows it) and e-mailed to the researcher who asked;
    `retry` is the task's, for storage and database hiccups (see job_run).
    """
    return job_run(ReportRendering, rendering_id, _render, retry=retry, on_failed=_notify_failed)


def _render(rendering: ReportRendering) -> None:
    report = Report.objects.select_related("action_plan__member").get(pk=rendering.report_id)
    laid_out = irm_reports.pdf.report_pdf(
        report, rendering.language, on_step=lambda step: job_heartbeat(rendering, step=step)
    )
    job_heartbeat(rendering, step=RenderStep.STORING)
    report_rendering_store(rendering=rendering, pdf=laid_out.pdf, pages=laid_out.pages)


@transaction.atomic
def report_rendering_store(*, rendering: ReportRendering, pdf: bytes, pages: int) -> ReportRendering | None:
    """Store the PDF of a claimed rendering and mark its report ready; None, and nothing written, when the
    attempt no longer holds the rendering (a late duplicate)."""
    locked = job_lock_claimed(rendering)
    if locked is None:
        return None
    name = report_pdf_name(locked)
    storage = locked.pdf.storage
    if storage.exists(name):  # an attempt at this version that died after writing: replace its file
        storage.delete(name)
    locked.pdf.name = storage.save(name, ContentFile(pdf))
    locked.pdf_sha256 = hashlib.sha256(pdf).hexdigest()
    locked.pdf_size = len(pdf)
    locked.pdf_pages = pages
    job_finish(locked, fields=["pdf", "pdf_sha256", "pdf_size", "pdf_pages"])
    _notify(locked, "report_ready", _("The PDF of your IRM report is ready"))
    return locked


def _notify_failed(rendering: ReportRendering) -> None:
    _notify(rendering, "report_failed", _("Your IRM report could not be rendered"))


def _notify(rendering: ReportRendering, event: str, subject: str) -> None:
    """Notify the researcher who asked for the render: in the portal, and by e-mail as they chose."""
    user = rendering.requested_by
    if user is None or not user.is_active:
        return
    report = Report.objects.select_related("action_plan__member", "rendering").get(pk=rendering.report_id)
    email_to_user(
        user=user,
        template=f"irm_reports/emails/{event}",
        subject=subject,
        context={"report": report, "url": absolute_url(report.get_absolute_url())},
        subject_args={},
        kind=REPORT_RENDERED,
        link=report.get_absolute_url(),
    )
