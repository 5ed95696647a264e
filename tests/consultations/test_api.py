"""Consultations and proposals through the API: public reads, and writes under the web views' rules."""

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from consultations.models import Comment, Proposal, Support
from tests.factories import CommitmentFactory, MemberFactory, UserFactory
from tests.factories.consultations import CommentFactory, ConsultationFactory, ProposalFactory, ResponseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    return APIClient()


def _ids(response):
    assert response.status_code == 200, response.json()
    return [item["id"] for item in response.json()["results"]]


def test_proposals_list_only_public_ones_and_never_an_email(api, consultation, proposal, author):
    ProposalFactory(consultation=consultation, draft=True)
    ProposalFactory(consultation=consultation, is_hidden=True)
    author.full_name = ""
    author.save()
    data = api.get("/api/v1/proposals/").json()
    assert [p["id"] for p in data["results"]] == [proposal.pk]
    assert author.email not in str(data)
    assert data["results"][0]["author"] == "Participant"


def test_others_drafts_and_hidden_proposals_are_404(api, consultation, author):
    draft = ProposalFactory(consultation=consultation, author=author, draft=True)
    hidden = ProposalFactory(consultation=consultation, is_hidden=True)
    assert api.get(f"/api/v1/proposals/{draft.pk}/").status_code == 404
    assert api.get(f"/api/v1/proposals/{hidden.pk}/").status_code == 404
    api.force_authenticate(UserFactory())
    assert api.get(f"/api/v1/proposals/{draft.pk}/").status_code == 404
    api.force_authenticate(author)
    assert api.get(f"/api/v1/proposals/{draft.pk}/").json()["status"] == "draft"


def test_sort_by_most_supported_walks_every_proposal_once(api, consultation):
    proposals = [ProposalFactory(consultation=consultation, support_count=n % 3) for n in range(7)]
    expected = [p.pk for p in sorted(proposals, key=lambda p: (-p.support_count, -p.submitted_at.timestamp(), -p.pk))]
    seen, url = [], "/api/v1/proposals/?sort=supported&page_size=2"
    while url:
        page = api.get(url).json()
        seen += [item["id"] for item in page["results"]]
        url = page["next"]
    assert seen == expected


def test_lists_cost_the_same_queries_at_5_and_30_rows(api, consultation):
    def queries(url):
        with CaptureQueriesContext(connection) as ctx:
            assert api.get(url).status_code == 200
        return len(ctx.captured_queries)

    for _ in range(5):
        ResponseFactory(proposal=ProposalFactory(consultation=consultation))
        ConsultationFactory()
    small = [queries("/api/v1/proposals/"), queries("/api/v1/consultations/")]
    for _ in range(25):
        ResponseFactory(proposal=ProposalFactory(consultation=consultation))
        ConsultationFactory()
    assert [queries("/api/v1/proposals/"), queries("/api/v1/consultations/")] == small


def test_a_participant_writes_edits_supports_comments_and_withdraws(api, consultation):
    writer, supporter = UserFactory(), UserFactory()
    api.force_authenticate(writer)
    key = str(uuid.uuid4())
    body = {"consultation": consultation.pk, "title": "Open the lobby register", "problem": "P", "solution": "S"}
    created = api.post("/api/v1/proposals/", {**body, "submission_key": key})
    again = api.post("/api/v1/proposals/", {**body, "submission_key": key})  # a retry
    assert created.status_code == 201 and again.json()["id"] == created.json()["id"]
    assert Proposal.objects.count() == 1
    pk = created.json()["id"]
    assert api.patch(f"/api/v1/proposals/{pk}/", {"title": "Open the register"}).json()["title"] == "Open the register"

    api.force_authenticate(supporter)
    assert api.post(f"/api/v1/proposals/{pk}/support/").json() == {"supported": True, "support_count": 1}
    assert api.post(f"/api/v1/proposals/{pk}/support/").json()["support_count"] == 1
    comment = api.post(f"/api/v1/proposals/{pk}/comments/", {"body": "Yes, and district boards too."})
    assert comment.status_code == 201
    reply = api.post(f"/api/v1/proposals/{pk}/comments/", {"body": "Agreed.", "parent": comment.json()["id"]})
    assert reply.status_code == 201
    assert [c["body"] for c in api.get(f"/api/v1/proposals/{pk}/comments/").json()["results"]] == [
        "Yes, and district boards too.",
        "Agreed.",
    ]
    assert api.delete(f"/api/v1/proposals/{pk}/support/").json() == {"supported": False, "support_count": 0}

    api.force_authenticate(writer)
    withdrawn = api.post(f"/api/v1/proposals/{pk}/withdraw/", {"reason": "duplicate"})
    assert withdrawn.status_code == 200 and withdrawn.json()["status"] == "withdrawn"


def test_the_point_of_contact_publishes_a_response_linking_a_commitment(api, consultation, proposal, point_of_contact):
    commitment = CommitmentFactory(action_plan=consultation.action_plan, number="3.1")
    api.force_authenticate(point_of_contact)
    response = api.post(
        f"/api/v1/proposals/{proposal.pk}/response/",
        {"outcome": "accepted", "reasons": "It became commitment 3.1.", "commitments": [commitment.pk]},
    )
    assert response.status_code == 200, response.json()
    api.force_authenticate(None)
    public = api.get(f"/api/v1/proposals/{proposal.pk}/").json()
    assert public["status"] == "accepted" and public["response"]["commitments"][0]["number"] == "3.1"


