"""The roles, defined once in accounts/rules.py and used by every app's permissions."""

import pytest
from django.contrib.auth.models import AnonymousUser

from accounts.rules import (
    is_any_point_of_contact,
    is_member_manager,
    is_participant,
    is_point_of_contact,
    is_researcher,
    is_support_staff,
    member_id_of,
)
from consultations.models import ForumSeat
from tests.factories import ActionPlanFactory, MemberFactory, UserFactory
from tests.factories.consultations import ForumSeatFactory

pytestmark = pytest.mark.django_db


def test_each_role_is_one_predicate():
    member = MemberFactory()
    users = {
        "participant": UserFactory(),
        "contact": UserFactory(point_of_contact_of=member),
        "researcher": UserFactory(researcher=True),
        "staff": UserFactory(staff=True),
        "inactive_staff": UserFactory(staff=True, is_active=False),
        "anonymous": AnonymousUser(),
    }
    roles = {
        "participant": is_participant,
        "contact": is_any_point_of_contact,
        "researcher": is_researcher,
        "staff": is_support_staff,
    }
    for name, user in users.items():
        assert {role for role, predicate in roles.items() if predicate.test(user)} == (
            {name} if name in roles else set()
        ), name


def test_a_point_of_contact_manages_what_their_member_owns_in_any_app():
    seat = ForumSeat.objects.select_related("forum__member").get(pk=ForumSeatFactory().pk)
    plan = ActionPlanFactory(member=seat.forum.member)
    contact = UserFactory(point_of_contact_of=seat.forum.member)
    other = UserFactory(point_of_contact_of=MemberFactory())
    assert member_id_of(seat) == member_id_of(plan) == seat.forum.member_id
    assert is_point_of_contact.test(contact, seat) and is_point_of_contact.test(contact, plan)
    assert not is_point_of_contact.test(other, seat) and not is_member_manager.test(other, plan)
    assert is_member_manager.test(UserFactory(staff=True), plan)


def test_an_object_no_app_registered_belongs_to_no_member():
    contact = UserFactory(point_of_contact_of=MemberFactory())
    assert member_id_of(contact) is None
    assert not is_point_of_contact.test(contact, contact) and not is_point_of_contact.test(contact, None)
