from celery import shared_task

from monitoring.services.reminders import answer_reminders_send


@shared_task(acks_late=True, reject_on_worker_lost=True)
def answer_reminders_task() -> int:
    """Periodic: remind points of contact of the reports whose answer is due within a week, then overdue."""
    return answer_reminders_send()
