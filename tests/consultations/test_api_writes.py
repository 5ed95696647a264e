"""A point of contact opens, edits and closes consultations and answers proposals through the API, under the
workspace pages' rules and messages."""

from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.models import User
from accounts.services import user_set_role
from consultations.models import Consultation
from tests.factories import ActionPlanFactory, MemberFactory, PolicyAreaFactory, UserFactory
from tests.factories.consultations import ConsultationFactory, ProposalFactory

pytestmark = pytest.mark.django_db


def _as(user) -> APIClient:
    api = APIClient()
    api.force_login(user)
    return api


def _when(days: int) -> str:
    return (timezone.now() + timedelta(days=days)).isoformat()


def test_a_point_of_contact_opens_edits_and_closes_a_consultation():
    plan = ActionPlanFactory()
    PolicyAreaFactory(slug="lobbying")
    api = _as(UserFactory(point_of_contact_of=plan.member))
    opened = api.post(
        "/api/v1/consultations/",
        {
            "action_plan": plan.pk,
            "title": "Your ideas for the plan",
            "description": "Send proposals.",
            "opens_at": _when(-1),
            "closes_at": _when(20),
            "policy_areas": ["lobbying"],
        },
    )
    assert opened.status_code == 201, opened.json()
    body = opened.json()
    assert body["state"] == "open" and body["policy_areas"] == ["lobbying"] and body["response_due_on"]
    url = f"/api/v1/consultations/{body['id']}/"
    moved = api.patch(url, {"opens_at": _when(-3)})
    assert moved.status_code == 400  # the page's rule and message
    assert moved.json()["errors"] == {"opens_at": ["The consultation has opened: its opening date cannot change."]}
    assert api.patch(url, {"title": "Ideas for the fourth plan"}).json()["title"] == "Ideas for the fourth plan"
    no_reason = api.post(f"{url}close/", {"reason": " "})
    assert no_reason.status_code == 400 and "reason" in no_reason.json()["errors"]
    closed = api.post(f"{url}close/", {"reason": "Enough proposals"})
    assert closed.status_code == 200 and closed.json()["state"] == "closed", closed.json()
    assert Consultation.objects.get().status == Consultation.Status.CLOSED_EARLY
    again = api.post(f"{url}close/", {"reason": "Twice"})
    assert again.status_code == 403  # as the page: nothing to end any more


def test_a_consultation_needs_a_running_plan_and_a_closing_date_ahead():
    plan = ActionPlanFactory()
    api = _as(UserFactory(point_of_contact_of=plan.member))
    past = api.post(
        "/api/v1/consultations/",
        {"action_plan": plan.pk, "title": "Late", "description": "x", "opens_at": _when(-9), "closes_at": _when(-1)},
    )
    assert past.status_code == 400
    assert past.json()["errors"] == {"closes_at": ["The closing date must be in the future."]}
    completed = ActionPlanFactory(member=plan.member, completed=True)
    refused = api.post(
        "/api/v1/consultations/",
        {
            "action_plan": completed.pk,
            "title": "Too late",
            "description": "x",
            "opens_at": _when(1),
            "closes_at": _when(9),
        },
    )
    assert refused.status_code == 403


@pytest.mark.parametrize("who", ["participant", "other_contact", "former_contact"])
def test_only_the_members_point_of_contact_manages_consultations_and_answers(who):
    consultation = ConsultationFactory()
    proposal = ProposalFactory(consultation=consultation)
    member = consultation.action_plan.member
    user = UserFactory(point_of_contact_of=MemberFactory() if who == "other_contact" else member)
    if who == "participant":
        user = UserFactory()
    api = _as(user)
    if who == "former_contact":
        user_set_role(user=user, role=User.Role.PARTICIPANT)
    payload = {"action_plan": consultation.action_plan_id, "title": "X", "description": "x"}
    attempts = [
        api.post("/api/v1/consultations/", {**payload, "opens_at": _when(1), "closes_at": _when(9)}),
        api.patch(f"/api/v1/consultations/{consultation.pk}/", {"title": "Hijacked"}),
        api.post(f"/api/v1/consultations/{consultation.pk}/close/", {"reason": "Hijacked"}),
        api.post(f"/api/v1/proposals/{proposal.pk}/response/", {"outcome": "not_accepted", "reasons": "No"}),
    ]
    assert [response.status_code for response in attempts] == [403] * len(attempts)
    consultation.refresh_from_db()
    assert consultation.title != "Hijacked" and consultation.status == Consultation.Status.SCHEDULED
