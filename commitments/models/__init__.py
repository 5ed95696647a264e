"""Members, action plans, commitments, milestones, progress, and the reference data they use."""

from commitments.models.commitment import (
    Commitment,
    CommitmentQuerySet,
    Completion,
    Milestone,
    commitment_sort_key,
    milestone_overdue,
)
from commitments.models.figures import HeadlineFigures
from commitments.models.follow import CommitmentFollow, OverdueMilestoneNotice
from commitments.models.institution import InstitutionContact
from commitments.models.member import Institution, Member, MemberQuerySet, MemberStatusEvent
from commitments.models.plan import ActionPlan, ActionPlanQuerySet
from commitments.models.progress import ProgressUpdate
from commitments.models.reference import PolicyArea, Region, StandardRequirement, StandardRequirementQuerySet
from commitments.models.translation import CommitmentTranslation, MilestoneTranslation

__all__ = [
    "ActionPlan",
    "ActionPlanQuerySet",
    "Commitment",
    "CommitmentFollow",
    "CommitmentQuerySet",
    "CommitmentTranslation",
    "Completion",
    "HeadlineFigures",
    "Institution",
    "InstitutionContact",
    "Member",
    "MemberQuerySet",
    "MemberStatusEvent",
    "Milestone",
    "MilestoneTranslation",
    "OverdueMilestoneNotice",
    "PolicyArea",
    "ProgressUpdate",
    "Region",
    "StandardRequirement",
    "StandardRequirementQuerySet",
    "commitment_sort_key",
    "milestone_overdue",
]
