"""Who may change what: one predicate per rule, used by the web views, the API and templates.

The roles (support staff, point of contact of the member) are defined once, in accounts/rules.py.
"""

import rules

from accounts.rules import is_any_point_of_contact, is_member_manager, is_support_staff, owned_by_member
from commitments import selectors
from commitments.models import ActionPlan, Commitment, InstitutionContact, Member, Milestone

# Objects are expected with their parents select_related.
owned_by_member(Member, lambda member: member.pk)
owned_by_member(ActionPlan, lambda plan: plan.member_id)
owned_by_member(Commitment, lambda commitment: commitment.action_plan.member_id)
owned_by_member(Milestone, lambda milestone: milestone.commitment.action_plan.member_id)
owned_by_member(InstitutionContact, lambda contact: contact.institution.member_id)


def plan_of(obj) -> ActionPlan | None:
    if isinstance(obj, ActionPlan):
        return obj
    if isinstance(obj, Commitment):
        return obj.action_plan
    if isinstance(obj, Milestone):
        return obj.commitment.action_plan
    return None


@rules.predicate
def is_plan_in_co_creation(user, obj) -> bool:
    plan = plan_of(obj)
    return plan is not None and plan.accepts_commitment_changes


@rules.predicate
def is_plan_in_implementation(user, obj) -> bool:
    plan = plan_of(obj)
    return plan is not None and plan.accepts_progress


@rules.predicate
def is_institution_contact(user, obj) -> bool:
    """A contact, now, of the lead or a supporting institution of the commitment (commitments.InstitutionContact)."""
    return isinstance(obj, Commitment) and selectors.is_commitment_institution_contact(user=user, commitment=obj)


@rules.predicate
def is_lead_institution_contact(user, obj) -> bool:
    """A contact, now, of the commitment's lead institution."""
    return isinstance(obj, Commitment) and selectors.is_institution_contact(
        user=user, institution_ids=[obj.lead_institution_id]
    )


rules.add_perm("commitments.use_workspace", is_support_staff | is_any_point_of_contact)
# obj: the member
rules.add_perm("commitments.add_actionplan", is_member_manager)
# obj: the action plan
rules.add_perm("commitments.change_actionplan", is_member_manager & is_plan_in_co_creation)
rules.add_perm("commitments.transition_actionplan", is_member_manager)
rules.add_perm("commitments.add_commitment", is_member_manager & is_plan_in_co_creation)
# obj: the commitment
rules.add_perm("commitments.change_commitment", is_member_manager & is_plan_in_co_creation)
rules.add_perm("commitments.add_milestone", is_member_manager & is_plan_in_co_creation)
# Its texts and its milestones' in other languages, whatever the plan's status: a translation never changes them.
rules.add_perm("commitments.translate_commitment", is_member_manager)
# The member's team, or a contact of an institution that leads or supports the commitment.
rules.add_perm(
    "commitments.add_progressupdate", is_plan_in_implementation & (is_member_manager | is_institution_contact)
)
# obj: the member (its institutions' contacts)
rules.add_perm("commitments.manage_institutioncontacts", is_member_manager)
# obj: the contact
rules.add_perm("commitments.remove_institutioncontact", is_member_manager)
# obj: the milestone
rules.add_perm("commitments.change_milestone", is_member_manager & (is_plan_in_co_creation | is_plan_in_implementation))
# obj: the commitment (anyone signed in follows any public commitment; the one-click link needs no sign-in)
rules.add_perm("commitments.follow_commitment", rules.is_authenticated)
# Admin: support staff manage the contacts of every institution.
for _action in ("view", "add", "change", "delete"):
    rules.add_perm(f"commitments.{_action}_institutioncontact", is_support_staff)
