"""Who may see what of the analytics: the public pages are open; the support unit's dashboard is staff's."""

import rules

from accounts.rules import is_support_staff

rules.add_perm("analytics.view_dashboard", is_support_staff)
