"""What the cycle app holds about a person (`accounts.privacy.register`, from `CycleConfig.ready()`).

Only who decided a compliance finding or corrected a calendar date: support staff, whose decisions are
the partnership's record. The rows keep pointing at the anonymised account.
"""

COVERS = ()
KEEPS = {
    "cycle.ComplianceFinding.decided_by": "a compliance decision of support staff, kept as the partnership's "
    "record: the row keeps pointing at the anonymised account",
}
