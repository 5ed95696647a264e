"""The one model of the partnership app: the builds of the open-data archive (partnership/bundle)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from common.jobs import Job


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
