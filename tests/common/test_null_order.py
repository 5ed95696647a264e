"""Lists sorted on a date some rows lack show those rows in the same place on SQLite and PostgreSQL (which sort
NULL at opposite ends)."""

from datetime import date

import pytest
from rest_framework.test import APIClient

from commitments.models import Milestone
from support.models import Engagement
from tests.factories import CommitmentFactory, MilestoneFactory
from tests.factories.support import EngagementFactory

pytestmark = pytest.mark.django_db


def test_a_commitments_undated_milestones_follow_the_dated_ones_of_the_same_rank(client):
    commitment = CommitmentFactory()
    undated = MilestoneFactory(commitment=commitment, order=1, due_date=None, description="Undated step")
    later = MilestoneFactory(commitment=commitment, order=1, due_date=date(2025, 6, 1), description="Later step")
    sooner = MilestoneFactory(commitment=commitment, order=1, due_date=date(2024, 6, 1), description="Sooner step")
    first = MilestoneFactory(commitment=commitment, order=0, due_date=None, description="First step")
    expected = [first.pk, sooner.pk, later.pk, undated.pk]
    assert list(Milestone.objects.filter(commitment=commitment).values_list("pk", flat=True)) == expected
    item = APIClient().get(f"/api/v1/commitments/{commitment.pk}/").json()
    assert [milestone["id"] for milestone in item["milestones"]] == expected
    page = client.get(commitment.get_absolute_url()).content.decode()
    positions = [page.index(m.description) for m in (first, sooner, later, undated)]
    assert positions == sorted(positions)


def test_a_members_undated_engagements_come_after_the_dated_ones():
    undated = EngagementFactory(start_date=None)
    old = EngagementFactory(member=undated.member, start_date=date(2020, 1, 1))
    new = EngagementFactory(member=undated.member, start_date=date(2024, 1, 1))
    assert list(Engagement.objects.values_list("pk", flat=True)) == [new.pk, old.pk, undated.pk]
