"""The point of contact's public answer to a report, the reports' flags, and each commitment's stored
civil-society status (kept by the services, read by pages and the API without counting again)."""

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from commitments.models import Commitment
from common.markdown import validate_no_markup
from common.models import content_language_field
from monitoring.models.report import Finding, MonitoringReport


class ReportAnswer(models.Model):
    """The point of contact's public answer: acknowledged, corrected the status, or disputes it, with reasons."""

    class Kind(models.TextChoices):
        ACKNOWLEDGED = "acknowledged", _("Acknowledged")
        CORRECTED = "corrected", _("Corrected the status")
        DISPUTED = "disputed", _("Disputes the finding")

    report = models.OneToOneField(
        MonitoringReport, verbose_name=_("monitoring report"), on_delete=models.CASCADE, related_name="answer"
    )
    kind = models.CharField(_("answer"), max_length=20, choices=Kind.choices)
    text = models.TextField(_("reasons"), validators=[MaxLengthValidator(6000)])
    language = content_language_field()
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("answered at"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("answer to a monitoring report")
        verbose_name_plural = _("answers to monitoring reports")

    def __str__(self):
        return f"{self.get_kind_display()} — {self.report_id}"


class ReportFlag(models.Model):
    """A user's report of a monitoring report to the moderators; open until support staff review it."""

    class Reason(models.TextChoices):
        SPAM = "spam", _("Spam or advertising")
        ABUSE = "abuse", _("Abusive or hateful")
        PERSONAL_DATA = "personal_data", _("Reveals personal data")
        OFF_TOPIC = "off_topic", _("Off topic")
        OTHER = "other", _("Other")

    report = models.ForeignKey(
        MonitoringReport, verbose_name=_("monitoring report"), on_delete=models.CASCADE, related_name="flags"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("flagged by"),
        on_delete=models.CASCADE,
        related_name="monitoring_flags",
    )
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    note = models.TextField(_("details"), blank=True, validators=[MaxLengthValidator(1000), validate_no_markup])
    created_at = models.DateTimeField(_("flagged at"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("flag on a monitoring report")
        verbose_name_plural = _("flags on monitoring reports")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "report"], condition=Q(resolved_at__isnull=True), name="monitoringflag_open_once"
            ),
        ]

    def __str__(self):
        return f"{self.get_reason_display()} — {self.report_id}"


class CommitmentMonitoring(models.Model):
    """What civil society's reports say of a commitment, kept by monitoring.services.status on every change."""

    commitment = models.OneToOneField(
        Commitment, verbose_name=_("commitment"), on_delete=models.CASCADE, primary_key=True, related_name="monitoring"
    )
    civil_society_status = models.CharField(
        _("civil society status"), max_length=20, choices=Finding.choices, blank=True
    )
    latest_report = models.ForeignKey(
        MonitoringReport, verbose_name=_("latest report"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # The latest public finding on each milestone that has one: {"<milestone id>": "<finding>"}.
    milestone_findings = models.JSONField(_("findings on milestones"), default=dict, blank=True)
    report_count = models.PositiveIntegerField(_("public reports"), default=0)
    unanswered_count = models.PositiveIntegerField(_("reports awaiting an answer"), default=0)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("civil society status")
        verbose_name_plural = _("civil society statuses")

    def __str__(self):
        return f"{self.commitment_id}: {self.civil_society_status or '—'}"
