from celery import shared_task

from consultations.services import response_reminders_send


@shared_task(acks_late=True, reject_on_worker_lost=True)
def response_reminders_task() -> int:
    """Periodic: remind points of contact as response deadlines near (one e-mail per deadline step).

    The reminders are outbox e-mails written with their `ResponseReminder` row; `email_send_task` sends them.
    """
    return response_reminders_send()
