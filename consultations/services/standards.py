"""Support staff's assessments of the co-creation standards' minimum requirements, per action plan."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from commitments.models import ActionPlan, StandardRequirement
from consultations.models import RequirementMark


@transaction.atomic
def requirement_mark_set(
    *, action_plan: ActionPlan, requirement: StandardRequirement, status: str, note: str = "", set_by: User | None
) -> RequirementMark:
    """Set (or change) the assessment of one minimum requirement for a plan; it prevails over the computed one."""
    if not (requirement.version == StandardRequirement.Version.V2021 and requirement.is_minimum):
        raise ValidationError({"requirement": _("Only the minimum requirements of the 2021 standards are assessed.")})
    mark = RequirementMark.objects.select_for_update().filter(action_plan=action_plan, requirement=requirement).first()
    mark = mark or RequirementMark(action_plan=action_plan, requirement=requirement)
    mark.status = status
    mark.note = (note or "").strip()
    mark.set_by = set_by
    mark.full_clean()
    mark.save()
    return mark


@transaction.atomic
def requirement_mark_clear(*, mark: RequirementMark) -> None:
    """Back to the computed assessment (or to "not yet assessable")."""
    mark.delete()
