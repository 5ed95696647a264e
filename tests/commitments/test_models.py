from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from commitments.models import Commitment, Member, Milestone, commitment_sort_key
from tests.factories import ActionPlanFactory, CommitmentFactory, MemberFactory, MilestoneFactory

pytestmark = pytest.mark.django_db


def test_plan_period_must_end_after_it_starts():
    """The database refuses an action plan that ends before it starts."""
    with pytest.raises(IntegrityError), transaction.atomic():
        ActionPlanFactory(start_date=date(2025, 1, 1), end_date=date(2024, 1, 1))


def test_plan_numbers_are_unique_per_member_only():
    first = ActionPlanFactory(number=1)
    ActionPlanFactory(number=1)  # another member may have its own plan 1
    with pytest.raises(IntegrityError), transaction.atomic():
        ActionPlanFactory(member=first.member, number=1)


def test_commitment_numbers_are_unique_within_a_plan():
    commitment = CommitmentFactory(number="3.1")
    CommitmentFactory(number="3.1")
    with pytest.raises(ValidationError) as error:
        Commitment(action_plan=commitment.action_plan, number="3.1", title="Duplicate").full_clean()
    assert "already has a commitment with this number" in str(error.value)


def test_ogp_identifier_is_unique_when_known_and_optional_otherwise():
    CommitmentFactory(ogp_id="UK0107")
    CommitmentFactory(ogp_id="")
    CommitmentFactory(ogp_id="")
    with pytest.raises(IntegrityError), transaction.atomic():
        CommitmentFactory(ogp_id="UK0107")


def test_commitments_are_listed_in_natural_number_order():
    plan = ActionPlanFactory()
    for number in ["2.10", "10", "2.9", "1", "2.1"]:
        CommitmentFactory(action_plan=plan, number=number)
    assert [c.number for c in plan.commitments.all()] == ["1", "2.1", "2.9", "2.10", "10"]
    assert commitment_sort_key("3.1") < commitment_sort_key("3.2") < commitment_sort_key("12")


def test_only_a_local_member_has_a_national_member():
    national = MemberFactory(country="GE")
    with pytest.raises(IntegrityError), transaction.atomic():
        MemberFactory(country="GE", parent=national)  # a national member under another
    local = MemberFactory(local=True, country="GE", parent=national)
    assert list(national.local_members.all()) == [local]


def test_local_member_parent_must_be_national_and_same_country():
    national = MemberFactory(country="GE")
    local = Member(name="Paris", slug="paris-x", kind="local", country="FR", region="europe", parent=national)
    with pytest.raises(ValidationError) as error:
        local.full_clean()
    assert "same country" in str(error.value)


def test_completed_milestone_needs_a_completion_date_in_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        MilestoneFactory(status=Milestone.Status.COMPLETED, completed_on=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        MilestoneFactory(status=Milestone.Status.IN_PROGRESS, completed_on=date(2025, 1, 1))


def test_milestone_due_date_must_fall_within_the_plan_period():
    milestone = MilestoneFactory.build(
        commitment=CommitmentFactory(), due_date=date(2030, 1, 1), description="Too late"
    )
    with pytest.raises(ValidationError) as error:
        milestone.full_clean()
    assert "within the action plan period" in str(error.value)


def test_overdue_milestones_are_those_past_due_and_not_done():
    yesterday = date.today() - timedelta(days=1)
    plan = ActionPlanFactory(start_date=yesterday - timedelta(days=400), end_date=yesterday + timedelta(days=400))
    late = MilestoneFactory(commitment__action_plan=plan, due_date=yesterday)
    done = MilestoneFactory(commitment__action_plan=plan, due_date=yesterday, completed=True)
    assert late.is_overdue and not done.is_overdue


def test_a_national_or_local_member_has_a_country_and_another_member_may_not():
    """OGP's data has members that are neither national nor local ("Other")."""
    for kind in (Member.Kind.NATIONAL, Member.Kind.LOCAL):
        member = Member(name="Somewhere", slug=f"somewhere-{kind}", kind=kind, region="europe")
        with pytest.raises(ValidationError) as error:
            member.full_clean()
        assert "country" in error.value.message_dict
    Member(name="A regional body", slug="a-regional-body", kind=Member.Kind.OTHER, region="europe").full_clean()
