"""Writes of the notifications: a notification created with its e-mail decided, read, and the choices.

The recipient's unread count is a column of the user row (`UNREAD_FIELD`, on settings.AUTH_USER_MODEL),
moved in the transaction that creates or reads a notification: the header shows it without a query.
This app never imports accounts: it reaches the user model through `get_user_model()` and reads the
attributes it needs (`language`, `notifications_enabled`, `is_active`, `email`).
"""

from urllib.parse import urlsplit

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.db.models.functions import Greatest
from django.utils import timezone
from django.utils.translation import gettext as _

from common.text import single_line
from notifications import kinds
from notifications.models import Delivery, Notification, Preference
from notifications.selectors import email_choice, unread_count

UNREAD_FIELD = "notifications_unread"
TEXT_LENGTH = 280


def _set_unread(user_id: int, value) -> None:
    get_user_model().objects.filter(pk=user_id).update(**{UNREAD_FIELD: value})


def link_path(link: str) -> str:
    """The portal path of a link (an absolute address is reduced to its path, query and fragment)."""
    parts = urlsplit(link or "")
    path = parts.path + (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")
    return path if path.startswith("/") and path[1:2] not in ("/", "\\") else ""


def summary(body_text: str) -> str:
    """A short text from an e-mail's plain body: its first paragraph after the greeting, on one line."""
    paragraphs = [single_line(p) for p in body_text.split("\n\n") if p.strip()]
    text = paragraphs[1] if len(paragraphs) > 1 else (paragraphs[0] if paragraphs else "")
    return text if len(text) <= TEXT_LENGTH else text[: TEXT_LENGTH - 1].rstrip() + "…"


@transaction.atomic
def notification_create(
    *, recipient, kind: str, title: str, text: str = "", link: str = "", emails_wanted: bool = True
) -> Notification:
    """Record a notification for `recipient`, in the caller's transaction, and decide its e-mail.

    `email` is the recipient's choice for the kind (immediately when they made none), or off when they
    want no e-mail at all (`emails_wanted`): the caller sends an immediate one, a digest picks up the others.
    """
    if not kinds.is_registered(kind):
        raise ValueError(f"Unknown notification kind {kind!r}: register it with notifications.kinds.register().")
    email = email_choice(user=recipient, kind=kind) if emails_wanted else Delivery.OFF
    notification = Notification.objects.create(
        recipient=recipient,
        kind=kind,
        title=single_line(title)[:300],
        text=single_line(text)[:500],
        link=link_path(link)[:500],
        email=email,
    )
    _set_unread(recipient.pk, F(UNREAD_FIELD) + 1)
    return notification


@transaction.atomic
def notification_mark_read(*, notification: Notification) -> bool:
    """Mark one notification read (again: nothing changes). True when it was unread."""
    changed = Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(read_at=timezone.now())
    if changed:
        _set_unread(notification.recipient_id, Greatest(F(UNREAD_FIELD) - 1, 0))
        notification.read_at = notification.read_at or timezone.now()
    return bool(changed)


@transaction.atomic
def notifications_mark_all_read(*, user) -> int:
    """Mark every notification of `user` read; returns how many were unread."""
    changed = Notification.objects.filter(recipient=user, read_at__isnull=True).update(read_at=timezone.now())
    _set_unread(user.pk, 0)
    setattr(user, UNREAD_FIELD, 0)
    return changed


def notifications_recount(*, user) -> int:
    """Set the stored unread count from the rows (a full save of a stale user object may have moved it)."""
    count = unread_count(user=user)
    if getattr(user, UNREAD_FIELD, count) != count:
        _set_unread(user.pk, count)
        setattr(user, UNREAD_FIELD, count)
    return count


@transaction.atomic
def preferences_save(*, user, emails_enabled: bool, choices: dict[str, str]) -> None:
    """Save the e-mail choice of each kind (`choices`: kind name -> Delivery) and the one global switch
    (`user.notifications_enabled`: off, no notification e-mail at all, digests included)."""
    for kind, email in choices.items():
        if not kinds.is_registered(kind) or email not in Delivery.values:
            raise ValidationError(_("Choose one of the offered options."))
        if email == Delivery.IMMEDIATELY:
            Preference.objects.filter(user=user, kind=kind).delete()
        else:
            Preference.objects.update_or_create(user=user, kind=kind, defaults={"email": email})
    if user.notifications_enabled != emails_enabled:
        user.notifications_enabled = emails_enabled
        user.save(update_fields=["notifications_enabled"])


def notifications_erase(*, user) -> None:
    """Remove what this app holds about `user` (account deletion)."""
    Notification.objects.filter(recipient=user).delete()
    Preference.objects.filter(user=user).delete()
    user.notification_digests.all().delete()
    _set_unread(user.pk, 0)
