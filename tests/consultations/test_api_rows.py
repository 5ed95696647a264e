"""The fast paths of the proposal and consultation lists (values() rows, orjson): the same JSON as
ProposalSerializer and ConsultationSerializer on the same data, in every language, anonymous and signed in; live
support counts; flat query counts."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from common.content_translations import translation_save
from consultations.api.serializers import ConsultationSerializer, ProposalSerializer
from consultations.api.views import ConsultationViewSet, ProposalViewSet
from consultations.filters import SORTS
from consultations.models import Consultation, Proposal, ProposalResponse
from tests.commitments.test_api_rows import LANGUAGES, assert_list_is_the_reference, reference
from tests.factories import CommitmentFactory, MemberFactory, OrganisationFactory, PolicyAreaFactory, UserFactory
from tests.factories.consultations import CommentFactory, ConsultationFactory, ProposalFactory, ResponseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def proposals():
    consultation = ConsultationFactory(title="Budget de la ville — 2026")
    area = PolicyAreaFactory(slug="budgets", name="Budgets")
    now = timezone.now()
    made = [
        ProposalFactory(consultation=consultation, policy_area=area, submitted_at=now - timedelta(hours=n))
        for n in range(6)
    ]
    made[0].organisation = OrganisationFactory(name="Société civile")
    made[0].save()
    made[1].author.deleted_at = now
    made[1].author.save()
    made[2].author.full_name = ""
    made[2].author.save()
    ProposalFactory(consultation=consultation, withdrawn=True)
    response = ResponseFactory(proposal=made[3], outcome=ProposalResponse.Outcome.ACCEPTED)
    response.commitments.add(CommitmentFactory(), CommitmentFactory())
    ResponseFactory(proposal=made[4], status=ProposalResponse.Status.DRAFT, published_at=None)
    Proposal.objects.filter(pk=made[5].pk).update(support_count=7)
    CommentFactory.create_batch(2, proposal=made[5])
    CommentFactory(proposal=made[5], is_hidden=True)
    ProposalFactory(consultation=consultation, draft=True)
    ProposalFactory(consultation=consultation, is_hidden=True)
    return made


QUERIES = [
    "",
    "?sort=supported",
    "?sort=oldest&page_size=3",
    "?status=withdrawn",
    "?policy_area=budgets",
    "?search=contracting",
]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("signed_in", [False, True])
@pytest.mark.parametrize("query", QUERIES)
def test_proposal_list_is_the_serializers_json(proposals, language, signed_in, query):
    assert_list_is_the_reference(ProposalViewSet, ProposalSerializer, f"/api/v1/proposals/{query}", language,
                                 signed_in=signed_in)  # fmt: skip


def test_the_list_shows_what_the_reference_shows(proposals):
    items = {item["id"]: item for item in APIClient().get("/api/v1/proposals/?page_size=100").json()["results"]}
    assert len(items) == 7  # the draft and the hidden one are never listed
    assert items[proposals[0].pk]["author"] == "Société civile"
    assert items[proposals[3].pk]["response"]["outcome"] == "accepted"
    assert len(items[proposals[3].pk]["response"]["commitments"]) == 2
    assert items[proposals[4].pk]["response"] is None  # a draft response is not shown
    assert items[proposals[5].pk]["comment_count"] == 2
    first = APIClient().get("/api/v1/proposals/?sort=supported").json()["results"][0]
    assert (first["id"], first["support_count"]) == (proposals[5].pk, 7)


def test_every_page_of_a_cursor_walk_is_the_serializers_json(proposals):
    api, path, seen = APIClient(), "/api/v1/proposals/?sort=supported&page_size=2", []
    while path:
        body = api.get(path).json()
        ids = [item["id"] for item in body["results"]]
        assert body["results"] == reference(ProposalViewSet, ProposalSerializer, ids, "en", path)
        seen += ids
        path = body["next"]
    assert len(seen) == len(set(seen)) == 7


def test_a_support_or_an_edit_shows_at_once(proposals):
    api, proposal = APIClient(), proposals[2]
    api.force_authenticate(UserFactory())
    path = "/api/v1/proposals/?page_size=100"
    api.get(path)
    assert api.post(f"/api/v1/proposals/{proposal.pk}/support/").status_code == 200
    Proposal.objects.filter(pk=proposal.pk).update(title="Edited")
    item = next(i for i in api.get(path).json()["results"] if i["id"] == proposal.pk)
    assert (item["support_count"], item["title"]) == (1, "Edited")


def _queries(path) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert APIClient().get(path).status_code == 200
    return len(queries)


def test_query_counts_do_not_grow_with_the_page(proposals):
    older = timezone.now() - timedelta(days=10)
    ProposalFactory.create_batch(6, consultation=proposals[0].consultation, submitted_at=older)
    # both pages hold the published response: the page's ids, their rows, the commitments, the translations of the
    # proposals and of their responses (and the request's savepoint pair)
    assert _queries("/api/v1/proposals/?page_size=5") == _queries("/api/v1/proposals/?page_size=12") == 5 + 2


@pytest.mark.parametrize("sort", list(SORTS))
def test_pages_follow_the_sort_order_through_the_cursor(proposals, sort):
    """The page's ids come from the proposal table alone, its rows by id: the order is still the sort's."""
    api, path, seen = APIClient(), f"/api/v1/proposals/?sort={sort}&page_size=3", []
    while path:
        body = api.get(path).json()
        seen += [item["id"] for item in body["results"]]
        path = body["next"]
    assert seen == list(Proposal.objects.public().order_by(*SORTS[sort]).values_list("id", flat=True))


@pytest.fixture
def consultations():
    """Every state, a member without an ISO code, policy areas out of name order, a translation, no proposals and
    some answered."""
    member = MemberFactory(kind="local", country="XK", name="Prishtina", name_fr="Priština")
    water, budget = PolicyAreaFactory(slug="water", name="Water"), PolicyAreaFactory(slug="budgets", name="Budgets")
    made = [
        ConsultationFactory(action_plan__member=member, title="Eau — accès", language="fr"),
        ConsultationFactory(upcoming=True, max_proposals_per_participant=2),
        ConsultationFactory(closed=True, kind=Consultation.Kind.DRAFT_REVIEW),
        ConsultationFactory(cancelled=True),
        ConsultationFactory(
            status=Consultation.Status.CLOSED_EARLY, status_reason="Enough proposals", status_changed_at=timezone.now()
        ),
    ]
    made[0].policy_areas.add(water, budget)
    translation_save(
        made[0], language="en", texts={"title": "Water — access", "description": "Tell us."}, translated_by=None
    )
    answered = ProposalFactory(consultation=made[2])
    ResponseFactory(proposal=answered)
    ProposalFactory(consultation=made[2])
    return made


CONSULTATION_QUERIES = ["", "?page=2&page_size=2", "?state=open", "?state=closed", "?member=", "?search=consultation"]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("query", CONSULTATION_QUERIES)
def test_consultation_list_is_the_serializers_json(consultations, language, query):
    path = f"/api/v1/consultations/{query}"
    assert_list_is_the_reference(ConsultationViewSet, ConsultationSerializer, path, language)


def test_a_consultation_is_the_serializers_json_and_every_state_shows(consultations):
    api = APIClient()
    states = []
    for consultation in consultations:
        path = f"/api/v1/consultations/{consultation.pk}/"
        item = api.get(path).json()
        assert [item] == reference(ConsultationViewSet, ConsultationSerializer, [consultation.pk], "en", path)
        states.append(item["state"])
    assert states == ["open", "upcoming", "closed", "cancelled", "closed"]
    first = api.get(f"/api/v1/consultations/{consultations[0].pk}/").json()
    assert first["policy_areas"] == ["budgets", "water"]
    assert first["member"]["country"] == "XK"
    assert first["translations"]["en"]["title"] == "Water — access"
    third = api.get(f"/api/v1/consultations/{consultations[2].pk}/").json()
    assert (third["proposal_count"], third["answered_count"]) == (2, 1)
    assert api.get("/api/v1/consultations/999999/").status_code == 404


def test_consultation_pages_cost_the_same_queries_at_any_size(consultations):
    small = _queries("/api/v1/consultations/?page_size=2")
    ConsultationFactory.create_batch(6)
    # the page's ids (with the count), their rows, their policy areas, their translations
    assert _queries("/api/v1/consultations/?page_size=8") == small == 4 + 1 + 2


def test_a_numbered_page_counts_and_picks_its_ids_without_the_rows_joins(consultations):
    with CaptureQueriesContext(connection) as queries:
        assert APIClient().get("/api/v1/consultations/?page=2&page_size=2").status_code == 200
    counts = [q["sql"] for q in queries if "COUNT(" in q["sql"]]
    ids = [q["sql"] for q in queries if q["sql"].startswith('SELECT "consultations_consultation"."id" AS "pk"')]
    assert len(counts) == len(ids) == 1
    assert "commitments_" not in counts[0] + ids[0]  # no join to the plan or the member
