"""Digest e-mails: per person and period, one e-mail listing the notifications of the kinds they set
to a daily or weekly digest, not yet in a digest.

Sent once, even when a run is repeated or a worker dies half-way: for each person, one transaction
locks their row, creates the `Digest` (unique per person, period and start of the period), attaches
the notifications to it and puts the e-mail in the outbox, which then owns its delivery. A run that
dies before the commit leaves nothing behind; one that dies after it leaves a digest the next run skips.
"""

import logging
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import ngettext

from common.outbox import email_enqueue
from common.site import absolute_url, email_render
from notifications import kinds
from notifications.models import DIGEST_PERIODS, Delivery, Digest, Notification

logger = logging.getLogger(__name__)


def period_start(period: str, today: date) -> date:
    """The first day of the period a run on `today` belongs to (the Monday of its week for weekly)."""
    return today - timedelta(days=today.weekday()) if period == Delivery.WEEKLY else today


def digests_send(*, period: str, today: date | None = None) -> int:
    """Send the digests of `period` due today; returns how many were written to the outbox."""
    if period not in DIGEST_PERIODS:
        raise ValueError(f"Not a digest period: {period!r}")
    start = period_start(period, today or timezone.localdate())
    pending = (
        Notification.objects.filter(email=period, digest__isnull=True)
        .values_list("recipient_id", flat=True)
        .order_by("recipient_id")
        .distinct()
    )
    sent = 0
    for user_id in list(pending):
        try:
            sent += digest_send(user_id=user_id, period=period, start=start)
        except IntegrityError:  # another run wrote this digest meanwhile
            logger.info("Digest %s %s of user %s already written", period, start, user_id)
    return sent


@transaction.atomic
def digest_send(*, user_id: int, period: str, start: date) -> bool:
    """Write the digest of one person for one period, once; False when there is nothing to send."""
    user = get_user_model().objects.select_for_update().filter(pk=user_id).first()
    if user is None or Digest.objects.filter(user=user, period=period, period_start=start).exists():
        return False
    notifications = list(
        Notification.objects.select_for_update()
        .filter(recipient=user, email=period, digest__isnull=True)
        .order_by("created_at", "id")
    )
    if not notifications:
        return False
    if not (user.is_active and user.notifications_enabled and user.email):
        Notification.objects.filter(pk__in=[n.pk for n in notifications]).update(email=Delivery.OFF)
        return False
    digest = Digest.objects.create(user=user, period=period, period_start=start, notification_count=len(notifications))
    Notification.objects.filter(pk__in=[n.pk for n in notifications]).update(digest=digest)
    digest.outgoing_email = _digest_email(user, period, notifications)
    digest.save(update_fields=["outgoing_email"])
    return True


def _digest_email(user, period: str, notifications: list[Notification]):
    with translation.override(user.language or settings.LANGUAGE_CODE):
        items = [
            {
                "title": n.title,
                "text": n.text,
                "kind": kinds.get(n.kind).label,
                "created_at": n.created_at,
                "url": absolute_url(reverse("notification-open", args=[n.pk])),
            }
            for n in notifications
        ]
        context = {
            "user": user,
            "items": items,
            "period": period,
            "list_url": absolute_url(reverse("notifications")),
            "preferences_url": absolute_url(reverse("notification-preferences")),
        }
        body_text, body_html = email_render("notifications/emails/digest", context)
        if period == Delivery.WEEKLY:
            subject = ngettext("Your week: %(count)s notification", "Your week: %(count)s notifications", len(items))
        else:
            subject = ngettext("Your day: %(count)s notification", "Your day: %(count)s notifications", len(items))
        subject = f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject % {'count': len(items)}}"
        return email_enqueue(to=[user.email], subject=subject, body_text=body_text, body_html=body_html)
