"""An organisation's application to a call: answers, budget lines, attachments, status and decision."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxLengthValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts.models import Organisation
from common.files import new_file_token
from common.markdown import validate_no_markup
from common.models import TimeStampedModel
from grants.models.calls import MONEY, CallQuestion, GrantCall

TEXT = [MaxLengthValidator(5000), validate_no_markup]


class GrantApplication(TimeStampedModel):
    """One organisation's application to one call: a draft until submitted, then awarded or rejected."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted, under review")
        AWARDED = "awarded", _("Awarded")
        REJECTED = "rejected", _("Not selected")

    call = models.ForeignKey(GrantCall, verbose_name=_("call"), on_delete=models.PROTECT, related_name="applications")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="grant_applications"
    )
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("applicant"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="grant_applications",
    )
    title = models.CharField(_("project title"), max_length=200)
    summary = models.TextField(_("what the grant would do"), validators=TEXT, help_text=_("Markdown."))
    amount_requested = models.DecimalField(
        _("amount requested"), validators=[MinValueValidator(Decimal("0.01"))], **MONEY
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    amount_awarded = models.DecimalField(_("amount awarded"), null=True, blank=True, **MONEY)
    decision_reasons = models.TextField(_("reasons for the decision"), blank=True, validators=TEXT)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("grant application")
        verbose_name_plural = _("grant applications")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["call", "organisation"],
                name="grantapplication_once_per_organisation",
                violation_error_message=_("Your organisation has already applied to this call."),
            ),
            models.CheckConstraint(
                condition=~Q(status="awarded") | Q(amount_awarded__isnull=False),
                name="grantapplication_award_has_amount",
            ),
        ]
        indexes = [models.Index(fields=["call", "status"], name="grantapplication_call_status")]

    def __str__(self):
        return f"{self.organisation} — {self.title}"

    def get_absolute_url(self):
        return reverse("grants:application-detail", kwargs={"pk": self.pk})

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def is_decided(self) -> bool:
        return self.status in (self.Status.AWARDED, self.Status.REJECTED)


class ApplicationAnswer(models.Model):
    application = models.ForeignKey(
        GrantApplication, verbose_name=_("application"), on_delete=models.CASCADE, related_name="answers"
    )
    question = models.ForeignKey(CallQuestion, verbose_name=_("question"), on_delete=models.CASCADE, related_name="+")
    text = models.TextField(_("answer"), blank=True, validators=TEXT)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["question__order", "question_id"]
        constraints = [models.UniqueConstraint(fields=["application", "question"], name="answer_once_per_question")]

    def __str__(self):
        return self.text[:60]


class BudgetLine(models.Model):
    """A line of the application's budget; the lines add up to the amount requested."""

    application = models.ForeignKey(
        GrantApplication, verbose_name=_("application"), on_delete=models.CASCADE, related_name="budget_lines"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    description = models.CharField(_("item"), max_length=200)
    amount = models.DecimalField(_("amount"), validators=[MinValueValidator(Decimal("0.01"))], **MONEY)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        ordering = ["order", "id"]
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="budgetline_amount_positive")]

    def __str__(self):
        return self.description


def attachment_upload_to(instance, filename: str) -> str:
    return f"grants/{timezone.now():%Y/%m}/{new_file_token()}/{filename}"


class ApplicationAttachment(models.Model):
    """A PDF or an image joined to an application; its type was checked from its content. Never public."""

    application = models.ForeignKey(
        GrantApplication, verbose_name=_("application"), on_delete=models.CASCADE, related_name="attachments"
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Counted against this person's upload quota."),
    )
    file = models.FileField(_("file"), upload_to=attachment_upload_to, max_length=300)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("type"), max_length=50)
    size = models.PositiveIntegerField(_("size (bytes)"))
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["created_at", "id"]

    def __str__(self):
        return self.original_name

    def get_absolute_url(self):
        return reverse("grants:application-attachment", kwargs={"pk": self.pk})
