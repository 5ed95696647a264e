"""Demo data of the cycle: every member's calendar computed from the demo plans, and the compliance check.

Idempotent: a second run changes nothing (the same rows are computed; findings are found again, not added).
"""

from cycle.services import compliance_check, cycle_refresh_all


def seed_cycle() -> dict:
    return {"cycle_rows_changed": cycle_refresh_all(), "compliance": compliance_check()}
