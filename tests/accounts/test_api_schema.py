"""The OpenAPI schema is complete and the API keeps to it: property-based requests (schemathesis)."""

import json

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, Phase, settings
from knox.models import AuthToken
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from accounts.tokens import api_token_issue
from tests.factories import CommitmentFactory, MilestoneFactory, PolicyAreaFactory, UserFactory
from tests.factories.consultations import ConsultationFactory, ProposalFactory

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


def _load_schema():
    """The schema /api/schema/ serves, generated in-process (collection time has no database)."""
    spec = SchemaGenerator().get_schema(request=None, public=True)
    loaded = schemathesis.openapi.from_dict(json.loads(OpenApiJsonRenderer().render(spec)))
    loaded.app = get_wsgi_application()
    return loaded


schema = _load_schema()


@pytest.fixture
def api_data(db):
    """A few real rows so that generated ids sometimes hit existing objects.

    Requests go through the real WSGI handler, which closes the database connection after each
    request; like Django's test client, keep it open so the test's transaction survives.
    """
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    commitment = CommitmentFactory(action_plan__implementing=True)
    commitment.policy_areas.add(PolicyAreaFactory(slug="open-contracting"))
    MilestoneFactory(commitment=commitment)
    yield commitment
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def participant_token(db):
    return AuthToken.objects.create(user=UserFactory())[1]


# Examples per operation: every operation is run, with fewer examples where other tests go over the same ground.
# Every read is also paged through on real data (test_real_data_crawl.py) and sent hostile filters, every write
# hostile bodies by a user allowed to use it (tests/security/test_hostile_input.py); the point of contact's run
# below takes the writes of plans, commitments, milestones and consultations past the rules.
READ_EXAMPLES = 10
PARTICIPANT_WRITE_EXAMPLES = 10


@schema.include(method="GET").parametrize()
@settings(
    max_examples=READ_EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
    database=None,
)
def test_read_endpoints_anonymously(case, api_data):
    """Any generated query on any read endpoint: no 5xx, status, headers and body as documented."""
    case.call_and_validate(checks=CHECKS)


@schema.exclude(method="GET").parametrize()
@settings(
    max_examples=PARTICIPANT_WRITE_EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
    database=None,
)
def test_write_endpoints_with_a_participant_token(case, api_data, participant_token):
    case.call_and_validate(checks=CHECKS, headers={"Authorization": f"Token {participant_token}"})


# A point of contact's writes (partnership/api/writes.py, consultations/api/writes.py, the reasoned response).
MANAGED_PATHS = r"^/api/v1/(action-plans|commitments|milestones|consultations)/|^/api/v1/proposals/\{id\}/response/$"


@pytest.fixture
def managed(api_data):
    """The objects of one member, in co-creation and in implementation, and a read-write token of its point of
    contact; the ids in generated paths are set to these objects', so that each example reaches the rules."""
    plan = CommitmentFactory(action_plan__member=api_data.action_plan.member).action_plan
    milestone = MilestoneFactory(commitment__action_plan=plan)
    consultation = ConsultationFactory(action_plan=plan)
    contact = UserFactory(point_of_contact_of=plan.member)
    ids = {
        "action-plans": plan.pk,
        "commitments": milestone.commitment_id,
        "milestones": milestone.pk,
        "consultations": consultation.pk,
        "proposals": ProposalFactory(consultation=consultation).pk,
    }
    return ids, api_token_issue(user=contact, scope="read_write")


@schema.include(method_regex="^(POST|PATCH|PUT|DELETE)$", path_regex=MANAGED_PATHS).parametrize()
@settings(
    max_examples=5,
    phases=[Phase.explicit, Phase.generate],  # bounded: a few bodies per operation, no shrinking pass
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
    database=None,
)
def test_write_endpoints_as_a_point_of_contact(case, managed):
    """Generated bodies on every write of plans, commitments, milestones, consultations and responses, sent by
    the member's point of contact on the member's objects: no 5xx, answers as documented."""
    ids, token = managed
    if case.path_parameters and "id" in case.path_parameters:
        case.path_parameters["id"] = ids[case.path.split("/")[3]]
    case.call_and_validate(checks=CHECKS, headers={"Authorization": f"Token {token}"})


@pytest.mark.django_db
def test_schema_and_docs_are_served(client):
    response = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    spec = response.json()
    assert spec["openapi"].startswith("3.")
    assert {"/api/v1/members/", "/api/v1/action-plans/", "/api/v1/commitments/"} <= set(spec["paths"])
    listing = spec["paths"]["/api/v1/commitments/"]["get"]
    names = {p["name"] for p in listing["parameters"]}
    assert {"member", "country", "policy_area", "ogp_value", "status", "completion", "search", "cursor"} <= names
    assert {"200", "400", "429"} <= set(listing["responses"])
    docs = client.get("/api/docs/", HTTP_ACCEPT_LANGUAGE="fr")
    assert docs.status_code == 200 and b'<html lang="fr">' in docs.content
    page = docs.content.decode()
    assert "<code>/api/v1/commitments/</code>" in page and "policy_area" in page  # operations and parameters
    assert "<script" not in page.split("<main", 1)[1]  # readable without any script


def _call_and_validate(path: str, **path_parameters):
    """A real answer of one read endpoint, checked against the served schema (no generated input)."""
    case = schema[path]["GET"].Case(path_parameters=path_parameters)
    response = case.call()
    assert response.status_code == 200, response.text
    case.validate_response(response, checks=[response_schema_conformance])
    return response.json()


def test_optional_fields_answer_what_the_schema_says(api_data):
    """A proposal not withdrawn and without a policy area, and an area without a parent, fit the schema."""
    proposal = ProposalFactory(policy_area=None)
    withdrawn = ProposalFactory(withdrawn=True, policy_area=PolicyAreaFactory(slug="lobbying"))
    body = _call_and_validate("/api/v1/proposals/{id}/", id=proposal.pk)
    assert (body["withdrawal_reason"], body["policy_area"]) == ("", None)
    body = _call_and_validate("/api/v1/proposals/{id}/", id=withdrawn.pk)
    assert (body["withdrawal_reason"], body["policy_area"]) == ("duplicate", "lobbying")
    _call_and_validate("/api/v1/proposals/")
    api_data.policy_areas.add(PolicyAreaFactory(slug="a-top-level-area", parent=None))
    body = _call_and_validate("/api/v1/commitments/{id}/", id=api_data.pk)
    assert {area["slug"]: area["parent"] for area in body["policy_areas"]}["a-top-level-area"] is None
    _call_and_validate("/api/v1/commitments/")
