from datetime import date

import pytest
from django.core.exceptions import ValidationError

from accounts.models import Organisation
from commitments import services
from commitments.models import ActionPlan, Member, Milestone
from tests.factories import (
    ActionPlanFactory,
    CommitmentFactory,
    MemberFactory,
    MilestoneFactory,
    PolicyAreaFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
S = ActionPlan.Status

ALL_TRANSITIONS = [(a, b) for a in S for b in S if a != b]
ALLOWED = {
    (S.CO_CREATION, S.SUBMITTED),
    (S.CO_CREATION, S.WITHDRAWN),
    (S.SUBMITTED, S.CO_CREATION),
    (S.SUBMITTED, S.IMPLEMENTATION),
    (S.SUBMITTED, S.WITHDRAWN),
    (S.IMPLEMENTATION, S.COMPLETED),
    (S.IMPLEMENTATION, S.WITHDRAWN),
}


@pytest.mark.parametrize(("from_status", "to_status"), ALL_TRANSITIONS)
def test_only_the_allowed_plan_transitions_happen(from_status, to_status):
    """Every pair of statuses: the allowed ones change the plan, the others are refused unchanged."""
    plan = ActionPlanFactory(status=from_status)
    CommitmentFactory(action_plan=plan)
    if (from_status, to_status) in ALLOWED:
        assert services.action_plan_transition(plan=plan, to_status=to_status).status == to_status
    else:
        with pytest.raises(ValidationError):
            services.action_plan_transition(plan=plan, to_status=to_status)
        plan.refresh_from_db()
        assert plan.status == from_status


def test_an_empty_plan_cannot_be_submitted():
    plan = ActionPlanFactory()
    with pytest.raises(ValidationError, match="at least one commitment"):
        services.action_plan_transition(plan=plan, to_status=S.SUBMITTED)


def test_submitting_records_the_submission_date():
    plan = CommitmentFactory().action_plan
    plan = services.action_plan_transition(plan=plan, to_status=S.SUBMITTED)
    assert plan.submitted_on == date.today()


def test_creating_a_plan_validates_its_period():
    member = MemberFactory()
    with pytest.raises(ValidationError, match="end after it starts"):
        services.action_plan_create(
            member=member, number=1, title="Plan", start_date=date(2025, 1, 1), end_date=date(2024, 1, 1)
        )
    assert not member.action_plans.exists()


def test_commitment_create_finds_or_creates_the_named_institutions():
    plan = ActionPlanFactory()
    existing = Organisation.objects.create(name="Ministry of Finance", member=plan.member)
    area = PolicyAreaFactory(slug="open-contracting")
    commitment = services.commitment_create(
        action_plan=plan,
        number="1",
        title="Open contracting",
        lead_institution_name="ministry of finance",
        supporting_names={
            Organisation.Kind.GOVERNMENT: ["Procurement Office"],
            Organisation.Kind.CIVIL_SOCIETY: ["Open Contracting Network", "  "],
        },
        policy_areas=[area],
    )
    assert commitment.lead_institution == existing
    assert sorted((o.name, o.kind) for o in commitment.supporting_organisations.all()) == [
        ("Open Contracting Network", "civil_society"),
        ("Procurement Office", "government"),
    ]
    assert list(commitment.policy_areas.all()) == [area]


def test_commitments_are_frozen_once_the_plan_is_submitted():
    commitment = CommitmentFactory(title="Original", action_plan__submitted=True)
    with pytest.raises(ValidationError, match="co-creation"):
        services.commitment_update(commitment=commitment, title="Changed")
    with pytest.raises(ValidationError, match="co-creation"):
        services.commitment_create(action_plan=commitment.action_plan, number="9", title="New")
    with pytest.raises(ValidationError, match="co-creation"):
        services.milestone_create(commitment=commitment, description="New milestone")
    commitment.refresh_from_db()
    assert commitment.title == "Original"


def test_service_rereads_the_plan_status_instead_of_trusting_a_stale_object():
    """A plan submitted in another request since the object was loaded is still frozen."""
    commitment = CommitmentFactory()
    stale_plan = commitment.action_plan
    ActionPlan.objects.filter(pk=stale_plan.pk).update(status=S.SUBMITTED)
    with pytest.raises(ValidationError):
        services.commitment_update(commitment=commitment, title="Too late")


def test_during_implementation_only_the_milestone_status_moves():
    milestone = MilestoneFactory(commitment__action_plan__implementing=True, description="Publish data")
    with pytest.raises(ValidationError, match="co-creation"):
        services.milestone_update(milestone=milestone, description="Something else")
    milestone = services.milestone_update(milestone=milestone, status=Milestone.Status.COMPLETED, completed_on=None)
    assert milestone.status == "completed" and milestone.completed_on == date.today()
    milestone = services.milestone_update(milestone=milestone, status=Milestone.Status.IN_PROGRESS)
    assert milestone.completed_on is None


def test_milestones_of_a_completed_plan_no_longer_change():
    milestone = MilestoneFactory(commitment__action_plan__completed=True)
    with pytest.raises(ValidationError, match="closed"):
        services.milestone_update(milestone=milestone, status=Milestone.Status.COMPLETED)


def test_progress_updates_are_reported_during_implementation_and_set_completion():
    commitment = CommitmentFactory(action_plan__implementing=True)
    author = UserFactory(point_of_contact_of=commitment.action_plan.member)
    services.progress_update_create(
        commitment=commitment, author=author, text="Started", completion="limited", reported_on=date(2025, 1, 1)
    )
    services.progress_update_create(
        commitment=commitment, author=author, text="Nearly", completion="substantial", reported_on=date(2025, 6, 1)
    )
    # A late entry about an earlier date does not overwrite the latest state.
    services.progress_update_create(
        commitment=commitment, author=author, text="Back-filled", completion="not_started", reported_on=date(2024, 6, 1)
    )
    commitment.refresh_from_db()
    assert commitment.completion == "substantial"
    assert commitment.progress_updates.count() == 3


def test_progress_is_refused_outside_implementation():
    commitment = CommitmentFactory()
    with pytest.raises(ValidationError, match="implemented"):
        services.progress_update_create(commitment=commitment, author=None, text="x", completion="limited")
    assert not commitment.progress_updates.exists()


def test_progress_cannot_be_dated_in_the_future():
    commitment = CommitmentFactory(action_plan__implementing=True)
    with pytest.raises(ValidationError, match="future"):
        services.progress_update_create(
            commitment=commitment, author=None, text="x", completion="limited", reported_on=date(2999, 1, 1)
        )


def test_member_status_follows_the_latest_dated_event_and_keeps_history():
    member = MemberFactory()
    services.member_status_change(member=member, status="active", effective_on=date(2014, 1, 1))
    services.member_status_change(member=member, status="under_procedural_review", effective_on=date(2020, 1, 1))
    services.member_status_change(member=member, status="inactive", effective_on=date(2018, 1, 1))  # back-dated
    member.refresh_from_db()
    assert member.status == Member.Status.UNDER_REVIEW
    assert member.status_events.count() == 3
