"""Child counts written as plain correlated subqueries give the counts of the reference QuerySet subqueries."""

import pytest
from django.db.models import OuterRef

from commitments.member_counts import member_counts, with_member_counts
from commitments.models import ActionPlan, Commitment, Member, Milestone
from common.db import count_of
from tests.factories import ActionPlanFactory, CommitmentFactory, MemberFactory, MilestoneFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    for m in range(3):
        member = MemberFactory()
        for p in range(m + 1):
            plan = ActionPlanFactory(member=member)
            for c in range(p + m):
                commitment = CommitmentFactory(action_plan=plan, number=str(c + 1))
                for k in range(c + 1):
                    MilestoneFactory(commitment=commitment, completed=bool(k % 2))
    MemberFactory()  # nothing below it


def test_member_plan_and_commitment_counts_are_the_reference_counts(tree):
    plans = ActionPlan.objects.filter(member=OuterRef("pk"))
    reference = Member.objects.annotate(
        plan_count=count_of(plans),
        commitment_count=count_of(Commitment.objects.filter(action_plan__member=OuterRef("pk"))),
    )
    fields = ("pk", "plan_count", "commitment_count")
    assert list(Member.objects.with_counts().order_by("pk").values_list(*fields)) == list(
        reference.order_by("pk").values_list(*fields)
    )

    milestones = Milestone.objects.filter(commitment__action_plan=OuterRef("pk"))
    reference = ActionPlan.objects.annotate(
        commitment_count=count_of(Commitment.objects.filter(action_plan=OuterRef("pk"))),
        milestone_count=count_of(milestones),
        milestones_completed=count_of(milestones.filter(status=Milestone.Status.COMPLETED)),
    )
    fields = ("pk", "commitment_count", "milestone_count", "milestones_completed")
    assert list(ActionPlan.objects.with_counts().order_by("pk").values_list(*fields)) == list(
        reference.order_by("pk").values_list(*fields)
    )

    milestones = Milestone.objects.filter(commitment=OuterRef("pk"))
    reference = Commitment.objects.annotate(
        milestone_count=count_of(milestones),
        milestones_completed=count_of(milestones.filter(status=Milestone.Status.COMPLETED)),
    )
    fields = ("pk", "milestone_count", "milestones_completed")
    assert list(Commitment.objects.with_milestone_progress().order_by("pk").values_list(*fields)) == list(
        reference.order_by("pk").values_list(*fields)
    )


def test_the_counts_filter_sort_and_work_inside_another_query(tree):
    busy = Member.objects.with_counts().filter(commitment_count__gte=2)
    assert set(Member.objects.filter(pk__in=busy.values("pk"))) == set(busy)
    counts = list(
        Member.objects.with_counts().order_by("-commitment_count", "pk").values_list("commitment_count", flat=True)
    )
    assert counts == sorted(counts, reverse=True) and counts[-1] == 0


def test_the_counts_read_once_per_content_version_are_with_counts(tree, django_assert_num_queries):
    """commitments.member_counts.member_counts: every member's counts as with_counts() gives them, read in two queries
    once per content version; a new commitment shows at once."""
    fields = ("pk", "plan_count", "commitment_count")
    reference = list(Member.objects.with_counts().order_by("pk").values_list(*fields))
    members = list(Member.objects.order_by("pk"))
    with django_assert_num_queries(2):
        with_member_counts(members)
    assert [(m.pk, m.plan_count, m.commitment_count) for m in members] == reference
    assert reference[-1][1:] == (0, 0)  # a member without plans
    with django_assert_num_queries(0):
        member_counts()
    plan = ActionPlan.objects.order_by("pk").last()
    CommitmentFactory(action_plan=plan)
    assert member_counts()[plan.member_id][1] == {pk: c for pk, _p, c in reference}[plan.member_id] + 1
