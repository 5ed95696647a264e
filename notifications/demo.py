"""Demo data: a welcome in the notification centre of each demo account (idempotent, a few queries)."""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from notifications.models import Notification
from notifications.services import notification_create


@transaction.atomic
def seed_notifications(users) -> int:
    """One welcome notification for each of `users` who has none yet; returns how many were created."""
    created = 0
    for user in users:
        if Notification.objects.filter(recipient=user).exists():
            continue
        with translation.override(user.language or settings.LANGUAGE_CODE):
            notification_create(
                recipient=user,
                kind="notifications.other",
                title=_("Welcome to the notification centre"),
                text=_(
                    "What happens to your proposals, memberships and reports is listed here. "
                    "Choose which e-mails you receive, and when."
                ),
                link=reverse("notification-preferences"),
                emails_wanted=False,
            )
        created += 1
    return created
