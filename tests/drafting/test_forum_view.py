"""The multi-stakeholder forum reads a version kept private for its expert reviewers, with their comments, and
takes no part in it; the public still gets a 404 until the point of contact publishes the version.

A forum seat names its organisation in words: an account is of the forum when the organisation it speaks for
(confirmed) has that name, case aside, on a current seat of the plan's member's forum, and is that member's
organisation: one tied to no member holds no seat, since anyone may sign up under a seat's public name."""

from datetime import date

import pytest
from django.urls import reverse

from drafting.models import ParagraphComment
from drafting.services.comments import comment_create
from drafting.services.reviewers import reviewer_invite
from drafting.services.versions import version_create, version_publish
from tests.factories import UserFactory
from tests.factories.accounts import OrganisationFactory
from tests.factories.consultations import ForumFactory, ForumSeatFactory
from tests.factories.drafting import draft_review

pytestmark = pytest.mark.django_db

REMARK = "The harbour milestone needs a budget line."


@pytest.fixture
def private(plan, point_of_contact, version):
    """Version 2 kept private, commented on by an invited reviewer."""
    review = version.consultation
    private = version_create(consultation=review, user=point_of_contact, expert_review=True)
    reviewer = UserFactory(email="expert@partner.example")
    reviewer_invite(version=private, email=reviewer.email, invited_by=point_of_contact)
    paragraph = private.commitments.get().paragraphs.get(key="objective-1")
    comment_create(paragraph=paragraph, author=reviewer, body=REMARK)
    return private


@pytest.fixture
def forum(member):
    forum = ForumFactory(member=member)
    ForumSeatFactory(forum=forum, organisation_name="Vecinos de Lavapiés")
    ForumSeatFactory(forum=forum, organisation_name="Former Seat", until=date(2020, 1, 1))
    return forum


def _people(member, other_member, forum) -> dict:
    seated = OrganisationFactory(name="VECINOS DE LAVAPIÉS", member=member)
    elsewhere = ForumSeatFactory(forum=ForumFactory(member=other_member), organisation_name="Paris Ouverte")
    return {
        "seated, confirmed": (UserFactory(member_of=seated), True),
        "same name, organisation of no member": (
            UserFactory(member_of=OrganisationFactory(name="Vecinos de Lavapiés", member=None)),
            False,
        ),
        "seated, awaiting confirmation": (UserFactory(asking_to_join=seated), False),
        "same name, another member's organisation": (
            UserFactory(member_of=OrganisationFactory(name="Vecinos de Lavapiés", member=other_member)),
            False,
        ),
        "seat ended": (UserFactory(member_of=OrganisationFactory(name="Former Seat", member=member)), False),
        "seated on another member's forum": (
            UserFactory(member_of=OrganisationFactory(name=elsewhere.organisation_name, member=other_member)),
            False,
        ),
        "participant of no organisation": (UserFactory(), False),
    }


def test_the_forum_reads_the_reviewers_comments_and_nobody_else_does(
    client, version, private, forum, member, other_member, point_of_contact, staff_user
):
    page = reverse("drafting:version-detail", args=[private.pk])
    paragraph = private.commitments.get().paragraphs.get(key="objective-1")
    thread = f"{page}?paragraph={paragraph.pk}"
    diff = reverse("drafting:version-diff", args=[private.pk, version.pk])
    api = f"/api/v1/draft-versions/{private.pk}/"
    people = {
        **_people(member, other_member, forum),
        "point of contact": (point_of_contact, True),
        "support staff": (staff_user, True),
    }
    problems = []
    for label, (user, reads) in [("anonymous", (None, False)), *people.items()]:
        client.logout()
        if user is not None:
            client.force_login(user)
        statuses = [client.get(url).status_code for url in (thread, diff, api)]
        listed = private.pk in [row["id"] for row in client.get("/api/v1/draft-versions/").json()["results"]]
        if reads and (statuses != [200, 200, 200] or not listed):
            problems.append(f"{label} should read it: {statuses}, listed {listed}")
        if not reads and (set(statuses) - {404} or listed):
            problems.append(f"{label} should not: {statuses}, listed {listed}")
        if reads and REMARK not in client.get(thread).content.decode():
            problems.append(f"{label} does not see the reviewer's comment")
    assert not problems, "\n".join(problems)


def test_the_forum_reads_only_it_neither_comments_flags_nor_supports(client, private, forum, member):
    seated = UserFactory(member_of=OrganisationFactory(name="Vecinos de Lavapiés", member=member))
    paragraph = private.commitments.get().paragraphs.get(key="objective-1")
    comment = ParagraphComment.objects.get(body=REMARK)
    client.force_login(seated)

    body = client.get(reverse("drafting:version-detail", args=[private.pk]) + f"?paragraph={paragraph.pk}")
    html = body.content.decode()
    assert REMARK in html and "multi-stakeholder forum read it" in html
    for action, pk in (("comment-create", paragraph.pk), ("comment-flag", comment.pk), ("comment-support", comment.pk)):
        assert reverse(f"drafting:{action}", args=[pk]) not in html

    posts = {
        "comment-create": (paragraph.pk, {"body": "Me too", "website": ""}),
        "comment-flag": (comment.pk, {"reason": "spam"}),
        "comment-support": (comment.pk, {}),
    }
    for action, (pk, data) in posts.items():
        assert client.post(reverse(f"drafting:{action}", args=[pk]), data).status_code == 403, action
    assert ParagraphComment.objects.count() == 1
    comment.refresh_from_db()
    assert comment.support_count == 0 and not comment.flags.exists()


def test_once_published_the_comments_are_public(client, private, point_of_contact):
    version_publish(version=private, user=point_of_contact)
    paragraph = private.commitments.get().paragraphs.get(key="objective-1")
    url = reverse("drafting:version-detail", args=[private.pk]) + f"?paragraph={paragraph.pk}"
    assert REMARK in client.get(url).content.decode()


def test_a_seat_on_the_forum_does_not_open_another_members_draft(client, other_member, forum, member):
    """The seat opens the drafts of its forum's member only."""
    other_plan_poc = UserFactory(point_of_contact_of=other_member)
    from tests.factories import ActionPlanFactory, CommitmentFactory

    other_plan = ActionPlanFactory(member=other_member)
    CommitmentFactory(action_plan=other_plan, objective="Open the tram data.")
    other = version_create(consultation=draft_review(action_plan=other_plan), user=other_plan_poc, expert_review=True)
    client.force_login(UserFactory(member_of=OrganisationFactory(name="Vecinos de Lavapiés", member=member)))
    assert client.get(reverse("drafting:version-detail", args=[other.pk])).status_code == 404
