"""Who may do what, as a role × plan-status matrix per permission."""

import pytest

from commitments.models import ActionPlan
from tests.factories import CommitmentFactory, MemberFactory, MilestoneFactory, UserFactory

pytestmark = pytest.mark.django_db
S = ActionPlan.Status
ROLES = ["anonymous", "participant", "researcher", "own_contact", "other_contact", "staff"]


def make_user(role, member):
    from django.contrib.auth.models import AnonymousUser

    return {
        "anonymous": lambda: AnonymousUser(),
        "participant": lambda: UserFactory(),
        "researcher": lambda: UserFactory(researcher=True),
        "own_contact": lambda: UserFactory(point_of_contact_of=member),
        "other_contact": lambda: UserFactory(point_of_contact_of=MemberFactory()),
        "staff": lambda: UserFactory(staff=True),
    }[role]()


MANAGERS = {"own_contact", "staff"}
# permission -> plan statuses in which a manager holds it
MATRIX = {
    "commitments.change_actionplan": {S.CO_CREATION},
    "commitments.add_commitment": {S.CO_CREATION},
    "commitments.change_commitment": {S.CO_CREATION},
    "commitments.add_milestone": {S.CO_CREATION},
    "commitments.change_milestone": {S.CO_CREATION, S.IMPLEMENTATION},
    "commitments.add_progressupdate": {S.IMPLEMENTATION},
    "commitments.transition_actionplan": set(S),
}
OBJECT_OF = {
    "commitments.change_actionplan": lambda m: m.commitment.action_plan,
    "commitments.add_commitment": lambda m: m.commitment.action_plan,
    "commitments.transition_actionplan": lambda m: m.commitment.action_plan,
    "commitments.change_commitment": lambda m: m.commitment,
    "commitments.add_milestone": lambda m: m.commitment,
    "commitments.add_progressupdate": lambda m: m.commitment,
    "commitments.change_milestone": lambda m: m,
}


@pytest.mark.parametrize("status", list(S))
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("perm", sorted(MATRIX))
def test_permission_matrix(perm, role, status):
    milestone = MilestoneFactory(commitment=CommitmentFactory(action_plan__status=status))
    user = make_user(role, milestone.commitment.action_plan.member)
    expected = role in MANAGERS and status in MATRIX[perm]
    assert user.has_perm(perm, OBJECT_OF[perm](milestone)) is expected


@pytest.mark.parametrize("role", ROLES)
def test_only_managers_add_plans_to_their_member(role):
    member = MemberFactory()
    user = make_user(role, member)
    assert user.has_perm("commitments.add_actionplan", member) is (role in MANAGERS)


def test_a_deactivated_point_of_contact_loses_every_right():
    member = MemberFactory()
    user = UserFactory(point_of_contact_of=member, is_active=False)
    assert not user.has_perm("commitments.add_actionplan", member)
