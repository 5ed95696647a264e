"""Assistance requests through the API (`/api/v1/assistance-requests/`): the pages' rules, services and rate
limit; each person lists what they follow, in a fixed number of queries."""

import pytest
from rest_framework.test import APIClient

from common.models import OutgoingEmail
from support.models import SupportRequest
from tests.factories import MemberFactory, UserFactory
from tests.factories.support import SupportRequestFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/assistance-requests/"


def _as(user) -> APIClient:
    api = APIClient()
    api.force_authenticate(user)
    return api


def test_a_point_of_contact_asks_the_representative_accepts_and_delivers(
    point_of_contact, member, drafting, representative
):
    payload = {"member": member.slug, "service": drafting.slug, "description": "Help us draft milestones."}
    assert APIClient().post(URL, payload, format="json").status_code == 401
    created = _as(point_of_contact).post(URL, payload, format="json")
    assert created.status_code == 201, created.json()
    body = created.json()
    assert (body["status"], body["representative"], body["service"]["slug"]) == (
        "received",
        "Clara Nwosu",
        drafting.slug,
    )
    assert "@" not in str(body["requester"])
    pk = body["id"]
    refused = _as(point_of_contact).post(f"{URL}{pk}/transition/", {"to_status": "accepted"}, format="json")
    assert refused.status_code == 403
    staff = _as(representative)
    no_outcome = staff.post(f"{URL}{pk}/transition/", {"to_status": "delivered"}, format="json")
    assert no_outcome.status_code == 400  # received cannot become delivered
    assert staff.post(f"{URL}{pk}/transition/", {"to_status": "accepted"}, format="json").json()["status"] == "accepted"
    missing = staff.post(f"{URL}{pk}/transition/", {"to_status": "delivered"}, format="json")
    assert missing.status_code == 400 and "outcome" in missing.json()["errors"]
    done = staff.post(f"{URL}{pk}/transition/", {"to_status": "delivered", "outcome": "Two workshops."}, format="json")
    assert done.json()["status"] == "delivered" and done.json()["outcome"] == "Two workshops."
    # The acknowledgement, the representative's copy and the two status changes, as the pages send them.
    assert OutgoingEmail.objects.filter(to=[point_of_contact.email]).count() == 3
    assert OutgoingEmail.objects.filter(to=[representative.email]).count() == 1


def test_others_are_refused_as_on_the_pages(point_of_contact, member, drafting, other_point_of_contact, participant):
    request = SupportRequestFactory(member=member, requester=point_of_contact, service=drafting)
    detail = f"{URL}{request.pk}/"
    assert _as(point_of_contact).get(detail).status_code == 200
    assert _as(other_point_of_contact).get(detail).status_code == 403
    assert APIClient().get(detail).status_code == 401
    assert _as(participant).get(f"{URL}999999/").status_code == 404
    assert _as(other_point_of_contact).get(URL).json()["results"] == []
    payload = {"member": member.slug, "service": drafting.slug, "description": "Hijacked"}
    assert _as(participant).post(URL, payload, format="json").status_code == 403
    note = _as(other_point_of_contact).post(f"{detail}notes/", {"body": "Hijacked"}, format="json")
    assert note.status_code == 403
    assert SupportRequest.objects.count() == 1 and not request.notes.exists()


def test_notes_are_added_by_the_team_and_shown(point_of_contact, member, drafting):
    request = SupportRequestFactory(member=member, requester=point_of_contact, service=drafting)
    response = _as(point_of_contact).post(f"{URL}{request.pk}/notes/", {"body": "The draft is attached."})
    assert response.status_code == 201
    assert [n["body"] for n in response.json()["notes"]] == ["The draft is attached."]


def test_the_api_counts_against_the_pages_rate_limit(settings, point_of_contact, member, drafting):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "support.request": {"user": (1, 3600), "ip": (10, 3600)}}
    api = _as(point_of_contact)
    payload = {"member": member.slug, "service": drafting.slug, "description": "Help."}
    assert api.post(URL, payload, format="json").status_code == 201
    assert api.post(URL, payload, format="json").status_code == 429


def test_the_list_costs_the_same_queries_with_more_requests(
    point_of_contact, member, drafting, staff_user, django_assert_max_num_queries
):
    from support.models import SupportNote

    def grow(n):
        for _i in range(n):
            request = SupportRequestFactory(member=member, requester=UserFactory(), service=drafting)
            SupportNote.objects.create(request=request, author=point_of_contact, body="Hello")
        SupportRequestFactory(member=MemberFactory(), service=drafting)  # another member's

    grow(1)
    api = _as(point_of_contact)
    with django_assert_max_num_queries(12) as few:
        assert len(api.get(URL).json()["results"]) == 1
    grow(5)
    with django_assert_max_num_queries(len(few)):
        assert len(api.get(URL).json()["results"]) == 6
    assert len(_as(staff_user).get(URL).json()["results"]) == 8
