"""The rules of grant calls: every write goes through one of these keyword-only functions."""

from grants.services.applications import (
    application_create,
    application_submit,
    application_update,
    budget_check,
    eligibility_problems,
)
from grants.services.reviews import application_decide, milestone_add, milestone_receive, review_save

__all__ = [
    "application_create",
    "application_decide",
    "application_submit",
    "application_update",
    "budget_check",
    "eligibility_problems",
    "milestone_add",
    "milestone_receive",
    "review_save",
]
