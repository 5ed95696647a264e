from cycle.models.calendar import CycleReminder, CycleStep, CycleStepQuerySet
from cycle.models.compliance import ComplianceFinding

__all__ = ["ComplianceFinding", "CycleReminder", "CycleStep", "CycleStepQuerySet"]
