"""Writes of the partnership app: the builds of the open-data archive and the PDFs of reasoned-response reports,
both through the job mechanism (common.jobs).

A build is claimed under a short row lock, written without it into a temporary file (flat memory: see
partnership/bundle/archive.py), then stored under a file name of its own and marked done under the lock
again, only while the attempt still holds its claim. The archive served is the latest done build's
(partnership.selectors.open_data_archive): finishing a build is the atomic swap.
"""

import tempfile
from collections.abc import Callable

from django.conf import settings
from django.core.files import File
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from common.files import new_file_token
from common.jobs import Job, job_enqueue, job_finish, job_heartbeat, job_lock_claimed, job_queue, job_run
from consultations.models import Consultation
from irm_reports.models import RenderStep
from irm_reports.pdf import html_pdf
from partnership import reasoned_responses
from partnership.bundle.archive import write_archive
from partnership.models import OpenDataBuild, ResponseReport

ARCHIVE_NAME = "portal-open-data.zip"
# Finished builds whose files are kept: the one served and the one before (a download may still read it).
KEEP_DONE = 2


@transaction.atomic
def open_data_build_request(*, scheduled: bool = False) -> OpenDataBuild:
    """Queue a build of the archive; the build already queued or running, if there is one, instead."""
    pending = OpenDataBuild.objects.select_for_update().filter(status__in=Job.IN_PROGRESS).first()
    if pending is not None:
        return pending
    build = OpenDataBuild(scheduled=scheduled)
    job_queue(build)
    job_enqueue(build)
    return build


def open_data_build_run(*, build_id: int, retry: Callable[[BaseException], None] | None = None) -> OpenDataBuild | None:
    """Build the archive if the build waits for it (safe to call any number of times)."""
    return job_run(OpenDataBuild, build_id, _build, retry=retry)


def _build(build: OpenDataBuild) -> None:
    built_at = timezone.now()
    with tempfile.TemporaryFile(prefix="open-data-") as handle:
        with translation.override(settings.LANGUAGE_CODE):
            counts = write_archive(
                handle,
                built_at=f"{built_at:%Y-%m-%d %H:%M} UTC",
                on_step=lambda step: job_heartbeat(build, step=step[:40]),
            )
        job_heartbeat(build, step="storing")
        size = handle.seek(0, 2)
        handle.seek(0)
        open_data_build_store(build=build, handle=handle, size=size, counts=counts)


@transaction.atomic
def open_data_build_store(*, build: OpenDataBuild, handle, size: int, counts: dict) -> OpenDataBuild | None:
    """Store the archive of a claimed build and make it the one served; None, and nothing written, when the
    attempt no longer holds the build (a late duplicate)."""
    locked = job_lock_claimed(build)
    if locked is None:
        return None
    storage = locked.archive.storage
    locked.archive.name = storage.save(f"open_data/{new_file_token()}/{ARCHIVE_NAME}", File(handle))
    locked.size, locked.row_counts = size, counts
    job_finish(locked, fields=["archive", "size", "row_counts"])
    old = list(OpenDataBuild.objects.filter(status=Job.Status.DONE).exclude(pk=locked.pk).order_by("-finished_at"))
    transaction.on_commit(lambda: _prune([b.pk for b in old[KEEP_DONE - 1 :]]))
    return locked


def _prune(build_ids: list[int]) -> None:
    """Remove older builds and their files (never the one served, nor the one before it)."""
    for build in OpenDataBuild.objects.filter(pk__in=build_ids):
        if build.archive:
            build.archive.storage.delete(build.archive.name)
        build.delete()


# The reasoned-response report of a consultation (partnership/reasoned_responses.py) ----------------------


@transaction.atomic
def response_report_request(*, consultation, language: str) -> ResponseReport:
    """The PDF of the consultation's answers as they stand, in `language`: the rendering made for this state,
    or a new one queued (a failed one is queued again)."""
    key = reasoned_responses.source_key(consultation)
    report, created = ResponseReport.objects.get_or_create(consultation=consultation, language=language, source_key=key)
    if created or report.status == Job.Status.FAILED:
        report = ResponseReport.objects.select_for_update().get(pk=report.pk)
        if created or report.status == Job.Status.FAILED:
            job_queue(report)
            job_enqueue(report)
    return report


def response_report_run(*, report_id: int, retry: Callable[[BaseException], None] | None = None):
    """Render the PDF if the rendering waits for it (safe to call any number of times)."""
    return job_run(ResponseReport, report_id, _render, retry=retry)


def _render(report: ResponseReport) -> None:
    consultation = Consultation.objects.select_related("action_plan__member").get(pk=report.consultation_id)
    job_heartbeat(report, step=RenderStep.COLLECTING)
    with translation.override(report.language):
        context = {
            "consultation": consultation,
            "plan": consultation.action_plan,
            "member": consultation.action_plan.member,
            "counts": reasoned_responses.outcome_counts(consultation),
            "rows": list(reasoned_responses.rows(consultation)),
            "language": report.language,
            "built_at": timezone.now(),
        }
        job_heartbeat(report, step=RenderStep.RENDERING_HTML)
        html = render_to_string("partnership/pdf/reasoned_responses.html", context)
        job_heartbeat(report, step=RenderStep.LAYING_OUT)
        laid_out = html_pdf(html)
    job_heartbeat(report, step=RenderStep.STORING)
    response_report_store(report=report, pdf=laid_out.pdf)


@transaction.atomic
def response_report_store(*, report: ResponseReport, pdf: bytes) -> ResponseReport | None:
    """Store the PDF of a claimed rendering; None, and nothing written, when the attempt lost its claim."""
    locked = job_lock_claimed(report)
    if locked is None:
        return None
    name = f"reasoned_responses/{locked.consultation_id}/{new_file_token()}/responses-{locked.language}.pdf"
    locked.pdf.name = locked.pdf.storage.save(name, ContentFile(pdf))
    locked.pdf_size = len(pdf)
    job_finish(locked, fields=["pdf", "pdf_size"])
    older = ResponseReport.objects.filter(
        consultation_id=locked.consultation_id, language=locked.language, status=Job.Status.DONE
    ).exclude(pk=locked.pk)
    transaction.on_commit(lambda: _prune_reports(list(older.values_list("pk", flat=True))))
    return locked


def _prune_reports(report_ids: list[int]) -> None:
    """Remove the renderings of older states of the answers, and their files (nobody asks for them again)."""
    for report in ResponseReport.objects.filter(pk__in=report_ids):
        if report.pdf:
            report.pdf.storage.delete(report.pdf.name)
        report.delete()
