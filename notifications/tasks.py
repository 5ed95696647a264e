from celery import shared_task

from notifications.digests import digests_send


@shared_task(acks_late=True, reject_on_worker_lost=True)
def notification_digests_task(period: str) -> int:
    """Send the daily or weekly digests due (beat: `notification-digests-daily` / `-weekly`). Idempotent."""
    return digests_send(period=period)
