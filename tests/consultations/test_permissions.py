"""Every write path refuses the wrong roles: anonymous visitors go to the login page, the others get 403,
and nothing changes. One test per path (parametrized), with a valid payload that the right role could send."""

import uuid
from datetime import timedelta

import pytest
from django.urls import URLPattern, reverse
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.models import Organisation
from consultations import urls as consultation_urls
from consultations.models import (
    Comment,
    CommentTranslation,
    Consultation,
    ConsultationTranslation,
    Flag,
    Follow,
    Forum,
    ForumMeeting,
    ForumSeat,
    ModerationEvent,
    Proposal,
    ProposalResponse,
    ProposalResponseTranslation,
    Referral,
    ResponseTemplate,
    Support,
)
from tests.factories import CommitmentFactory, UserFactory
from tests.factories.consultations import (
    CommentFactory,
    ForumFactory,
    ForumMeetingFactory,
    ForumSeatFactory,
    ProposalFactory,
    ResponseFactory,
    ResponseTemplateFactory,
)

pytestmark = pytest.mark.django_db

PROPOSAL_TEXT = {"title": "Hijacked", "problem": "Hijacked", "solution": "Hijacked", "website": ""}
MANAGED = ["participant", "author", "other_contact"]  # a member's own data: only its contact and staff
OWNED = ["participant", "own_contact", "other_contact"]  # the author's: nobody else
# path name -> (object the URL takes, payload, roles refused besides anonymous)
WRITE_PATHS = {
    "proposal-create": (
        "consultation",
        {**PROPOSAL_TEXT, "submission_key": str(uuid.uuid4())},
        ["own_contact", "other_contact", "researcher"],
    ),
    "proposal-update": ("proposal", PROPOSAL_TEXT, OWNED),
    "proposal-submit": ("draft", {}, OWNED),
    # its author, the member's point of contact and staff
    "proposal-translation": (
        "proposal",
        {"language": "fr", **{f"{name}_translated": "Hijacked" for name in ("title", "problem", "solution")}},
        ["participant", "other_contact"],
    ),
    # a consultation and a response: the member's point of contact and staff; a comment: its author and staff
    "consultation-translation": (
        "consultation",
        {"language": "fr", "title_translated": "Hijacked", "description_translated": "Hijacked"},
        MANAGED,
    ),
    "response-translation": ("answered", {"language": "fr", "reasons_translated": "Hijacked"}, MANAGED),
    "comment-translation": ("comment", {"language": "fr", "body_translated": "Hijacked"}, OWNED),
    "proposal-withdraw": ("proposal", {"withdrawal_reason": "duplicate"}, OWNED),
    "proposal-delete": ("draft", {}, OWNED),
    "proposal-support": ("proposal", {}, ["author", "own_contact", "other_contact"]),
    "proposal-unsupport": ("proposal", {}, ["author", "own_contact", "other_contact"]),
    "proposal-follow": ("proposal", {}, []),  # anyone signed in may follow
    "proposal-unfollow": ("proposal", {}, []),
    "proposal-flag": ("proposal", {"reason": "spam"}, ["author"]),  # anyone else may report
    "comment-create": ("proposal", {"body": "Hijacked", "website": ""}, ["researcher", "other_contact"]),
    "comment-update": ("comment", {"body": "Hijacked"}, OWNED),
    "comment-flag": ("comment", {"reason": "spam"}, ["author"]),
    "moderation-proposal": ("proposal", {"action": "hide", "reason": "x"}, ["participant", *OWNED]),
    "moderation-comment": ("comment", {"action": "hide", "reason": "x"}, ["participant", *OWNED]),
    "workspace-consultation-create": (
        "plan",
        {"title": "Hijacked", "kind": "proposals", "description": "x", "opens_at": "2030-01-01T10:00"}
        | {"closes_at": "2030-02-01T10:00"},
        MANAGED,
    ),
    "workspace-consultation": ("consultation", {"outcome": "not_accepted", "reasons": "x"}, MANAGED),
    "workspace-consultation-update": ("consultation", {"title": "Hijacked", "kind": "proposals"}, MANAGED),
    "workspace-consultation-end": ("consultation", {"action": "cancel", "reason": "Hijacked"}, MANAGED),
    "workspace-response": ("proposal", {"outcome": "not_accepted", "reasons": "x", "action": "publish"}, MANAGED),
    "workspace-referral-create": ("proposal", {"institution_name": "Hijacked"}, MANAGED),
    "workspace-referral-opinion": ("referral", {"opinion": "Hijacked"}, MANAGED),
    # Only a contact of the institution asked gives its opinion: not even the member's point of contact.
    "referral-answer": (
        "referral",
        {"opinion": "Hijacked"},
        ["participant", "author", "own_contact", "other_contact", "researcher"],
    ),
    "workspace-responsetemplate-create": ("member", {"title": "H", "outcome": "accepted", "reasons": "x"}, MANAGED),
    "workspace-responsetemplate-update": ("template", {"title": "H", "outcome": "accepted", "reasons": "x"}, MANAGED),
    "workspace-responsetemplate-delete": ("template", {}, MANAGED),
    "workspace-forum": ("member", {"name": "Hijacked"}, MANAGED),
    "workspace-forumseat-create": ("member", {"organisation_name": "H", "sector": "other", "role": "member"}, MANAGED),
    "workspace-forumseat-update": ("seat", {"organisation_name": "H", "sector": "other", "role": "member"}, MANAGED),
    "workspace-forumseat-delete": ("seat", {}, MANAGED),
    "workspace-forummeeting-create": ("member", {"title": "H", "held_on": "2026-01-01", "agenda": "x"}, MANAGED),
    "workspace-forummeeting-update": ("meeting", {"title": "H", "held_on": "2026-01-01", "agenda": "x"}, MANAGED),
}
READ_ONLY = {
    "consultation-list",
    "consultation-detail",
    "proposal-similar",
    "proposal-list",
    "proposal-mine",
    "proposal-detail",
    "proposal-attachment",
    "forum-detail",
    "forummeeting-detail",
    "moderation-queue",
    "workspace-cocreation",
    "workspace-responsetemplate-list",
}
MODELS = [
    Comment,
    CommentTranslation,
    Consultation,
    ConsultationTranslation,
    Flag,
    Follow,
    Forum,
    ForumMeeting,
    ForumSeat,
    ModerationEvent,
    Proposal,
    ProposalResponse,
    ProposalResponseTranslation,
    Referral,
    ResponseTemplate,
    Support,
]


