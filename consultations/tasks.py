from celery import shared_task

from common.machine_translation import MachineTranslationError
from consultations.services import referral_reminders_send, response_reminders_send
from consultations.services.translations import proposal_machine_translate


@shared_task(acks_late=True, reject_on_worker_lost=True)
def response_reminders_task() -> int:
    """Periodic: remind points of contact as response deadlines near (one e-mail per deadline step), and the
    contacts of institutions whose opinion on a referred proposal is wanted soon (once per referral).

    The reminders are outbox e-mails written with their `ResponseReminder` row (the referral's `reminded_on`);
    `email_send_task` sends them.
    """
    return response_reminders_send() + referral_reminders_send()


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(MachineTranslationError,),
    retry_backoff=60,
    retry_backoff_max=3600,
    max_retries=8,
)
def proposal_machine_translate_task(proposal_pk: int) -> list[str]:
    """Fill the languages a new or changed proposal lacks with machine translations (never a person's).

    The service failing (down, slow, a bad answer) is logged and retried later, with a growing delay.
    """
    return proposal_machine_translate(proposal_pk=proposal_pk)
