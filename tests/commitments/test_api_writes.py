"""A point of contact manages plans, commitments and milestones through the API under the pages' rules: the same
permissions, the same services and messages, the same error shape."""

import pytest
from rest_framework.test import APIClient

from accounts.models import User
from accounts.services import user_set_role
from commitments.models import ActionPlan, Milestone
from tests.factories import ActionPlanFactory, CommitmentFactory, MemberFactory, PolicyAreaFactory, UserFactory

pytestmark = pytest.mark.django_db


def _as(user) -> APIClient:
    api = APIClient()
    if user is not None:
        api.force_login(user)
    return api


def test_a_point_of_contact_writes_a_plan_from_co_creation_to_implementation():
    member = MemberFactory()
    api = _as(UserFactory(point_of_contact_of=member))
    area = PolicyAreaFactory(slug="open-contracting")
    plan = api.post(
        "/api/v1/action-plans/",
        {"member": member.pk, "number": 3, "title": "Third plan", "start_date": "2027-01-01", "end_date": "2028-12-31"},
    )
    assert plan.status_code == 201, plan.json()
    plan_id = plan.json()["id"]
    assert plan.json()["status"] == "co_creation" and plan.json()["commitment_count"] == 0
    commitment = api.post(
        "/api/v1/commitments/",
        {
            "action_plan": plan_id,
            "number": "1",
            "title": "Open contracts",
            "policy_areas": ["open-contracting"],
            "lead_institution_name": "Ministry of Finance",
            "supporting_csos": ["Open Spending"],
        },
    )
    assert commitment.status_code == 201, commitment.json()
    body = commitment.json()
    assert body["lead_institution"]["name"] == "Ministry of Finance"
    assert [o["name"] for o in body["supporting_organisations"]] == ["Open Spending"]
    assert [a["slug"] for a in body["policy_areas"]] == [area.slug]
    changed = api.patch(
        f"/api/v1/commitments/{body['id']}/",
        {"title": "Open all contracts", "budget": "1000.00", "budget_currency": "eur"},
    )
    assert changed.status_code == 200, changed.json()
    assert changed.json()["title"] == "Open all contracts"
    assert [o["name"] for o in changed.json()["supporting_organisations"]] == ["Open Spending"]  # kept
    milestone = api.post("/api/v1/milestones/", {"commitment": body["id"], "description": "Publish the portal"})
    assert milestone.status_code == 201, milestone.json()
    for to_status in ("submitted", "implementation"):
        moved = api.post(f"/api/v1/action-plans/{plan_id}/transition/", {"to_status": to_status})
        assert moved.status_code == 200 and moved.json()["status"] == to_status, moved.json()
    done = api.patch(f"/api/v1/milestones/{milestone.json()['id']}/", {"status": "completed"})
    assert done.status_code == 200 and done.json()["completed_on"], done.json()
    rewritten = api.patch(f"/api/v1/milestones/{milestone.json()['id']}/", {"description": "Something else"})
    assert rewritten.status_code == 400
    assert rewritten.json()["errors"]["non_field_errors"][0].startswith("Commitments can only be written while")
    assert Milestone.objects.get().description == "Publish the portal"


def test_refusals_keep_the_pages_messages_and_the_error_shape():
    plan = ActionPlanFactory()
    api = _as(UserFactory(point_of_contact_of=plan.member))
    refused = api.post(f"/api/v1/action-plans/{plan.pk}/transition/", {"to_status": "submitted"})
    assert refused.status_code == 400
    body = refused.json()
    assert set(body) == {"status", "code", "detail", "errors"} and body["code"] == "invalid"
    assert body["errors"] == {
        "non_field_errors": ["An action plan needs at least one commitment before it is submitted."]
    }
    wrong = api.post(f"/api/v1/action-plans/{plan.pk}/transition/", {"to_status": "shelved"})
    assert wrong.status_code == 400 and "to_status" in wrong.json()["errors"]
    dates = api.patch(f"/api/v1/action-plans/{plan.pk}/", {"start_date": "2030-01-01", "end_date": "2029-01-01"})
    assert dates.status_code == 400 and dates.json()["errors"], dates.json()
    assert api.put(f"/api/v1/action-plans/{plan.pk}/", {}).status_code == 405
    plan.refresh_from_db()
    assert plan.status == ActionPlan.Status.CO_CREATION


@pytest.mark.parametrize("who", ["anonymous", "participant", "other_contact", "former_contact"])
def test_only_the_members_point_of_contact_writes(who):
    commitment = CommitmentFactory()
    plan = commitment.action_plan
    users = {
        "anonymous": lambda: None,
        "participant": UserFactory,
        "other_contact": lambda: UserFactory(point_of_contact_of=MemberFactory()),
        "former_contact": lambda: UserFactory(point_of_contact_of=plan.member),
    }
    user = users[who]()
    api = _as(user)
    if who == "former_contact":
        user_set_role(user=user, role=User.Role.PARTICIPANT)  # the role is lost: the session stays signed in
    attempts = [
        api.post("/api/v1/action-plans/", {"member": plan.member_id, "number": 9, "title": "X"}),
        api.patch(f"/api/v1/action-plans/{plan.pk}/", {"title": "Hijacked"}),
        api.post(f"/api/v1/action-plans/{plan.pk}/transition/", {"to_status": "withdrawn"}),
        api.post("/api/v1/commitments/", {"action_plan": plan.pk, "number": "9", "title": "Hijacked"}),
        api.patch(f"/api/v1/commitments/{commitment.pk}/", {"title": "Hijacked"}),
        api.post("/api/v1/milestones/", {"commitment": commitment.pk, "description": "Hijacked"}),
    ]
    expected = 401 if who == "anonymous" else 403
    assert [response.status_code for response in attempts] == [expected] * len(attempts)
    plan.refresh_from_db()
    commitment.refresh_from_db()
    assert plan.status == ActionPlan.Status.CO_CREATION and commitment.title != "Hijacked"


def test_writes_count_against_the_point_of_contacts_rate_limit(settings):
    plan = ActionPlanFactory()
    api = _as(UserFactory(point_of_contact_of=plan.member))
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "commitments.manage": {"user": (2, 3600), "ip": (10, 3600)}}
    answers = [api.patch(f"/api/v1/action-plans/{plan.pk}/", {"title": f"Title {n}"}).status_code for n in range(3)]
    assert answers == [200, 200, 429]
