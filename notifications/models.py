"""A notification shown in the portal, a person's e-mail choice per kind, and the digests sent."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Delivery(models.TextChoices):
    """How the e-mail of a kind of notification reaches someone (their preference)."""

    IMMEDIATELY = "immediately", _("Immediately")
    DAILY = "daily", _("Daily digest")
    WEEKLY = "weekly", _("Weekly digest")
    OFF = "off", _("No e-mail")


DIGEST_PERIODS = (Delivery.DAILY, Delivery.WEEKLY)


class Notification(models.Model):
    """Something that happened for `recipient`, listed in the portal whatever their e-mail preferences."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recipient"), on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("kind"), max_length=80)
    title = models.CharField(_("title"), max_length=300)
    text = models.CharField(_("text"), max_length=500, blank=True)
    link = models.CharField(_("link"), max_length=500, blank=True, help_text=_("A path of the portal."))
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    email = models.CharField(
        _("e-mail"),
        max_length=20,
        choices=Delivery.choices,
        help_text=_("What was done about the e-mail, from the recipient's preference when it was created."),
    )
    digest = models.ForeignKey(
        "notifications.Digest",
        verbose_name=_("digest"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="notifications",
    )

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["recipient", "-created_at", "-id"], name="notification_inbox"),
            models.Index(
                fields=["recipient", "email"],
                name="notification_digest_pending",
                condition=Q(digest__isnull=True, email__in=["daily", "weekly"]),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_unread(self) -> bool:
        return self.read_at is None


class Preference(models.Model):
    """A person's choice for the e-mails of one kind; without a row, immediately."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="notification_preferences",
    )
    kind = models.CharField(_("kind"), max_length=80)
    email = models.CharField(_("e-mail"), max_length=20, choices=Delivery.choices, default=Delivery.IMMEDIATELY)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="notification_preference_unique")]

    def __str__(self) -> str:
        return f"{self.kind}: {self.email}"


class Digest(models.Model):
    """One digest e-mail for one person and period: unique, and written in the transaction that puts the
    e-mail in the outbox, so a digest run repeated or killed half-way sends it once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="notification_digests"
    )
    period = models.CharField(_("period"), max_length=10, choices=[(p.value, p.label) for p in DIGEST_PERIODS])
    period_start = models.DateField(_("period starting on"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    notification_count = models.PositiveIntegerField(_("notifications"), default=0)
    outgoing_email = models.ForeignKey(
        "common.OutgoingEmail", verbose_name=_("e-mail"), on_delete=models.SET_NULL, null=True, blank=True
    )

    class Meta:
        verbose_name = _("notification digest")
        verbose_name_plural = _("notification digests")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "period", "period_start"], name="notification_digest_once")
        ]

    def __str__(self) -> str:
        return f"{self.get_period_display()} {self.period_start}"
