from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.files import new_file_token
from common.jobs import Job


def import_upload_to(instance, filename: str) -> str:
    """A folder of its own under a random name: an uploaded sheet's path cannot be guessed."""
    return f"irm_imports/{timezone.now():%Y/%m}/{new_file_token()}/{filename}"


class ImportRun(Job):
    """One import of OGP's commitments and IRM data sheet, uploaded by the support unit.

    Small files are imported at once; larger ones by a Celery worker (the job mechanism of
    common.jobs), which records its progress here. `summary` holds what the import did
    (see irm_reports.importing.summary).
    """

    file = models.FileField(
        _("file"),
        upload_to=import_upload_to,
        max_length=300,
        validators=[FileExtensionValidator(["csv", "xlsx"])],
        help_text=_("OGP's commitments and IRM data sheet, as CSV (UTF-8) or Excel (.xlsx)."),
    )
    filename = models.CharField(_("file name"), max_length=255, blank=True, editable=False)
    dry_run = models.BooleanField(
        _("dry run"), default=False, help_text=_("Check the file and count what would change, without saving it.")
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    rows_total = models.PositiveIntegerField(_("rows"), null=True, blank=True, editable=False)
    rows_done = models.PositiveIntegerField(_("rows processed"), default=0, editable=False)
    summary = models.JSONField(_("summary"), default=dict, blank=True, editable=False)

    job_task = "irm_reports.tasks.import_run_task"
    job_stale_setting = "IRM_IMPORT_STALE_SECONDS"
    job_stale_default = 900
    job_attempt_defaults = {"rows_done": 0}

    class Meta:
        verbose_name = _("import of OGP's data")
        verbose_name_plural = _("imports of OGP's data")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "heartbeat_at"], name="importrun_status_heartbeat")]

    def __str__(self):
        name = self.filename or self.file.name
        return f"{name} ({self.created_at:%Y-%m-%d %H:%M})" if self.created_at else name

    def get_absolute_url(self):
        return reverse("admin:irm_reports_importrun_change", args=[self.pk])

    @property
    def is_running(self) -> bool:
        return self.status in self.IN_PROGRESS

    @property
    def progress_percent(self) -> int:
        if not self.rows_total:
            return 100 if self.status == self.Status.DONE else 0
        return min(100, round(100 * self.rows_done / self.rows_total))
