"""Monitoring reports: what a participant or an organisation found on a commitment, or one of its milestones,
during implementation, with evidence (checked files, links) and an optional place."""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator, URLValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts.models import Organisation
from commitments.models import Commitment, Milestone
from common.files import new_file_token
from common.models import TimeStampedModel, content_language_field

MAX_LINKS = 5


class Finding(models.TextChoices):
    ON_TRACK = "on_track", _("On track")
    DELAYED = "delayed", _("Delayed")
    NOT_STARTED = "not_started", _("Not started")
    COMPLETED = "completed", _("Completed")
    CANNOT_VERIFY = "cannot_verify", _("Cannot verify")


def validate_links(value: str) -> None:
    lines = [line.strip() for line in (value or "").splitlines() if line.strip()]
    if len(lines) > MAX_LINKS:
        raise ValidationError(_("Give at most %(limit)d links.") % {"limit": MAX_LINKS})
    check = URLValidator(schemes=["http", "https"])
    for line in lines:
        try:
            check(line)
        except ValidationError as error:
            raise ValidationError(_("“%(link)s” is not a web address (http or https).") % {"link": line}) from error


class MonitoringReportQuerySet(models.QuerySet):
    def public(self):
        """Submitted and not hidden by moderation: what everyone sees and what the statuses count."""
        return self.filter(status=MonitoringReport.Status.SUBMITTED, is_hidden=False)


class MonitoringReport(TimeStampedModel):
    """A finding on a commitment (or one of its milestones), with its evidence; answered by the point of contact."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    commitment = models.ForeignKey(
        Commitment, verbose_name=_("commitment"), on_delete=models.CASCADE, related_name="monitoring_reports"
    )
    milestone = models.ForeignKey(
        Milestone,
        verbose_name=_("milestone"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="monitoring_reports",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="monitoring_reports",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("on behalf of"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="monitoring_reports",
    )
    finding = models.CharField(_("finding"), max_length=20, choices=Finding.choices)
    text = models.TextField(
        _("what you found"), validators=[MaxLengthValidator(6000)], help_text=_("Markdown: links, lists, emphasis.")
    )
    language = content_language_field()
    links = models.TextField(
        _("links to evidence"), blank=True, validators=[validate_links], help_text=_("One web address a line.")
    )
    observed_on = models.DateField(_("date observed"), default=date.today)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, editable=False)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True, editable=False)
    response_due_on = models.DateField(_("answer due on"), null=True, blank=True, editable=False)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True, editable=False)
    withdrawal_reason = models.TextField(_("reason for withdrawing"), blank=True, validators=[MaxLengthValidator(1000)])
    is_hidden = models.BooleanField(_("hidden by moderation"), default=False, editable=False)
    # The latest reminder sent to the point of contact: 1 when the answer was due within a week, 2 when overdue.
    reminder_step = models.PositiveSmallIntegerField(_("reminders sent"), default=0, editable=False)

    objects = MonitoringReportQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("monitoring report")
        verbose_name_plural = _("monitoring reports")
        ordering = ["-observed_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__isnull=False, longitude__isnull=False),
                name="monitoringreport_point_whole",
                violation_error_message=_("Give both the latitude and the longitude, or neither."),
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(submitted_at__isnull=False), name="monitoringreport_submitted_at"
            ),
        ]
        indexes = [models.Index(fields=["commitment", "status", "-observed_on"], name="monitoringreport_commitment")]

    def __str__(self):
        return f"{self.get_finding_display()} — {self.commitment.number}"

    def get_absolute_url(self):
        return reverse("monitoring:report-detail", kwargs={"pk": self.pk})

    def clean(self):
        errors = {}
        if self.milestone_id and self.commitment_id and self.milestone.commitment_id != self.commitment_id:
            errors["milestone"] = _("The milestone must be one of this commitment's.")
        if self.observed_on and self.observed_on > timezone.localdate():
            errors["observed_on"] = _("The date observed cannot be in the future.")
        if errors:
            raise ValidationError(errors)

    @property
    def link_list(self) -> list[str]:
        return [line.strip() for line in self.links.splitlines() if line.strip()]

    @property
    def has_point(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @property
    def is_public(self) -> bool:
        return self.status == self.Status.SUBMITTED and not self.is_hidden

    @property
    def is_overdue(self) -> bool:
        return bool(self.response_due_on and self.response_due_on < timezone.localdate())


def evidence_upload_to(instance, filename: str) -> str:
    return f"monitoring/{timezone.now():%Y/%m}/{new_file_token()}/{filename}"


class ReportEvidence(models.Model):
    """A PDF or an image joined to a monitoring report; its type was checked from its content."""

    report = models.ForeignKey(
        MonitoringReport, verbose_name=_("monitoring report"), on_delete=models.CASCADE, related_name="evidence"
    )
    file = models.FileField(_("file"), upload_to=evidence_upload_to, max_length=300)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("type"), max_length=50)
    size = models.PositiveIntegerField(_("size (bytes)"))
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")
        ordering = ["created_at", "id"]

    def __str__(self):
        return self.original_name

    def get_absolute_url(self):
        return reverse("monitoring:evidence", kwargs={"pk": self.pk})

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")
