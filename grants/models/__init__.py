"""Grant calls, applications, reviews and reporting milestones."""

from grants.models.applications import ApplicationAnswer, ApplicationAttachment, BudgetLine, GrantApplication
from grants.models.calls import CallQuestion, Criterion, GrantCall
from grants.models.reviews import SCORE_MAX, ReportingMilestone, Review, ReviewScore

__all__ = [
    "SCORE_MAX",
    "ApplicationAnswer",
    "ApplicationAttachment",
    "BudgetLine",
    "CallQuestion",
    "Criterion",
    "GrantApplication",
    "GrantCall",
    "ReportingMilestone",
    "Review",
    "ReviewScore",
]
