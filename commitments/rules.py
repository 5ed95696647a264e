"""Who may change what: one predicate per rule, used by the web views, the API and templates."""

import rules

from commitments.models import ActionPlan, Commitment, Member, Milestone


def member_id_of(obj) -> int | None:
    """The member an object belongs to (objects are expected with their parents select_related)."""
    if isinstance(obj, Member):
        return obj.pk
    if isinstance(obj, ActionPlan):
        return obj.member_id
    if isinstance(obj, Commitment):
        return obj.action_plan.member_id
    if isinstance(obj, Milestone):
        return obj.commitment.action_plan.member_id
    return None


def plan_of(obj) -> ActionPlan | None:
    if isinstance(obj, ActionPlan):
        return obj
    if isinstance(obj, Commitment):
        return obj.action_plan
    if isinstance(obj, Milestone):
        return obj.commitment.action_plan
    return None


@rules.predicate
def is_support_staff(user) -> bool:
    return user.is_authenticated and user.is_active and user.is_staff


@rules.predicate
def is_any_point_of_contact(user) -> bool:
    return user.is_authenticated and user.is_active and user.is_point_of_contact


@rules.predicate
def is_point_of_contact(user, obj) -> bool:
    """The user is the point of contact of the member that owns obj."""
    return (
        obj is not None
        and user.is_authenticated
        and user.is_active
        and user.is_point_of_contact
        and user.member_id == member_id_of(obj)
    )


@rules.predicate
def is_plan_in_co_creation(user, obj) -> bool:
    plan = plan_of(obj)
    return plan is not None and plan.accepts_commitment_changes


@rules.predicate
def is_plan_in_implementation(user, obj) -> bool:
    plan = plan_of(obj)
    return plan is not None and plan.accepts_progress


is_plan_manager = is_support_staff | is_point_of_contact

rules.add_perm("commitments.use_workspace", is_support_staff | is_any_point_of_contact)
# obj: the member
rules.add_perm("commitments.add_actionplan", is_plan_manager)
# obj: the action plan
rules.add_perm("commitments.change_actionplan", is_plan_manager & is_plan_in_co_creation)
rules.add_perm("commitments.transition_actionplan", is_plan_manager)
rules.add_perm("commitments.add_commitment", is_plan_manager & is_plan_in_co_creation)
# obj: the commitment
rules.add_perm("commitments.change_commitment", is_plan_manager & is_plan_in_co_creation)
rules.add_perm("commitments.add_milestone", is_plan_manager & is_plan_in_co_creation)
rules.add_perm("commitments.add_progressupdate", is_plan_manager & is_plan_in_implementation)
# obj: the milestone
rules.add_perm("commitments.change_milestone", is_plan_manager & (is_plan_in_co_creation | is_plan_in_implementation))
