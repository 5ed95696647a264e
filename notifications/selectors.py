"""Reads of the notifications."""

from django.db.models import QuerySet

from notifications import kinds
from notifications.models import Delivery, Notification, Preference


def notification_list(*, user) -> QuerySet[Notification]:
    """A person's notifications, newest first (the index `notification_inbox` serves it)."""
    return Notification.objects.filter(recipient=user).order_by("-created_at", "-id")


def unread_count(*, user) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def email_choice(*, user, kind: str) -> str:
    """How `user` wants the e-mails of `kind`: their stored choice, else immediately."""
    stored = Preference.objects.filter(user=user, kind=kind).values_list("email", flat=True).first()
    return stored or Delivery.IMMEDIATELY


def preference_choices(*, user) -> dict[str, str]:
    """Every registered kind with `user`'s choice for its e-mails (one query)."""
    stored = dict(Preference.objects.filter(user=user).values_list("kind", "email"))
    return {kind.name: stored.get(kind.name, Delivery.IMMEDIATELY) for kind in kinds.all_kinds()}