def test_a_draft_response_is_not_public(api, consultation, proposal, point_of_contact):
    api.force_authenticate(point_of_contact)
    api.post(f"/api/v1/proposals/{proposal.pk}/response/", {"outcome": "rejected", "reasons": "Why", "publish": False})
    api.force_authenticate(None)
    assert api.get(f"/api/v1/proposals/{proposal.pk}/").json()["response"] is None


WRITES = {
    "create": lambda p: (
        "post",
        "/api/v1/proposals/",
        {"consultation": p.consultation_id, "title": "T", "problem": "P", "solution": "S"},
    ),
    "edit": lambda p: ("patch", f"/api/v1/proposals/{p.pk}/", {"title": "Hijacked"}),
    "withdraw": lambda p: ("post", f"/api/v1/proposals/{p.pk}/withdraw/", {"reason": "other"}),
    "support": lambda p: ("post", f"/api/v1/proposals/{p.pk}/support/", {}),
    "comment": lambda p: ("post", f"/api/v1/proposals/{p.pk}/comments/", {"body": "Hi"}),
    "respond": lambda p: ("post", f"/api/v1/proposals/{p.pk}/response/", {"outcome": "accepted", "reasons": "R"}),
}
# Who, beside anonymous visitors, must be refused each write.
REFUSED = {
    "create": ["other_contact", "researcher"],
    "edit": ["participant", "other_contact"],
    "withdraw": ["participant", "other_contact"],
    "support": ["author", "other_contact", "researcher"],
    "comment": ["other_contact", "researcher"],
    "respond": ["author", "participant", "other_contact"],
}


@pytest.mark.parametrize(("write", "who"), [(w, who) for w, whos in REFUSED.items() for who in ["anonymous", *whos]])
def test_each_write_refuses_the_wrong_role(api, proposal, write, who):
    users = {
        "author": lambda: proposal.author,
        "participant": lambda: UserFactory(),
        "other_contact": lambda: UserFactory(point_of_contact_of=MemberFactory()),
        "researcher": lambda: UserFactory(researcher=True),
    }
    if who != "anonymous":
        api.force_authenticate(users[who]())
    method, url, body = WRITES[write](proposal)
    before = (Proposal.objects.count(), Support.objects.count(), Comment.objects.count())
    response = getattr(api, method)(url, body)
    assert response.status_code == (401 if who == "anonymous" else 403), (write, who, response.json())
    proposal.refresh_from_db()
    assert proposal.title != "Hijacked" and proposal.status == "submitted"
    assert (Proposal.objects.count(), Support.objects.count(), Comment.objects.count()) == before


def test_writes_to_a_closed_consultation_are_refused(api, author):
    closed = ConsultationFactory(closed=True)
    api.force_authenticate(author)
    response = api.post(
        "/api/v1/proposals/", {"consultation": closed.pk, "title": "Late", "problem": "P", "solution": "S"}
    )
    assert response.status_code == 403
    assert not Proposal.objects.exists()


def test_rate_limited_comments_answer_429_with_retry_after(api, proposal, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "consultations.comment": {"user": (2, 60)}}
    api.force_authenticate(UserFactory())
    codes = [api.post(f"/api/v1/proposals/{proposal.pk}/comments/", {"body": f"n{i}"}).status_code for i in range(3)]
    assert codes == [201, 201, 429]
    limited = api.post(f"/api/v1/proposals/{proposal.pk}/comments/", {"body": "again"})
    assert int(limited["Retry-After"]) > 0 and limited.json()["code"] == "rate_limited"
    assert Comment.objects.count() == 2


def test_script_tags_are_refused_with_a_field_error(api, consultation):
    api.force_authenticate(UserFactory())
    response = api.post(
        "/api/v1/proposals/",
        {"consultation": consultation.pk, "title": "<script>alert(1)</script>", "problem": "P", "solution": "S"},
    )
    assert response.status_code == 400 and "title" in response.json()["errors"]
    assert not Proposal.objects.exists()


def test_consultations_list_with_answered_share(api, consultation, proposal):
    ResponseFactory(proposal=ProposalFactory(consultation=consultation))
    CommentFactory(proposal=proposal)
    item = api.get("/api/v1/consultations/").json()["results"][0]
    assert item["id"] == consultation.pk and item["state"] == "open"
    assert (item["proposal_count"], item["answered_count"]) == (2, 1)


def test_numbered_pages_of_consultations_hold_each_one_once_newest_first(api):
    """Read by their ids first, then the page's rows: the order of the list, each consultation once, its counts."""
    made = [ConsultationFactory(closed=True) for _ in range(3)] + [ConsultationFactory() for _ in range(4)]
    ProposalFactory(consultation=made[2])
    walked, url = [], "/api/v1/consultations/?page_size=2"
    while url:
        page = api.get(url).json()
        walked += page["results"]
        url = page["next"]
    newest_first = sorted(made, key=lambda c: (c.opens_at, c.pk), reverse=True)
    assert [item["id"] for item in walked] == [c.pk for c in newest_first]
    assert [item["proposal_count"] for item in walked] == [int(c == made[2]) for c in newest_first]
