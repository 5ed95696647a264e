"""The one model of the partnership app: the builds of the open-data archive (partnership/bundle)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from common.jobs import Job
from irm_reports.models import RenderStep


class OpenDataBuild(Job):
    """One build of the whole-record open-data archive, done by a Celery worker (common.jobs).

    Each build writes its own file; the archive served is the latest finished build's, so a new one replaces
    the old one at once (the row's status is the switch) and a download under way finishes on its file.
    """

    archive = models.FileField(_("archive"), max_length=300, blank=True, editable=False)
    size = models.PositiveBigIntegerField(_("size (bytes)"), null=True, blank=True, editable=False)
    row_counts = models.JSONField(_("rows per resource"), default=dict, blank=True, editable=False)
    scheduled = models.BooleanField(_("scheduled"), default=False, editable=False)
    created_at = models.DateTimeField(_("asked for at"), auto_now_add=True)

    job_task = "partnership.tasks.open_data_build_task"
    job_stale_setting = "OPEN_DATA_BUILD_STALE_SECONDS"
    job_stale_default = 1800

    class Meta:
        verbose_name = _("open-data build")
        verbose_name_plural = _("open-data builds")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="done") | ~models.Q(archive=""),
                name="opendatabuild_done_has_archive",
                violation_error_message=_("A finished build has its archive."),
            ),
        ]
        indexes = [models.Index(fields=["status", "heartbeat_at"], name="opendatabuild_status_heartbeat")]

    def __str__(self):
        return f"{self._meta.verbose_name} {self.pk} ({self.status})"


class ResponseReport(Job):
    """The reasoned-response report of a consultation as a PDF in one language, rendered by a Celery worker
    (the IRM reports' rendering path). One row per state of the answers (`source_key`): a new response or an
    edit makes a new rendering, asking again for the same state finds the one made."""

    consultation = models.ForeignKey(
        "consultations.Consultation", verbose_name=_("consultation"), on_delete=models.CASCADE, related_name="+"
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    step = models.CharField(
        _("progress"), max_length=20, choices=RenderStep.choices, blank=True, default="", editable=False
    )
    source_key = models.CharField(_("state of the answers"), max_length=64, editable=False)
    pdf = models.FileField(_("PDF"), max_length=300, blank=True, editable=False)
    pdf_size = models.PositiveIntegerField(_("PDF size (bytes)"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("asked for at"), auto_now_add=True)

    job_task = "partnership.tasks.response_report_render_task"
    job_stale_setting = "IRM_RENDER_STALE_SECONDS"
    job_stale_default = 600

    class Meta:
        verbose_name = _("reasoned-response report")
        verbose_name_plural = _("reasoned-response reports")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "language", "source_key"], name="responsereport_once_per_state"
            ),
            models.CheckConstraint(
                condition=~models.Q(status="done") | ~models.Q(pdf=""), name="responsereport_done_has_pdf"
            ),
        ]
        indexes = [models.Index(fields=["status", "heartbeat_at"], name="responsereport_status_beat")]

    def __str__(self):
        return f"{self.consultation_id} ({self.language}, {self.status})"
