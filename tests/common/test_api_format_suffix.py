"""A format suffix (`/api/v1/members.json`) on the lists and details built from values() rows
(common.api.rows): the same items as without it, their API links keeping the suffix as DRF's serializers write
them, whether anonymous or signed in."""

import re

import pytest
from rest_framework.test import APIClient

from tests.factories import CommitmentFactory, UserFactory
from tests.factories.consultations import ConsultationFactory, ProposalFactory

pytestmark = pytest.mark.django_db

API_LINK = re.compile(r"(http://testserver/api/v1/[^\"?]*?)\.json")


def _links(value) -> list[str]:
    """Every address to an object of the API in an answer."""
    if isinstance(value, dict):
        return [link for item in value.values() for link in _links(item)]
    if isinstance(value, list):
        return [link for item in value for link in _links(item)]
    return [value] if isinstance(value, str) and value.startswith("http://testserver/api/v1/") else []


def _without_suffix(value):
    """The answer with its API links as they are without the suffix (`/members/1.json` is `/members/1/`)."""
    if isinstance(value, dict):
        return {key: _without_suffix(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_without_suffix(item) for item in value]
    if isinstance(value, str):
        return API_LINK.sub(r"\1/", value)
    return value


@pytest.fixture
def objects():
    commitment = CommitmentFactory()
    consultation = ConsultationFactory(action_plan=commitment.action_plan)
    proposal = ProposalFactory(consultation=consultation)
    return {
        "members": commitment.action_plan.member_id,
        "commitments": commitment.pk,
        "consultations": consultation.pk,
        "proposals": proposal.pk,
    }


@pytest.mark.parametrize("signed_in", [False, True])
@pytest.mark.parametrize("name", ["members", "commitments", "consultations", "proposals"])
def test_a_list_and_its_items_keep_the_suffix(objects, name, signed_in):
    api = APIClient()
    if signed_in:
        api.force_authenticate(UserFactory())
    plain = api.get(f"/api/v1/{name}/").json()
    suffixed = api.get(f"/api/v1/{name}.json").json()
    links = _links(suffixed["results"])
    assert links and all(link.endswith(".json") for link in links)
    assert _without_suffix(suffixed["results"]) == plain["results"]
    detail = api.get(f"/api/v1/{name}/{objects[name]}.json")
    assert detail.status_code == 200
    assert detail.json()["url"].endswith(f"/api/v1/{name}/{objects[name]}.json")
    assert _without_suffix(detail.json()) == api.get(f"/api/v1/{name}/{objects[name]}/").json()
