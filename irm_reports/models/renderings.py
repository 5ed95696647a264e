from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from common.jobs import Job
from irm_reports.models.reports import RenderStep, Report

# The status a report shows while its latest rendering is in each job status.
REPORT_STATUS = {
    Job.Status.QUEUED: Report.Status.QUEUED,
    Job.Status.RUNNING: Report.Status.RENDERING,
    Job.Status.DONE: Report.Status.READY,
    Job.Status.FAILED: Report.Status.FAILED,
}


class ReportRendering(Job):
    """The PDF of one version of a report in one language, rendered once by a Celery worker.

    Asking again for a version already rendered makes a new version (see report_request_render); a failed
    rendering is asked for again on the same row.
    """

    Step = RenderStep

    report = models.ForeignKey(Report, verbose_name=_("report"), on_delete=models.CASCADE, related_name="renderings")
    version = models.PositiveIntegerField(_("version"))
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    step = models.CharField(
        _("progress"), max_length=20, choices=RenderStep.choices, blank=True, default="", editable=False
    )
    pdf = models.FileField(_("PDF"), max_length=300, blank=True, editable=False)
    pdf_sha256 = models.CharField(_("SHA-256 of the PDF"), max_length=64, blank=True, editable=False)
    pdf_size = models.PositiveIntegerField(_("PDF size (bytes)"), null=True, blank=True, editable=False)
    pdf_pages = models.PositiveIntegerField(_("pages"), null=True, blank=True, editable=False)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    requested_at = models.DateTimeField(_("render requested at"), null=True, blank=True, editable=False)

    job_task = "irm_reports.tasks.report_render_task"
    job_stale_setting = "IRM_RENDER_STALE_SECONDS"
    job_stale_default = 600
    job_attempt_defaults = {"step": RenderStep.COLLECTING}

    class Meta:
        verbose_name = _("rendering")
        verbose_name_plural = _("renderings")
        ordering = ["-version", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "version", "language"],
                name="rendering_unique_version_language",
                violation_error_message=_("This version of the report is already rendered in this language."),
            ),
            models.CheckConstraint(
                condition=~Q(status="done") | (~Q(pdf="") & ~Q(pdf_sha256="")),
                name="rendering_done_has_pdf",
                violation_error_message=_("A finished rendering has its PDF."),
            ),
        ]
        indexes = [models.Index(fields=["status", "heartbeat_at"], name="rendering_status_heartbeat")]

    def __str__(self):
        return f"{self.report} v{self.version} ({self.language})"

    def job_status_changed(self) -> None:
        """The report whose latest rendering this is shows its progress as its own status."""
        report = Report.objects.select_for_update().filter(rendering=self, status__in=Report.IN_PROGRESS).first()
        if report is not None:
            report.status = REPORT_STATUS[self.status]
            report.save(update_fields=["status", "updated_at"])
