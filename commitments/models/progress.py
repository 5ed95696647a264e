"""Progress reported on commitments: dated updates that accumulate."""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from commitments.models.commitment import Commitment, Completion


class ProgressUpdate(models.Model):
    """A dated report on a commitment's implementation; updates are never edited, they accumulate."""

    commitment = models.ForeignKey(
        Commitment, verbose_name=_("commitment"), on_delete=models.CASCADE, related_name="progress_updates"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="progress_updates",
    )
    reported_on = models.DateField(_("date"), default=date.today)
    text = models.TextField(_("progress"))
    completion = models.CharField(_("completion level"), max_length=20, choices=Completion.choices)
    evidence_url = models.URLField(_("link to evidence"), blank=True)
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")
        ordering = ["-reported_on", "-id"]

    def __str__(self):
        return f"{self.commitment.number} — {self.reported_on}"

    @property
    def content_language(self) -> str:
        return self.commitment.content_language

    def clean(self):
        if self.reported_on and self.reported_on > date.today():
            raise ValidationError({"reported_on": _("The date of a progress update cannot be in the future.")})
