"""Assistance requests of a member to the support unit, their notes and attachments."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from common.files import new_file_token
from common.models import TimeStampedModel
from support.models.catalogue import ServiceOffer


class SupportRequestQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(status__in=SupportRequest.CLOSED)

    def public(self):
        return self.filter(is_public=True, status=SupportRequest.Status.DELIVERED)


class SupportRequest(TimeStampedModel):
    """A request for one service of the menu, for one member, answered by its representative."""

    class Status(models.TextChoices):
        RECEIVED = "received", _("Received")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        IN_PROGRESS = "in_progress", _("In progress")
        DELIVERED = "delivered", _("Delivered")

    # What each status may become (services.requests.support_request_transition).
    TRANSITIONS = {
        Status.RECEIVED: (Status.ACCEPTED, Status.DECLINED),
        Status.ACCEPTED: (Status.IN_PROGRESS, Status.DELIVERED, Status.DECLINED),
        Status.IN_PROGRESS: (Status.DELIVERED,),
        Status.DECLINED: (),
        Status.DELIVERED: (),
    }
    CLOSED = (Status.DECLINED, Status.DELIVERED)

    member = models.ForeignKey(
        "commitments.Member", verbose_name=_("member"), on_delete=models.CASCADE, related_name="support_requests"
    )
    service = models.ForeignKey(
        ServiceOffer, verbose_name=_("service"), on_delete=models.PROTECT, related_name="requests"
    )
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="support_requests",
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("on behalf of"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="support_requests",
    )
    representative = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("representative"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="support_requests_assigned",
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED)
    description = models.TextField(_("what you need"))
    wanted_by = models.DateField(_("wanted by"), null=True, blank=True)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    decline_reason = models.TextField(_("reason for declining"), blank=True)
    outcome = models.TextField(_("outcome"), blank=True)
    is_public = models.BooleanField(
        _("show on the member's page once delivered"),
        default=False,
        help_text=_("The service and its outcome are then listed publicly as support received."),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("delivered at"), null=True, blank=True)

    objects = SupportRequestQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("assistance request")
        verbose_name_plural = _("assistance requests")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "created_at"], name="supportrequest_status_created")]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="declined") | ~models.Q(decline_reason=""),
                name="supportrequest_declined_has_reason",
            ),
        ]

    def __str__(self):
        return f"#{self.pk} {self.service} ({self.member})"

    def get_absolute_url(self):
        return reverse("support:request-detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status not in self.CLOSED

    @property
    def age_days(self) -> int:
        return (timezone.now() - self.created_at).days

    @property
    def is_overdue(self) -> bool:
        return self.is_open and self.due_date is not None and self.due_date < timezone.localdate()

    def next_statuses(self) -> tuple:
        return self.TRANSITIONS[self.Status(self.status)]


class SupportNote(models.Model):
    """A message on a request, between the member's team and the support unit."""

    request = models.ForeignKey(
        SupportRequest, verbose_name=_("request"), on_delete=models.CASCADE, related_name="notes"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    body = models.TextField(_("note"))
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)

    class Meta:
        verbose_name = _("note")
        verbose_name_plural = _("notes")
        ordering = ["created_at", "id"]

    def __str__(self):
        return self.body[:60]


def support_upload_to(instance, filename: str) -> str:
    return f"support/{timezone.now():%Y/%m}/{new_file_token()}/{filename}"


class SupportAttachment(models.Model):
    """A PDF or an image joined to a request; its type was checked from its content."""

    request = models.ForeignKey(
        SupportRequest, verbose_name=_("request"), on_delete=models.CASCADE, related_name="attachments"
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    file = models.FileField(_("file"), upload_to=support_upload_to, max_length=300)
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
        return reverse("support:attachment", args=[self.pk])
