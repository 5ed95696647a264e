from celery import shared_task

from common.content_translations import machine_translate_by_label
from consultations.services import referral_reminders_send, response_reminders_send


@shared_task(acks_late=True, reject_on_worker_lost=True)
def response_reminders_task() -> int:
    """Periodic: remind points of contact as response deadlines near (one e-mail per deadline step), and the
    contacts of institutions whose opinion on a referred proposal is wanted soon (once per referral).

    The reminders are outbox e-mails written with their `ResponseReminder` row (the referral's `reminded_on`);
    `email_send_task` sends them.
    """
    return response_reminders_send() + referral_reminders_send()


@shared_task(acks_late=True, reject_on_worker_lost=True)
def proposal_machine_translate_task(proposal_pk: int) -> list[str]:
    """The task's former name, for the tasks queued before the upgrade: common.tasks.machine_translate_task now
    translates every kind of text. Remove in the release after next."""
    return machine_translate_by_label("consultations.Proposal", proposal_pk)
