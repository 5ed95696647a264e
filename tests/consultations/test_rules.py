"""Who may do what, as role × state matrices per permission."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from commitments.models import ActionPlan
from consultations.models import Comment
from tests.factories import MemberFactory, UserFactory
from tests.factories.consultations import CommentFactory, ConsultationFactory, ForumFactory, ProposalFactory

pytestmark = pytest.mark.django_db
ROLES = ["anonymous", "participant", "author", "researcher", "own_contact", "other_contact", "staff"]
AUTHENTICATED = set(ROLES) - {"anonymous"}
MANAGERS = {"own_contact", "staff"}
PUBLIC = {"submitted", "under_review", "accepted", "withdrawn"}
CONSULTATION_STATES = {"open": {}, "closed": {"closed": True}, "cancelled": {"cancelled": True}}
PROPOSAL_STATES = {
    "draft": {"draft": True},
    "submitted": {},
    "under_review": {"under_review": True},
    "accepted": {"status": "accepted"},
    "withdrawn": {"withdrawn": True},
    "hidden": {"is_hidden": True},
}


def make_users(member, author):
    return {
        "anonymous": AnonymousUser(),
        "participant": UserFactory(),
        "author": author,
        "researcher": UserFactory(researcher=True),
        "own_contact": UserFactory(point_of_contact_of=member),
        "other_contact": UserFactory(point_of_contact_of=MemberFactory()),
        "staff": UserFactory(staff=True),
    }


# permission -> (roles, consultation states, proposal states) in which it is granted
PROPOSAL_MATRIX = {
    "consultations.edit_proposal": ({"author"}, {"open"}, {"draft", "submitted"}),
    "consultations.submit_proposal": ({"author"}, {"open"}, {"draft"}),
    "consultations.discard_proposal": ({"author"}, set(CONSULTATION_STATES), {"draft"}),
    "consultations.withdraw_proposal": ({"author"}, {"open"}, {"submitted", "under_review", "hidden"}),
    "consultations.support_proposal": ({"participant"}, {"open"}, {"submitted", "under_review", "accepted"}),
    "consultations.comment_proposal": ({"participant", "author", "own_contact", "staff"}, {"open"}, PUBLIC),
    "consultations.follow_proposal": (AUTHENTICATED, set(CONSULTATION_STATES), PUBLIC),
    "consultations.flag_proposal": (AUTHENTICATED - {"author"}, set(CONSULTATION_STATES), PUBLIC),
    "consultations.respond_proposal": (
        MANAGERS,
        set(CONSULTATION_STATES),
        {"submitted", "under_review", "accepted", "hidden"},
    ),
    "consultations.route_proposal": (MANAGERS, set(CONSULTATION_STATES), {"submitted", "under_review", "hidden"}),
    "consultations.translate_proposal": (
        MANAGERS | {"author"},
        set(CONSULTATION_STATES),
        {"submitted", "under_review", "accepted", "withdrawn"},
    ),
}


@pytest.mark.parametrize("proposal_state", sorted(PROPOSAL_STATES))
@pytest.mark.parametrize("consultation_state", sorted(CONSULTATION_STATES))
@pytest.mark.parametrize("perm", sorted(PROPOSAL_MATRIX))
def test_proposal_permission_matrix(perm, consultation_state, proposal_state):
    consultation = ConsultationFactory(**CONSULTATION_STATES[consultation_state])
    proposal = ProposalFactory(consultation=consultation, **PROPOSAL_STATES[proposal_state])
    users = make_users(consultation.action_plan.member, proposal.author)
    roles, consultation_states, proposal_states = PROPOSAL_MATRIX[perm]
    for role, user in users.items():
        expected = role in roles and consultation_state in consultation_states and proposal_state in proposal_states
        assert user.has_perm(perm, proposal) is expected, (role, consultation_state, proposal_state)


@pytest.mark.parametrize("proposal_state", sorted(PROPOSAL_STATES))
def test_who_sees_a_proposal(proposal_state):
    proposal = ProposalFactory(**PROPOSAL_STATES[proposal_state])
    users = make_users(proposal.consultation.action_plan.member, proposal.author)
    allowed = {
        "draft": {"author"},
        "hidden": {"author", "own_contact", "staff"},
    }.get(proposal_state, set(ROLES))
    for role, user in users.items():
        assert user.has_perm("consultations.read_proposal", proposal) is (role in allowed), role


CONSULTATION_MATRIX = {
    "consultations.write_proposal": ({"participant", "author"}, {"open"}),
    "consultations.manage_consultation": (MANAGERS, {"open", "closed", "cancelled", "upcoming"}),
    "consultations.edit_consultation": (MANAGERS, {"open", "closed", "upcoming"}),
    "consultations.end_consultation": (MANAGERS, {"open", "upcoming"}),
}


@pytest.mark.parametrize("state", ["open", "closed", "cancelled", "upcoming"])
@pytest.mark.parametrize("perm", sorted(CONSULTATION_MATRIX))
def test_consultation_permission_matrix(perm, state):
    consultation = ConsultationFactory(**({state: True} if state != "open" else {}))
    users = make_users(consultation.action_plan.member, UserFactory())
    roles, states = CONSULTATION_MATRIX[perm]
    for role, user in users.items():
        assert user.has_perm(perm, consultation) is (role in roles and state in states), role


@pytest.mark.parametrize("status", list(ActionPlan.Status))
def test_consultations_are_opened_by_managers_on_running_plans(status):
    consultation = ConsultationFactory(action_plan__status=status)
    plan = consultation.action_plan
    running = status not in (ActionPlan.Status.COMPLETED, ActionPlan.Status.WITHDRAWN)
    for role, user in make_users(plan.member, UserFactory()).items():
        assert user.has_perm("consultations.open_consultation", plan) is (role in MANAGERS and running), role


@pytest.mark.parametrize("perm", ["consultations.manage_forum", "consultations.manage_responsetemplates"])
def test_member_level_rights_belong_to_its_managers(perm):
    forum = ForumFactory()
    for role, user in make_users(forum.member, UserFactory()).items():
        assert user.has_perm(perm, forum.member) is (role in MANAGERS), role


@pytest.mark.parametrize(
    ("case", "expected_roles"),
    [
        ("fresh", {"author"}),
        ("old", set()),
        ("hidden", set()),
    ],
)
def test_comment_authors_edit_for_a_short_while(case, expected_roles, settings):
    comment = CommentFactory(is_hidden=case == "hidden")
    if case == "old":
        Comment.objects.filter(pk=comment.pk).update(
            created_at=timezone.now() - timedelta(minutes=settings.CONSULTATION_COMMENT_EDIT_MINUTES + 1)
        )
        comment.refresh_from_db()
    users = make_users(comment.proposal.consultation.action_plan.member, comment.author)
    for role, user in users.items():
        assert user.has_perm("consultations.edit_comment", comment) is (role in expected_roles), role


def test_replies_go_to_top_level_comments_of_open_consultations():
    comment = CommentFactory()
    reply = CommentFactory(proposal=comment.proposal, parent=comment)
    user = UserFactory()
    assert user.has_perm("consultations.reply_comment", comment)
    assert not user.has_perm("consultations.reply_comment", reply)
    assert not user.has_perm("consultations.flag_comment", CommentFactory(author=user))


@pytest.mark.parametrize("perm", ["consultations.moderate", "consultations.assess_requirements"])
def test_only_support_staff_moderate_and_assess(perm):
    users = make_users(MemberFactory(), UserFactory())
    for role, user in users.items():
        assert user.has_perm(perm) is (role == "staff"), role


def test_a_deactivated_point_of_contact_loses_every_right(proposal, member):
    user = UserFactory(point_of_contact_of=member, is_active=False)
    assert not user.has_perm("consultations.respond_proposal", proposal)
    assert not user.has_perm("consultations.manage_consultation", proposal.consultation)
