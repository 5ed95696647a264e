from celery import shared_task

from commitments.models import Member
from cycle.services import compliance_check, cycle_refresh_all, cycle_reminders_send, member_cycle_refresh


@shared_task(acks_late=True, reject_on_worker_lost=True)
def member_cycle_refresh_task(member_id: int) -> int:
    """After a change of one of the member's plans: its cycle computed again."""
    member = Member.objects.filter(pk=member_id).first()
    return member_cycle_refresh(member=member) if member else 0


@shared_task(acks_late=True, reject_on_worker_lost=True)
def cycle_daily_task() -> dict:
    """Periodic (beat, daily): every cycle computed again (steps fall due, plans change by import), then the
    compliance check on the fresh calendar, then the reminders due today (once per step and lead time)."""
    return {
        "calendar": cycle_refresh_all(),
        "compliance": compliance_check(),
        "reminders": cycle_reminders_send(),
    }
