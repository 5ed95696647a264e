"""Peer exchanges through the API (`/api/v1/exchanges/`): asked and answered with the pages' rules and rate limit;
points of contact list their member's, the support unit every one, at a constant number of queries."""

import pytest
from rest_framework.test import APIClient

from peers.models import ExchangeRequest
from tests.factories import MemberFactory, UserFactory
from tests.factories.peers import ExchangeRequestFactory
from tests.peers.conftest import commitment_of

pytestmark = pytest.mark.django_db

URL = "/api/v1/exchanges/"


def _as(user) -> APIClient:
    api = APIClient()
    api.force_authenticate(user)
    return api


def test_a_point_of_contact_asks_and_the_other_member_answers(madrid, paris, area, madrid_poc, paris_poc):
    theirs = commitment_of(madrid, "Open contracting in the city's tenders", area)
    ours = commitment_of(paris, "Open contracting for Paris", area)
    payload = {"commitment": theirs.pk, "message": "How did you publish tenders?", "about": ours.pk}
    assert _as(madrid_poc).post(URL, payload, format="json").status_code == 403  # its own member's commitment
    created = _as(paris_poc).post(URL, payload, format="json")
    assert created.status_code == 201, created.json()
    body = created.json()
    assert (body["member"]["slug"], body["requester_member"]["slug"], body["about"]["id"]) == (
        "madrid",
        "paris",
        ours.pk,
    )
    again = _as(paris_poc).post(URL, payload, format="json")
    assert again.status_code == 400 and "awaits an answer" in again.json()["errors"]["non_field_errors"][0]
    pk = body["id"]
    answer = {"decision": "accept", "answer": "Gladly: write to Ana."}
    assert _as(paris_poc).post(f"{URL}{pk}/answer/", answer, format="json").status_code == 403
    answered = _as(madrid_poc).post(f"{URL}{pk}/answer/", answer, format="json")
    assert answered.status_code == 200 and answered.json()["status"] == "accepted"
    assert answered.json()["answered_by"] == "Lucía Gómez"
    assert _as(madrid_poc).post(f"{URL}{pk}/answer/", answer, format="json").status_code == 403  # final


def test_who_reads_exchanges(madrid, paris, madrid_poc, paris_poc, participant, staff_user):
    exchange = ExchangeRequestFactory(member=madrid, requester_member=paris, requester=paris_poc)
    stranger = UserFactory(point_of_contact_of=MemberFactory())
    assert _as(participant).get(URL).status_code == 403
    assert APIClient().get(URL).status_code == 401
    assert _as(stranger).get(URL).json()["results"] == []
    assert _as(stranger).get(f"{URL}{exchange.pk}/").status_code == 403
    for user in (madrid_poc, paris_poc, staff_user):
        assert [e["id"] for e in _as(user).get(URL).json()["results"]] == [exchange.pk]
        assert _as(user).get(f"{URL}{exchange.pk}/").status_code == 200
    assert _as(staff_user).get(f"{URL}?status=accepted").json()["results"] == []


def test_the_api_counts_against_the_pages_rate_limit(settings, madrid, paris, area, paris_poc):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "peers.exchange": {"user": (1, 3600), "ip": (10, 3600)}}
    first = commitment_of(madrid, "Open contracting", area)
    second = commitment_of(madrid, "Open budgets", area)
    api = _as(paris_poc)
    assert api.post(URL, {"commitment": first.pk, "message": "Hello"}, format="json").status_code == 201
    assert api.post(URL, {"commitment": second.pk, "message": "Hello"}, format="json").status_code == 429
    assert ExchangeRequest.objects.count() == 1


def test_the_list_costs_the_same_queries_with_more_exchanges(madrid, paris, staff_user, django_assert_max_num_queries):
    ExchangeRequestFactory(member=madrid, requester_member=paris)
    api = _as(staff_user)
    with django_assert_max_num_queries(10) as few:
        assert len(api.get(URL).json()["results"]) == 1
    for _i in range(5):
        ExchangeRequestFactory(member=MemberFactory(), requester_member=paris)
    with django_assert_max_num_queries(len(few)):
        assert len(api.get(URL).json()["results"]) == 6
