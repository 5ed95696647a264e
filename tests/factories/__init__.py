from tests.factories.accounts import OrganisationFactory, UserFactory
from tests.factories.commitments import (
    ActionPlanFactory,
    CommitmentFactory,
    MemberFactory,
    MilestoneFactory,
    PolicyAreaFactory,
    ProgressUpdateFactory,
)

__all__ = [
    "ActionPlanFactory",
    "CommitmentFactory",
    "MemberFactory",
    "MilestoneFactory",
    "OrganisationFactory",
    "PolicyAreaFactory",
    "ProgressUpdateFactory",
    "UserFactory",
]
