"""A format suffix (`/api/v1/members.json`) on the lists and details built from values() rows
(common.api.rows): the JSON of the reference serializers given the suffix (their API links keep it, their page
links do not), the same items as without it otherwise, anonymous or signed in; and no more queries."""

import json
import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.test import APIClient, APIRequestFactory

from consultations.api.serializers import ConsultationSerializer, ProposalSerializer
from consultations.api.views import ConsultationViewSet, ProposalViewSet
from consultations.models import ProposalResponse
from irm_reports.models import CommitmentAssessment, Report
from partnership.api.serializers import CommitmentSerializer, MemberSerializer
from partnership.api.views import CommitmentViewSet, MemberViewSet
from tests.commitments.test_api_rows import _amended
from tests.factories import CommitmentFactory, MilestoneFactory, UserFactory
from tests.factories.consultations import ConsultationFactory, ProposalFactory, ResponseFactory
from tests.factories.irm_reports import CommitmentAssessmentFactory

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


ENDPOINTS = {
    "members": (MemberViewSet, MemberSerializer),
    "commitments": (CommitmentViewSet, CommitmentSerializer),
    "consultations": (ConsultationViewSet, ConsultationSerializer),
    "proposals": (ProposalViewSet, ProposalSerializer),
}


def _reference(name: str, ids: list[int], user, *, suffix: str | None = "json", query: str = "") -> list[dict]:
    """What the endpoint's serializer writes of these objects for an address with this suffix and query."""
    viewset, serializer_class = ENDPOINTS[name]
    address = f"/api/v1/{name}.{suffix}" if suffix else f"/api/v1/{name}/"
    request = Request(APIRequestFactory().get(address + query))
    request.user = user or AnonymousUser()
    view = viewset(request=request, format_kwarg=suffix, action="list", kwargs={"format": suffix} if suffix else {})
    objects = {obj.pk: obj for obj in view.get_queryset().filter(pk__in=ids)}
    context = {"request": request, "format": suffix, "view": view}
    data = serializer_class([objects[pk] for pk in ids], many=True, context=context).data
    return json.loads(JSONRenderer().render(data))


@pytest.fixture
def objects():
    """Every kind of API link the rows write: a commitment with an IRM assessment published and accepted
    amendments, a proposal whose published response names it."""
    commitment = CommitmentFactory()
    MilestoneFactory(commitment=commitment)
    assessed = CommitmentAssessmentFactory(report__action_plan=commitment.action_plan, commitment=commitment)
    CommitmentAssessment.objects.filter(pk=assessed.pk).update(is_latest=True)
    Report.objects.filter(pk=assessed.report_id).update(published_at=timezone.now())
    _amended(commitment)
    consultation = ConsultationFactory(action_plan=commitment.action_plan)
    proposal = ProposalFactory(consultation=consultation)
    ResponseFactory(proposal=proposal, outcome=ProposalResponse.Outcome.ACCEPTED).commitments.add(commitment)
    return {
        "members": commitment.action_plan.member_id,
        "commitments": commitment.pk,
        "consultations": consultation.pk,
        "proposals": proposal.pk,
    }


@pytest.mark.parametrize("signed_in", [False, True])
@pytest.mark.parametrize("name", list(ENDPOINTS))
def test_a_list_and_its_items_keep_the_suffix(objects, name, signed_in):
    api, user = APIClient(), UserFactory() if signed_in else None
    if user:
        api.force_authenticate(user)
    plain = api.get(f"/api/v1/{name}/").json()
    with CaptureQueriesContext(connection) as suffixed_queries:
        suffixed = api.get(f"/api/v1/{name}.json").json()
    items = suffixed["results"]
    assert items == _reference(name, [item["id"] for item in items], user)
    links = _links(items)
    assert links and all(link.endswith(".json") for link in links)
    kinds = {link.split("/api/v1/")[1].split("/")[0] for link in links}
    assert kinds >= {"commitments": {"commitments", "reports", "amendments"}}.get(name, {name})
    assert name != "proposals" or "commitments" in kinds  # the response's commitments
    assert all(not item["html_url"].endswith(".json") for item in items)
    assert _without_suffix(items) == plain["results"]
    detail = api.get(f"/api/v1/{name}/{objects[name]}.json")
    assert detail.status_code == 200
    assert detail.json()["url"].endswith(f"/api/v1/{name}/{objects[name]}.json")
    assert _without_suffix(detail.json()) == api.get(f"/api/v1/{name}/{objects[name]}/").json()
    with CaptureQueriesContext(connection) as plain_queries:
        api.get(f"/api/v1/{name}/?x=1")
    assert len(suffixed_queries) <= len(plain_queries) + 3  # a fixed cost, never one per item


@pytest.mark.parametrize("name", list(ENDPOINTS))
def test_the_format_parameter_stays_in_the_items_links(objects, name):
    """`?format=json` (DRF's URL_FORMAT_OVERRIDE) is kept in the API links, as DRF's reverse() keeps it."""
    api = APIClient()
    for address, suffix in ((f"/api/v1/{name}/?format=json", None), (f"/api/v1/{name}.json?format=json", "json")):
        items = api.get(address).json()["results"]
        query = "?format=json"
        assert items == _reference(name, [item["id"] for item in items], None, suffix=suffix, query=query)
        assert all(link.endswith(".json?format=json" if suffix else "/?format=json") for link in _links(items))
