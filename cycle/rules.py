"""Who may do what with the cycle calendar and compliance (the roles are defined in accounts/rules.py)."""

import rules

from accounts.rules import is_member_manager, is_support_staff


@rules.predicate
def is_undecided(user, finding) -> bool:
    return finding is None or not finding.decision


# The calendar (partnership page and members' iCal feeds) is public, like the plans it is computed from.
rules.add_perm("cycle.view_cyclestep", rules.always_allow)
# Compliance is the support unit's work list until a decision is published as a member's status event.
rules.add_perm("cycle.view_compliancefinding", is_support_staff)
rules.add_perm("cycle.decide_compliancefinding", is_support_staff & is_undecided)
rules.add_perm("cycle.change_cyclestep", is_support_staff)
# Challenge areas: public pages; a member's point of contact (or staff) declares the member's challenge and
# tags its commitments.
rules.add_perm("cycle.view_challengearea", rules.always_allow)
rules.add_perm("cycle.declare_memberchallenge", is_member_manager)
rules.add_perm("cycle.tag_commitment", is_member_manager)
