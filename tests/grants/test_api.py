"""Grant applications through the API (`/api/v1/grant-applications/`): the organisation's draft written, fixed and
submitted with the pages' rules; the support unit reads submitted ones; lists at a constant number of queries."""

import pytest
from rest_framework.test import APIClient

from grants.models import GrantApplication
from tests.factories import OrganisationFactory, UserFactory
from tests.factories.grants import GrantApplicationFactory, GrantCallFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/grant-applications/"


@pytest.fixture
def organisation():
    return OrganisationFactory(name="Red Ciudadana")


@pytest.fixture
def applicant(organisation):
    return UserFactory(member_of=organisation)


@pytest.fixture
def call():
    return GrantCallFactory(title="Micro-grants 2026")


def _as(user) -> APIClient:
    api = APIClient()
    api.force_authenticate(user)
    return api


def _payload(call, **overrides) -> dict:
    question = call.questions.first()
    return {
        "call": call.pk,
        "title": "Consultations beyond the capital",
        "summary": "Meetings in three regions.",
        "amount_requested": "6000",
        "answers": [{"question": question.pk, "text": "The consultation step."}],
        "budget_lines": [
            {"description": "Coordinator", "amount": "4000"},
            {"description": "Meetings", "amount": "1500"},
        ],
        **overrides,
    }


def test_a_budget_that_does_not_add_up_is_refused_then_fixed_and_submitted(applicant, call):
    api = _as(applicant)
    refused = api.post(URL, _payload(call), format="json")
    assert refused.status_code == 400
    assert "add up to USD 5,500.00, not to the USD 6,000.00" in refused.json()["errors"]["budget"][0]
    assert not GrantApplication.objects.exists()
    lines = [{"description": "Coordinator", "amount": "4000"}, {"description": "Meetings", "amount": "2000"}]
    created = api.post(URL, _payload(call, budget_lines=lines), format="json")
    assert created.status_code == 201, created.json()
    pk = created.json()["id"]
    assert created.json()["status"] == "draft" and created.json()["organisation"] == "Red Ciudadana"
    changed = api.patch(f"{URL}{pk}/", {"title": "Consultations in the regions"}, format="json")
    assert changed.status_code == 200 and changed.json()["title"] == "Consultations in the regions"
    submitted = api.post(f"{URL}{pk}/submit/")
    assert submitted.status_code == 200 and submitted.json()["status"] == "submitted"
    assert api.patch(f"{URL}{pk}/", {"title": "Too late"}, format="json").status_code == 403


def test_answers_only_to_the_calls_own_questions(applicant, call):
    other = GrantCallFactory()
    answers = [{"question": other.questions.first().pk, "text": "Elsewhere"}]
    lines = [{"description": "All", "amount": "6000"}]
    response = _as(applicant).post(URL, _payload(call, answers=answers, budget_lines=lines), format="json")
    assert response.status_code == 400 and "answers" in response.json()["errors"]


def test_others_are_refused_and_staff_read_only_submitted_applications(applicant, call, staff_user, participant):
    draft = GrantApplicationFactory(call=call, organisation=applicant.confirmed_organisation, applicant=applicant)
    submitted = GrantApplicationFactory(call=GrantCallFactory(closed=True), submitted=True)
    assert _as(participant).get(f"{URL}{draft.pk}/").status_code == 403
    assert _as(participant).get(URL).json()["results"] == []
    assert _as(participant).post(URL, _payload(call), format="json").status_code == 403
    assert _as(participant).patch(f"{URL}{draft.pk}/", {"title": "Hijacked"}, format="json").status_code == 403
    assert [a["id"] for a in _as(staff_user).get(URL).json()["results"]] == [submitted.pk]
    assert _as(staff_user).get(f"{URL}{draft.pk}/").status_code == 200  # as on the page
    assert "reviews" not in _as(applicant).get(f"{URL}{draft.pk}/").json()


def test_the_list_costs_the_same_queries_with_more_applications(organisation, applicant, django_assert_max_num_queries):
    def grow(n):
        GrantApplicationFactory.create_batch(n, organisation=organisation, applicant=applicant)

    grow(1)
    api = _as(applicant)
    with django_assert_max_num_queries(12) as few:
        assert len(api.get(URL).json()["results"]) == 1
    grow(4)
    with django_assert_max_num_queries(len(few)):
        assert len(api.get(URL).json()["results"]) == 5
