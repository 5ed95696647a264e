"""/api/v1/draft-versions/ and /api/v1/amendments/: filters, state and reason, writes with the pages' rules, and
lists at a constant number of queries."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from drafting.services import amendments
from tests.factories import ActionPlanFactory, UserFactory
from tests.factories.drafting import published_draft, unverified_user

pytestmark = pytest.mark.django_db


def test_versions_are_filtered_by_plan_and_carry_their_text(version, member):
    other = published_draft(action_plan=ActionPlanFactory(member=member))
    api = APIClient()
    listed = api.get(f"/api/v1/draft-versions/?action_plan={version.action_plan_id}").json()["results"]
    assert [item["id"] for item in listed] == [version.pk] and other.pk != version.pk
    detail = api.get(f"/api/v1/draft-versions/{version.pk}/").json()
    assert detail["state"] == "published"
    assert detail["commitments"][0]["paragraphs"][0]["key"] == "objective-1"


def test_amendments_are_listed_with_state_and_reason_at_a_constant_cost(version, paragraph, point_of_contact):
    api = APIClient()
    first = amendments.amendment_propose(author=UserFactory(), paragraph=paragraph, text="Words 0")
    amendments.amendment_decide(amendment=first, user=point_of_contact, state="rejected", reason="Out of scope.")
    url = f"/api/v1/amendments/?action_plan={version.action_plan_id}"
    with CaptureQueriesContext(connection) as few:
        [item] = api.get(url).json()["results"]
    assert (item["state"], item["reason"]) == ("rejected", "Out of scope.")
    for n in range(1, 8):
        amendments.amendment_propose(author=UserFactory(), paragraph=paragraph, text=f"Words {n}")
    with CaptureQueriesContext(connection) as many:
        assert len(api.get(url).json()["results"]) == 8
    assert len(many) == len(few)
    for item in api.get(url).json()["results"]:  # the list's rows read less than one amendment's page, the same
        assert api.get(item["url"]).json() == item
    assert len(api.get(url + "&state=proposed").json()["results"]) == 7
    commitment = paragraph.draft_commitment.commitment_id
    [rejected] = api.get(f"/api/v1/amendments/?commitment={commitment}&state=rejected").json()["results"]
    assert rejected["commitment"] == commitment and rejected["reason"] == "Out of scope."


def test_amendments_are_proposed_supported_and_decided_through_the_api(paragraph, participant, point_of_contact):
    api = APIClient()
    payload = {"paragraph": paragraph.pk, "text": "Publish every contract within a week."}
    assert api.post("/api/v1/amendments/", payload, format="json").status_code == 401
    unverified = unverified_user()
    api.force_authenticate(unverified)
    refused = api.post("/api/v1/amendments/", payload, format="json")
    assert refused.status_code == 400 and "verified" in json.dumps(refused.json())
    api.force_authenticate(participant)
    created = api.post("/api/v1/amendments/", payload, format="json")
    assert created.status_code == 201, created.json()
    pk = created.json()["id"]
    api.force_authenticate(UserFactory())
    assert api.post(f"/api/v1/amendments/{pk}/support/").json()["support_count"] == 1
    assert api.post(f"/api/v1/amendments/{pk}/decide/", {"state": "accepted", "reason": "x"}).status_code == 403
    api.force_authenticate(point_of_contact)
    decided = api.post(f"/api/v1/amendments/{pk}/decide/", {"state": "accepted", "reason": "Clearer."}, format="json")
    assert decided.status_code == 200 and decided.json()["state"] == "accepted"
    assert decided.json()["reason"] == "Clearer."


def test_a_versions_text_is_the_reference_serializers_json(member, point_of_contact, django_assert_max_num_queries):
    """The detail's commitments and paragraphs come from values() rows (drafting.api.rows): the same JSON as
    DraftVersionDetailSerializer on the instances, key order included, at a constant number of queries."""
    from rest_framework.renderers import JSONRenderer
    from rest_framework.request import Request
    from rest_framework.test import APIRequestFactory

    from drafting.api.serializers import DraftVersionDetailSerializer
    from drafting.models import DraftParagraph, DraftVersion

    version = published_draft(action_plan=ActionPlanFactory(member=member), commitments=3, poc=point_of_contact)
    paragraph = DraftParagraph.objects.filter(draft_commitment__version=version).order_by("-id").first()
    DraftParagraph.objects.filter(pk=paragraph.pk).update(comment_count=4, order=0)  # first of its commitment now
    path = f"/api/v1/draft-versions/{version.pk}/"
    with django_assert_max_num_queries(6):
        served = APIClient().get(path)
    instance = DraftVersion.objects.prefetch_related("commitments__paragraphs").get(pk=version.pk)
    request = Request(APIRequestFactory().get(path))
    expected = JSONRenderer().render(DraftVersionDetailSerializer(instance, context={"request": request}).data)
    assert json.loads(served.content) == json.loads(expected)
    assert list(json.loads(served.content)["commitments"][0]) == list(json.loads(expected)["commitments"][0])
    assert len(served.json()["commitments"]) == 3 and any(
        p["comment_count"] == 4 for c in served.json()["commitments"] for p in c["paragraphs"]
    )


def test_a_version_address_that_is_no_id_answers_404(version):
    api = APIClient()
    assert api.get(f"/api/v1/draft-versions/{version.pk}/").status_code == 200
    for key in ("9" * 25, "\u0661"):  # beyond a 64-bit id; an Arabic-Indic digit one
        assert api.get(f"/api/v1/draft-versions/{key}/").status_code == 404
