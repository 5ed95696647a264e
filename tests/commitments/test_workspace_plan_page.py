"""The workspace page of a plan: a fixed number of queries, and every row's actions as its rules allow."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import ActionPlanFactory, CommitmentFactory, MilestoneFactory, UserFactory

pytestmark = pytest.mark.django_db


def _fill(plan, n: int):
    start = plan.commitments.count()
    for i in range(start, start + n):
        commitment = CommitmentFactory(action_plan=plan, number=str(i + 1))
        MilestoneFactory(commitment=commitment, completed=True)
        MilestoneFactory(commitment=commitment)


def _get(client, plan, language="en"):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse("commitments:workspace-plan", args=[plan.pk]), HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return response, len(ctx.captured_queries)


def test_the_query_count_does_not_grow_with_commitments_and_milestones(poc_client, plan):
    _fill(plan, 2)
    _, few = _get(poc_client, plan)
    _fill(plan, 10)
    _, many = _get(poc_client, plan)
    assert few == many


@pytest.mark.parametrize("status", ["co_creation", "implementation", "completed"])
@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_each_row_offers_the_actions_its_rules_allow(poc_client, point_of_contact, member, status, language):
    plan = ActionPlanFactory(member=member, status=status)
    _fill(plan, 3)
    response, _ = _get(poc_client, plan, language)
    html = response.content.decode()
    for commitment in plan.commitments.all():
        for name, perm in (
            ("workspace-commitment-update", "commitments.change_commitment"),
            ("workspace-milestone-create", "commitments.change_commitment"),
            ("workspace-progressupdate-create", "commitments.add_progressupdate"),
        ):
            url = reverse(f"commitments:{name}", args=[commitment.pk])
            assert (f'href="{url}"' in html) == point_of_contact.has_perm(perm, commitment), (name, status)
        for milestone in commitment.milestones.all():
            url = reverse("commitments:workspace-milestone-update", args=[milestone.pk])
            assert (f'href="{url}"' in html) == point_of_contact.has_perm("commitments.change_milestone", milestone)
    for name, perm in (
        ("workspace-actionplan-update", "commitments.change_actionplan"),
        ("workspace-commitment-create", "commitments.add_commitment"),
    ):
        url = reverse(f"commitments:{name}", args=[plan.pk])
        assert (f'href="{url}"' in html) == point_of_contact.has_perm(perm, plan)


def test_another_members_point_of_contact_sees_no_action(client, plan):
    _fill(plan, 1)
    other = UserFactory(point_of_contact_of=ActionPlanFactory().member)
    client.force_login(other)
    assert client.get(reverse("commitments:workspace-plan", args=[plan.pk])).status_code == 403
