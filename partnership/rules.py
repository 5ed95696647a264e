"""Who may do what in the partnership app: staff ask for a new build of the open-data archive."""

import rules

from accounts.rules import is_support_staff

rules.add_perm("partnership.add_opendatabuild", is_support_staff)
