"""What the notification centre holds about a person, for "download my data" and account deletion.

Registered with accounts' personal-data registry by accounts itself (`accounts.apps`): this app sits
below accounts and never imports it.
"""

from notifications import kinds
from notifications.models import Digest, Notification, Preference
from notifications.services import notifications_erase

COVERS = (
    "notifications.Notification.recipient",
    "notifications.Preference.user",
    "notifications.Digest.user",
)


def _time(value) -> str | None:
    return value.isoformat() if value else None


def user_export(user) -> dict:
    """The person's notifications, e-mail choices and digests (three queries)."""
    return {
        "notifications": [
            {
                "kind": n.kind,
                "title": n.title,
                "text": n.text,
                "link": n.link,
                "created_at": _time(n.created_at),
                "read_at": _time(n.read_at),
                "email": n.email,
            }
            for n in Notification.objects.filter(recipient=user).order_by("created_at", "pk")
        ],
        "notification_preferences": [
            {"kind": p.kind, "label": str(kinds.get(p.kind).label), "email": p.email}
            for p in Preference.objects.filter(user=user).order_by("kind")
        ],
        "notification_digests": [
            {"period": d.period, "period_start": d.period_start.isoformat(), "notifications": d.notification_count}
            for d in Digest.objects.filter(user=user).order_by("created_at", "pk")
        ],
    }


def user_erase(user) -> None:
    notifications_erase(user=user)
