from cycle.models.calendar import CycleReminder, CycleStep, CycleStepQuerySet
from cycle.models.challenges import ChallengeArea, MemberChallenge, SDGTarget
from cycle.models.compliance import ComplianceFinding

__all__ = [
    "ChallengeArea",
    "ComplianceFinding",
    "CycleReminder",
    "CycleStep",
    "CycleStepQuerySet",
    "MemberChallenge",
    "SDGTarget",
]