@pytest.fixture
def world(member, plan, consultation, author, proposal):
    CommitmentFactory(action_plan=plan, number="1")
    forum = ForumFactory(member=member)
    return {
        "member": member,
        "plan": plan,
        "consultation": consultation,
        "proposal": proposal,
        "draft": ProposalFactory(consultation=consultation, author=author, draft=True),
        "answered": ResponseFactory(proposal=ProposalFactory(consultation=consultation)).proposal,
        "comment": CommentFactory(proposal=proposal, author=author),
        "template": ResponseTemplateFactory(member=member),
        "seat": ForumSeatFactory(forum=forum),
        "meeting": ForumMeetingFactory(forum=forum),
        "referral": Referral.objects.create(
            proposal=proposal,
            institution=Organisation.objects.create(name="Urban Planning", kind="government", member=member),
        ),
    }


def _url(name: str, obj) -> str:
    key = obj.slug if name.startswith("workspace-") and hasattr(obj, "slug") else obj.pk
    return reverse(f"consultations:{name}", args=[key])


def _snapshot() -> tuple:
    counts = tuple(model.objects.count() for model in MODELS)
    texts = tuple(
        Proposal.objects.order_by("pk").values_list("title", "status", "support_count", "is_hidden", "updated_at")
    )
    other = (
        tuple(Consultation.objects.values_list("title", "status")),
        tuple(Comment.objects.values_list("body", "is_hidden")),
        tuple(Forum.objects.values_list("name")),
        tuple(ForumSeat.objects.values_list("organisation_name")),
        tuple(ForumMeeting.objects.values_list("title")),
        tuple(ResponseTemplate.objects.values_list("title")),
        tuple(Referral.objects.values_list("opinion")),
    )
    return counts, texts, other


def test_every_url_is_listed_as_a_write_path_or_a_read_only_page():
    names = {p.name for p in consultation_urls.urlpatterns if isinstance(p, URLPattern)}
    assert names == set(WRITE_PATHS) | READ_ONLY, "New views need a line in WRITE_PATHS or READ_ONLY"


@pytest.mark.parametrize("name", sorted(WRITE_PATHS))
def test_a_write_path_refuses_the_wrong_roles(client, world, author, other_point_of_contact, member, name):
    target_key, payload, refused = WRITE_PATHS[name]
    url = _url(name, world[target_key])
    users = {
        "participant": UserFactory(),
        "author": author,
        "researcher": UserFactory(researcher=True),
        "own_contact": UserFactory(point_of_contact_of=member),
        "other_contact": other_point_of_contact,
    }
    if name == "proposal-unsupport":
        from consultations.services import proposal_support

        proposal_support(proposal=world["proposal"], user=users["participant"])
    before = _snapshot()

    response = client.post(url, payload)
    assert response.status_code == 302 and reverse("account_login") in response.url, (name, "anonymous")
    for role in refused:
        client.force_login(users[role])
        assert client.post(url, payload).status_code == 403, (name, role)
        client.logout()
    assert _snapshot() == before, name  # update times included: nothing was even saved again


def test_the_page_and_the_api_take_a_support_back_under_the_same_permission(client, proposal, participant):
    """`consultations.support_proposal` for both: the author, who cannot support, cannot take one back either."""
    api = APIClient()
    api.force_authenticate(proposal.author)
    assert api.delete(f"/api/v1/proposals/{proposal.pk}/support/").status_code == 403
    client.force_login(proposal.author)
    assert client.post(reverse("consultations:proposal-unsupport", args=[proposal.pk])).status_code == 403
    api.force_authenticate(participant)
    assert api.delete(f"/api/v1/proposals/{proposal.pk}/support/").status_code == 200


def test_the_comment_form_of_a_closed_consultation_sends_back_with_a_message(client, proposal, participant):
    """The page checks `consultations.comment_proposal`, as the API does, before showing the form."""
    Consultation.objects.filter(pk=proposal.consultation_id).update(closes_at=timezone.now() - timedelta(minutes=1))
    client.force_login(participant)
    response = client.get(reverse("consultations:comment-create", args=[proposal.pk]), follow=True)
    assert response.redirect_chain[-1][0] == proposal.get_absolute_url()
    assert "The consultation is closed." in response.content.decode()
