from celery import shared_task


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=5)
def response_published_notify_task(self, response_id: int) -> int:
    """E-mail the author and followers of a proposal that got its response (idempotent: stamped once)."""
    from django.db import OperationalError

    from consultations.services import response_notify

    try:
        return response_notify(response_id=response_id)
    except OperationalError as exc:  # database briefly unreachable
        if self.request.is_eager:
            raise
        raise self.retry(exc=exc, countdown=30 * 2**self.request.retries) from exc


@shared_task(acks_late=True, reject_on_worker_lost=True)
def response_reminders_task() -> int:
    """Periodic: remind points of contact as response deadlines near (one e-mail per deadline step)."""
    from consultations.services import response_reminders_send

    return response_reminders_send()


@shared_task
def response_notify_sweep_task() -> int:
    """Periodic: notify the published responses whose notification was never queued or was lost."""
    from consultations.services import response_notify_sweep

    return response_notify_sweep()
