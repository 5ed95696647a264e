"""The fast path of the member and commitment API (values() rows, orjson): the same JSON as the reference
serializers on the same data, in every language, anonymous and signed in, with flat query counts."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.test import APIClient, APIRequestFactory

from accounts.models import User
from commitments.models import Commitment, PolicyArea
from common.db import ANY_SIZE
from drafting.services.amendments import amendment_decide, amendment_propose
from irm_reports.models import CommitmentAssessment, Report
from monitoring.models import CommitmentMonitoring
from partnership.api.rows import AREAS_OF, ASSESSMENTS_OF, MILESTONES_OF, ORGANISATIONS_OF, PROVENANCE_OF
from partnership.api.serializers import CommitmentSerializer, MemberSerializer
from partnership.api.views import CommitmentViewSet, MemberViewSet
from tests.factories import (
    CommitmentFactory,
    MemberFactory,
    MilestoneFactory,
    OrganisationFactory,
    PolicyAreaFactory,
    UserFactory,
)
from tests.factories.drafting import published_draft
from tests.factories.irm_reports import CommitmentAssessmentFactory

pytestmark = pytest.mark.django_db
LANGUAGES = ["en", "fr", "es"]


def reference(viewset, serializer_class, ids, language, path):
    """What the serializer of the endpoint says about these objects (the contract of the fast path)."""
    with translation.override(language):
        request = Request(APIRequestFactory().get(path))
        view = viewset(request=request, format_kwarg=None, action="list")
        objects = {obj.pk: obj for obj in view.get_queryset().filter(pk__in=ids)}
        data = serializer_class([objects[pk] for pk in ids], many=True, context={"request": request}).data
        return json.loads(JSONRenderer().render(data))


def assert_list_is_the_reference(viewset, serializer_class, path, language, *, signed_in=False):
    """The list's page at `path` (not empty) is the JSON its serializer gives of the same objects."""
    api = APIClient()
    if signed_in:
        api.force_authenticate(UserFactory())
    response = api.get(path, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    items = response.json()["results"]
    assert items
    assert items == reference(viewset, serializer_class, [item["id"] for item in items], language, path)


@pytest.fixture
def commitments():
    parent = MemberFactory(country="DE", name="Deutschland", name_fr="Allemagne")
    member = MemberFactory(parent=parent, kind="local", country="XK", name="Prishtina\u2028line", name_fr="Priština")
    water = PolicyAreaFactory(slug="water", name="Water", name_fr="Eau")
    sub = PolicyAreaFactory(slug="water-access", name="Access to water", parent=water)
    lead = OrganisationFactory(name="Ministère de l'Eau")
    first = CommitmentFactory(action_plan__member=member, lead_institution=lead, title="Eau potable — accès")
    first.supporting_organisations.add(OrganisationFactory(name="Zeta"), OrganisationFactory(name="Alpha"))
    first.policy_areas.add(sub, water)
    MilestoneFactory(commitment=first, order=2)
    MilestoneFactory(commitment=first, order=1, status="completed", completed_on="2024-03-01")
    assessed = CommitmentAssessmentFactory(report__action_plan=first.action_plan, commitment=first)
    CommitmentAssessment.objects.filter(pk=assessed.pk).update(is_latest=True)
    Report.objects.filter(pk=assessed.report_id).update(published_at=timezone.now())
    _amended(first)
    second = CommitmentFactory(action_plan__member=parent, short_title="", completion="substantial")
    return [first, second, *CommitmentFactory.create_batch(3)]


def _amended(commitment):
    """Two accepted amendments (one by a deleted account) and a rejected one on the commitment's draft."""
    staff = UserFactory(staff=True)
    version = published_draft(action_plan=commitment.action_plan, poc=staff)
    paragraph = version.commitments.get(commitment=commitment).paragraphs.first()
    decisions = [("Ada Lovelace", "accepted", "Clearer."), ("Gone Person", "accepted", ""), ("Bo", "rejected", "No.")]
    for name, state, reason in decisions:
        author = UserFactory(full_name=name)
        amendment = amendment_propose(author=author, paragraph=paragraph, text=f"Wording of {name}")
        amendment_decide(amendment=amendment, user=staff, state=state, reason=reason or "Agreed.")
    User.objects.filter(full_name="Gone Person").update(deleted_at=timezone.now())


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("signed_in", [False, True])
@pytest.mark.parametrize(
    "query",
    ["", "?ordering=-id", "?policy_area=water", "?search=potable", "?page_size=2&ordering=-start_date"],
)
def test_commitment_list_is_the_serializers_json(commitments, language, signed_in, query):
    assert_list_is_the_reference(CommitmentViewSet, CommitmentSerializer, f"/api/v1/commitments/{query}", language,
                                 signed_in=signed_in)  # fmt: skip


def test_the_fast_path_carries_everything_of_a_commitment(commitments):
    item = APIClient().get(f"/api/v1/commitments/{commitments[0].pk}/").json()
    assert [org["name"] for org in item["supporting_organisations"]] == ["Alpha", "Zeta"]
    assert [area["parent"] for area in item["policy_areas"]] == ["water", None]
    assert [m["order"] for m in item["milestones"]] == [1, 2]
    assert item["latest_assessment"]["report"]["url"].startswith("http://testserver/api/v1/reports/")
    assert item["member"]["country"] == "XK"
    provenance = item["provenance"]
    assert [(a["author"], a["state"], a["reason"]) for a in provenance] == [
        ("Ada Lovelace", "accepted", "Clearer."),
        ("Deleted participant", "accepted", "Agreed."),
    ]
    assert APIClient().get(provenance[0]["url"]).json()["text"] == "Wording of Ada Lovelace"
    french = APIClient().get(f"/api/v1/commitments/{commitments[0].pk}/", HTTP_ACCEPT_LANGUAGE="fr").json()
    assert french["provenance"][1]["author"] == "Participant supprimé"


def test_every_page_of_a_cursor_walk_is_the_serializers_json(commitments):
    api, path, seen = APIClient(), "/api/v1/commitments/?page_size=2", []
    while path:
        body = api.get(path).json()
        ids = [item["id"] for item in body["results"]]
        assert body["results"] == reference(CommitmentViewSet, CommitmentSerializer, ids, "en", path)
        seen += ids
        path = body["next"]
    assert sorted(seen) == sorted(c.pk for c in commitments)


@pytest.mark.parametrize("language", LANGUAGES)
def test_commitment_detail_is_the_serializers_json(commitments, language):
    first = commitments[0]
    completed = first.milestones.get(status="completed")
    # civil society finds the completed milestone not started: a JSON column, read by the statement compiled once
    CommitmentMonitoring.objects.create(commitment=first, milestone_findings={str(completed.pk): "not_started"})
    for commitment in commitments[:2]:
        path = f"/api/v1/commitments/{commitment.pk}/"
        item = APIClient().get(path, HTTP_ACCEPT_LANGUAGE=language).json()
        assert [item] == reference(CommitmentViewSet, CommitmentSerializer, [commitment.pk], language, path)
        assert item["disputed"] is (commitment == first)
    assert APIClient().get("/api/v1/commitments/999999/").status_code == 404
    assert APIClient().get(f"/api/v1/commitments/{2**64}/").status_code == 404
    # a parameter naming a filter applies to a detail as to the list (as DRF's get_object does)
    assert APIClient().get(f"/api/v1/commitments/{first.pk}/?status=completed").status_code == 404


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("query", ["", "?kind=local", "?ordering=-joined_year", "?search=prishtina"])
def test_member_list_and_detail_are_the_serializers_json(commitments, language, query):
    path = f"/api/v1/members/{query}"
    items = APIClient().get(path, HTTP_ACCEPT_LANGUAGE=language).json()["results"]
    ids = [item["id"] for item in items]
    assert items and items == reference(MemberViewSet, MemberSerializer, ids, language, path)
    detail = APIClient().get(f"/api/v1/members/{ids[0]}/", HTTP_ACCEPT_LANGUAGE=language).json()
    assert detail == items[0]


def test_country_names_follow_the_language(commitments):
    names = {
        language: {
            m["country"]: m["country_name"]
            for m in APIClient().get("/api/v1/members/", HTTP_ACCEPT_LANGUAGE=language).json()["results"]
        }
        for language in LANGUAGES
    }
    assert names["en"]["DE"] == "Germany" and names["fr"]["DE"] == "Allemagne"
    assert names["en"]["XK"] == "Kosovo"


def test_line_separators_are_escaped_as_drf_does(commitments):
    body = APIClient().get("/api/v1/members/?search=prishtina").content
    assert b"\\u2028" in body and "\u2028".encode() not in body
    assert "Priština".encode() in body  # UTF-8, not \u escapes


def test_a_write_shows_at_once(commitments):
    api, commitment = APIClient(), commitments[1]
    path = "/api/v1/commitments/?ordering=-id&page_size=100"
    api.get(path)  # filled the page cache
    commitment.title = "Renamed"
    commitment.save()
    titles = {item["id"]: item["title"] for item in api.get(path).json()["results"]}
    assert titles[commitment.pk] == "Renamed"
    assert api.get(f"/api/v1/commitments/{commitment.pk}/").json()["title"] == "Renamed"


def _queries(path) -> int:
    api = APIClient()
    api.force_authenticate(UserFactory())  # never from the page cache
    with CaptureQueriesContext(connection) as queries:
        assert api.get(path).status_code == 200
    return len(queries)


def test_query_counts_do_not_grow_with_the_page(commitments):
    CommitmentFactory.create_batch(6)
    for base in ["/api/v1/commitments/?page_size=", "/api/v1/members/?page_size="]:
        _queries(f"{base}1")  # the members' total: counted once per content version (ContentPaginator)
        assert _queries(f"{base}2") == _queries(f"{base}10")
    # members: the page's ids, then its rows; commitments: the page's ids (and ordering keys), its rows, then
    # organisations, policy areas, milestones, assessments, similar commitments (peers), accepted amendments
    # (drafting), the translations of the commitments and of their milestones
    assert _queries("/api/v1/commitments/?page_size=10") - _queries("/api/v1/members/?page_size=10") == 8


def test_a_page_query_compiled_once_gives_what_the_orm_gives(commitments):
    ids = [c.pk for c in commitments]
    for query in (ORGANISATIONS_OF, AREAS_OF, MILESTONES_OF, ASSESSMENTS_OF, PROVENANCE_OF):
        for size in (1, 3, 5, 3):
            assert query(ids[:size]) == list(query.build(ids[:size]))
        # compiled, not the ORM's fallback (converters applied): on PostgreSQL one statement for one id, one for any
        # other number (the ids as an array); elsewhere one per number of ids
        if connection.vendor == "postgresql":
            assert query.compiled[ANY_SIZE] is not None and set(query.compiled) == {1, ANY_SIZE}
        else:
            assert query.compiled[5] is not None
    assert MILESTONES_OF(ids[::-1]) == list(MILESTONES_OF.build(ids[::-1]))
    assert MILESTONES_OF([]) == []


def test_a_page_query_compiled_per_number_of_ids_gives_what_the_orm_gives(commitments, monkeypatch):
    """Where the ids cannot be one array (another database, not one IN list): a statement per number of ids."""
    ids = [c.pk for c in commitments]
    for query in (ORGANISATIONS_OF, AREAS_OF, MILESTONES_OF, ASSESSMENTS_OF, PROVENANCE_OF):
        monkeypatch.setattr(query, "compiled", {ANY_SIZE: None})
        for size in (1, 3, 5, 3):
            assert query(ids[:size]) == list(query.build(ids[:size]))
        assert query.compiled[5] is not None and query.compiled[3] is not None


def test_an_empty_page_is_an_empty_list(commitments):
    for path in ["/api/v1/commitments/?status=completed", "/api/v1/commitments/?search=nothing-like-this"]:
        response = APIClient().get(path)
        assert response.status_code == 200 and response.json()["results"] == []


def test_a_page_query_whose_stand_ins_are_ambiguous_goes_through_the_orm(commitments):
    from common.db import PageQuery

    ids = [c.pk for c in commitments]
    # a constant equal to a stand-in (-1) among the parameters: compiled, it would be taken for an id
    excluding = PageQuery(lambda page: Commitment.objects.filter(pk__in=page).exclude(pk=-1).values("id"))
    assert sorted(row["id"] for row in excluding(ids[:3])) == sorted(ids[:3])
    assert excluding.compiled[3] is None
    # keys that are not integers: no stand-in among the parameters
    by_slug = PageQuery(lambda page: PolicyArea.objects.filter(slug__in=[str(p) for p in page]).values("slug"))
    assert by_slug(["water"]) == [{"slug": "water"}]
    assert by_slug.compiled[1] is None


def test_a_page_query_reads_more_ids_than_it_keeps_statements_for_through_the_orm(commitments, monkeypatch):
    from common.db import PageQuery

    ids = [c.pk for c in commitments]
    query = PageQuery(lambda page: Commitment.objects.filter(pk__in=page).order_by("pk").values("id"), up_to=2)
    assert [row["id"] for row in query(ids[:2])] == sorted(ids[:2])
    assert [row["id"] for row in query(ids[:3])] == sorted(ids[:3])
    assert list(query.compiled) == ([ANY_SIZE] if connection.vendor == "postgresql" else [ANY_SIZE, 2])
    monkeypatch.setattr(query, "compiled", {ANY_SIZE: None})  # a statement per number of ids, up to 2
    assert [row["id"] for row in query(ids[:2])] == sorted(ids[:2])
    assert [row["id"] for row in query(ids[:3])] == sorted(ids[:3])
    assert list(query.compiled) == [ANY_SIZE, 2]


def test_a_page_query_with_constant_annotations_is_compiled_when_told_so(commitments):
    from common.db import PageQuery

    ids = [c.pk for c in commitments]

    def build(page):
        return Commitment.objects.filter(pk__in=page).with_milestone_progress().values("id", "milestone_count")

    expected = sorted(build(ids[:2]), key=lambda row: row["id"])
    for annotations, compiled in ((False, False), (True, True)):
        query = PageQuery(build, annotations=annotations)
        assert sorted(query(ids[:2]), key=lambda row: row["id"]) == expected
        assert (query.compiled[ANY_SIZE if connection.vendor == "postgresql" else 2] is not None) is compiled
