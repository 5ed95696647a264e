from tests.factories.accounts import OrganisationFactory, UserFactory
from tests.factories.commitments import (
    ActionPlanFactory,
    CommitmentFactory,
    InstitutionContactFactory,
    InstitutionFactory,
    MemberFactory,
    MilestoneFactory,
    PolicyAreaFactory,
    ProgressUpdateFactory,
)

__all__ = [
    "ActionPlanFactory",
    "CommitmentFactory",
    "InstitutionContactFactory",
    "InstitutionFactory",
    "MemberFactory",
    "MilestoneFactory",
    "OrganisationFactory",
    "PolicyAreaFactory",
    "ProgressUpdateFactory",
    "UserFactory",
]
