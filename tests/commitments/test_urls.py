"""Row addresses are built without reverse() per row, and are the addresses reverse() gives."""

import pytest
from django.test import override_settings
from django.urls import reverse, set_script_prefix

from tests.factories import ActionPlanFactory, CommitmentFactory, MemberFactory, PolicyAreaFactory

pytestmark = pytest.mark.django_db


def _expected(commitment, area):
    plan, member = commitment.action_plan, commitment.action_plan.member
    return [
        reverse("commitments:commitment-detail", args=[commitment.pk]),
        reverse("commitments:actionplan-detail", args=[plan.pk]),
        reverse("commitments:workspace-plan", args=[plan.pk]),
        reverse("commitments:member-detail", args=[member.slug]),
        reverse("commitments:commitment-list") + f"?policy_area={area.slug}",
    ]


def _built(commitment, area):
    plan = commitment.action_plan
    return [
        commitment.get_absolute_url(),
        plan.get_absolute_url(),
        plan.get_workspace_url(),
        plan.member.get_absolute_url(),
        area.get_absolute_url(),
    ]


def test_row_addresses_are_the_reversed_ones_under_any_script_prefix():
    member = MemberFactory(slug="city-of-7350917351")
    commitment = CommitmentFactory(action_plan=ActionPlanFactory(member=member))
    area = PolicyAreaFactory(slug="open-contracting")
    assert _built(commitment, area) == _expected(commitment, area)
    assert _built(commitment, area)[0] == f"/commitments/{commitment.pk}/"
    try:
        set_script_prefix("/portal/")
        assert _built(commitment, area) == _expected(commitment, area)
        assert _built(commitment, area)[0].startswith("/portal/commitments/")
    finally:
        set_script_prefix("/")


@override_settings(ROOT_URLCONF="bench.urls")
def test_row_addresses_follow_the_urlconf():
    commitment = CommitmentFactory()
    area = PolicyAreaFactory()
    assert _built(commitment, area) == _expected(commitment, area)
