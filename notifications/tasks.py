from celery import shared_task

from notifications.digests import digests_send
from notifications.models import Delivery


@shared_task(acks_late=True, reject_on_worker_lost=True)
def notification_daily_digests_task() -> int:
    """Send the daily digests due (beat: `notification-digests-daily`). Idempotent: see notifications.digests."""
    return digests_send(period=Delivery.DAILY)


@shared_task(acks_late=True, reject_on_worker_lost=True)
def notification_weekly_digests_task() -> int:
    """Send the weekly digests due (beat: `notification-digests-weekly`, Mondays). Idempotent."""
    return digests_send(period=Delivery.WEEKLY)
