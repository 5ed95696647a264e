from cycle.services.calendar import cycle_refresh_all, cycle_step_correct, member_cycle_refresh
from cycle.services.challenges import commitment_tag, member_challenge_declare
from cycle.services.compliance import compliance_check, finding_decide
from cycle.services.reminders import cycle_reminders_send

__all__ = [
    "commitment_tag",
    "compliance_check",
    "cycle_refresh_all",
    "cycle_reminders_send",
    "cycle_step_correct",
    "finding_decide",
    "member_challenge_declare",
    "member_cycle_refresh",
]
