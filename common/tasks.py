"""Celery tasks of the infrastructure: sending the outbox's e-mails, and the sweeps of the outbox and of the jobs."""

from celery import shared_task

from common.content_translations import machine_translate_by_label
from common.jobs import job_kinds, jobs_requeue_stale
from common.machine_translation import MachineTranslationError
from common.outbox import email_outbox_sweep, email_send


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=5)
def email_send_task(self, email_id: int) -> str:
    """Send one e-mail of the outbox; retried with backoff while the mail server is unreachable."""
    try:
        email = email_send(email_id=email_id)
    except OSError as exc:
        if self.request.is_eager:  # embedded default: no retry loop inside a web request
            return "pending"
        raise self.retry(exc=exc, countdown=30 * 2**self.request.retries) from exc
    return email.status if email else "missing"


@shared_task
def email_outbox_sweep_task() -> int:
    """Periodic: re-queue e-mails left pending (the one sweep of the outbox)."""
    return email_outbox_sweep()


@shared_task
def jobs_sweep_task() -> dict[str, int]:
    """Periodic: re-queue the silent jobs of every kind (common/jobs.py); how many of each."""
    return {model._meta.label: jobs_requeue_stale(model) for model in job_kinds()}


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(MachineTranslationError,),
    retry_backoff=60,
    retry_backoff_max=3600,
    max_retries=8,
)
def machine_translate_task(label: str, pk: int) -> list[str]:
    """Fill the languages a new or changed text ("app.Model", pk) lacks with machine translations (never over a
    person's). The service failing (down, slow, a bad answer) is logged and retried later, with a growing delay."""
    return machine_translate_by_label(label, pk)
