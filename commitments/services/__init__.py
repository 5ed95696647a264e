"""Writes of the commitments app. Every state rule is enforced here, whoever the caller is."""

from commitments.services.figures import headline_figures_current, headline_figures_refresh
from commitments.services.follows import (
    commitment_follow,
    commitment_followers_notify,
    commitment_unfollow,
    overdue_milestones_notify,
    unfollow_token,
    unfollow_token_read,
)
from commitments.services.institutions import (
    institution_contact_add,
    institution_contact_remove,
    institution_contacts_remove_for_user,
)
from commitments.services.members import member_status_change, member_status_refresh, organisation_for_name
from commitments.services.plans import (
    action_plan_create,
    action_plan_transition,
    action_plan_update,
    commitment_create,
    commitment_update,
)
from commitments.services.progress import (
    commitment_completion_refresh,
    milestone_create,
    milestone_update,
    progress_update_create,
)

__all__ = [
    "action_plan_create",
    "action_plan_transition",
    "action_plan_update",
    "commitment_completion_refresh",
    "commitment_create",
    "commitment_follow",
    "commitment_followers_notify",
    "commitment_unfollow",
    "commitment_update",
    "headline_figures_current",
    "headline_figures_refresh",
    "institution_contact_add",
    "institution_contact_remove",
    "institution_contacts_remove_for_user",
    "member_status_change",
    "member_status_refresh",
    "milestone_create",
    "milestone_update",
    "organisation_for_name",
    "overdue_milestones_notify",
    "progress_update_create",
    "unfollow_token",
    "unfollow_token_read",
]
