"""The draft's pages: the text with counts and a thread opened in place, the diff, comments and amendments through
the forms, the point of contact's versions and decisions; constant queries with many comments."""

import re

import pytest
from django.urls import reverse

from drafting.models import Amendment, DraftVersion, ParagraphComment
from drafting.models.version import DraftParagraph
from drafting.services import amendments
from drafting.services.versions import version_create, version_publish
from tests.factories import ActionPlanFactory, UserFactory
from tests.factories.drafting import draft_review, published_draft, unverified_user

pytestmark = pytest.mark.django_db


def test_the_text_shows_counts_and_opens_a_thread_in_place_with_plain_links(client, version, paragraph, participant):
    client.force_login(participant)
    url = reverse("drafting:version-detail", args=[version.pk])
    page = client.get(url).content.decode()
    assert "Publish every contract of district 1." in page and "0 comments" in page
    assert f'href="?paragraph={paragraph.pk}#p-{paragraph.pk}"' in page
    response = client.post(
        reverse("drafting:comment-create", args=[paragraph.pk]), {"body": "Which **districts**?", "website": ""}
    )
    comment = ParagraphComment.objects.get(paragraph=paragraph)
    assert response.status_code == 302
    assert response["Location"].endswith(f"?paragraph={paragraph.pk}&comments=1#comment-{comment.pk}")
    opened = client.get(response["Location"]).content.decode()
    assert "1 comment" in opened and "<strong>districts</strong>" in opened and "Propose new wording" in opened


def test_the_point_of_contact_publishes_versions_and_the_diff_marks_words_with_labels(
    client, plan, point_of_contact, participant
):
    from tests.factories import CommitmentFactory

    CommitmentFactory(action_plan=plan, number="1", objective="Publish the contracts of the city.")
    review = draft_review(action_plan=plan)
    client.force_login(point_of_contact)
    assert "No version yet" in client.get(reverse("drafting:version-create", args=[review.pk])).content.decode()
    response = client.post(reverse("drafting:version-create", args=[review.pk]))
    v1 = DraftVersion.objects.get()
    assert response["Location"] == v1.get_absolute_url() and v1.is_published
    paragraph = DraftParagraph.objects.get(draft_commitment__version=v1)
    amendment = amendments.amendment_propose(
        author=participant, paragraph=paragraph, text="Publish all the contracts of the town."
    )
    decided = client.post(
        reverse("drafting:amendment-decide", args=[amendment.pk]), {"state": "accepted", "reason": "Clearer."}
    )
    assert decided.status_code == 302
    client.post(reverse("drafting:version-create", args=[review.pk]))
    v2 = DraftVersion.objects.get(number=2)
    page = client.get(reverse("drafting:version-diff", args=[v2.pk, v1.pk])).content.decode()
    assert '<ins><span class="diff-label">[added:</span> all<span class="diff-label">]</span></ins>' in page
    assert '<del><span class="diff-label">[removed:</span> city.<span class="diff-label">]</span></del>' in page
    assert "Changes from version 1 to version 2" in page


def test_expert_review_keeps_a_version_private_until_published(client, plan, point_of_contact):
    from tests.factories import CommitmentFactory

    CommitmentFactory(action_plan=plan, objective="One paragraph.")
    review = draft_review(action_plan=plan)
    version = version_create(consultation=review, user=point_of_contact, expert_review=True)
    url = reverse("drafting:version-detail", args=[version.pk])
    assert client.get(url).status_code == 404
    client.force_login(point_of_contact)
    assert client.get(url).status_code == 200
    client.post(reverse("drafting:version-publish", args=[version.pk]))
    client.logout()
    assert client.get(url).status_code == 200


def test_refusals_are_explained_on_the_form(client, version, paragraph, point_of_contact):
    """An unverified account, then an older version: the form says why, nothing is saved."""
    unverified = unverified_user()
    client.force_login(unverified)
    url = reverse("drafting:paragraph-amend", args=[paragraph.pk])
    response = client.post(url, {"text": "Other words", "website": ""})
    assert response.status_code == 200 and "e-mail address is verified" in response.content.decode()
    version_publish(
        version=version_create(consultation=version.consultation, user=point_of_contact), user=point_of_contact
    )
    client.force_login(UserFactory())
    response = client.post(url, {"text": "Other words", "website": ""})
    assert "version 2 replaced it" in response.content.decode()
    assert not Amendment.objects.exists()


def test_an_amendment_is_supported_and_decided_with_a_public_reason(client, paragraph, participant, point_of_contact):
    client.force_login(participant)
    client.post(reverse("drafting:paragraph-amend", args=[paragraph.pk]), {"text": "New words", "website": ""})
    amendment = Amendment.objects.get()
    client.force_login(UserFactory())
    client.post(reverse("drafting:amendment-support", args=[amendment.pk]))
    client.force_login(point_of_contact)
    client.post(
        reverse("drafting:amendment-decide", args=[amendment.pk]), {"state": "rejected", "reason": "Too vague."}
    )
    page = client.get(amendment.get_absolute_url()).content.decode()
    assert "Rejected" in page and "Too vague." in page and "<dd>1</dd>" in page


def _comments(paragraph, count):
    authors = UserFactory.create_batch(3)
    ParagraphComment.objects.bulk_create(
        ParagraphComment(paragraph=paragraph, author=authors[n % 3], body=f"Comment {n}") for n in range(count)
    )


def _shown(html: str) -> list[str]:
    return re.findall(r'<article class="comment[^"]*" id="comment-(\d+)"', html)


def test_a_thread_of_500_comments_is_read_in_pages_at_the_queries_of_one(
    client, version, paragraph, participant, django_assert_max_num_queries
):
    """Every visible comment on exactly one page, its replies under it on the same page, hidden ones on none; a
    page costs the same queries as a thread of one comment."""
    client.force_login(participant)
    url = reverse("drafting:version-detail", args=[version.pk]) + f"?paragraph={paragraph.pk}"
    _comments(paragraph, 1)
    with django_assert_max_num_queries(40) as few:
        assert client.get(url).status_code == 200
    _comments(paragraph, 499)
    top = list(ParagraphComment.objects.filter(paragraph=paragraph).order_by("created_at", "id"))
    replies = [
        ParagraphComment.objects.create(paragraph=paragraph, author=participant, parent=top[n], body=f"Reply to {n}")
        for n in (0, 21, 499)
    ]
    ParagraphComment.objects.filter(pk__in=[top[5].pk, replies[1].pk]).update(is_hidden=True)
    with django_assert_max_num_queries(len(few.captured_queries)):
        first = client.get(url).content.decode()
    assert _shown(first)[:3] == [str(top[0].pk), str(replies[0].pk), str(top[1].pk)]
    assert "Page 1 of 25" in first and f'href="?paragraph={paragraph.pk}&amp;comments=2#p-{paragraph.pk}"' in first
    seen = []
    for number in range(1, 26):
        html = client.get(f"{url}&comments={number}").content.decode()
        seen += _shown(html)
    visible = [c for c in top if c.pk != top[5].pk]
    assert len(seen) == len(set(seen)) == len(visible) + 2
    assert set(seen) == {str(c.pk) for c in visible} | {str(replies[0].pk), str(replies[2].pk)}
    assert "Page 25 of 25" in html and _shown(html)[-2:] == [str(top[499].pk), str(replies[2].pk)]


def test_after_a_comment_a_reply_a_support_or_a_flag_the_reader_lands_on_the_page_that_shows_it(
    client, version, paragraph, participant
):
    _comments(paragraph, 45)
    first = ParagraphComment.objects.filter(paragraph=paragraph).order_by("created_at", "id").first()
    client.force_login(participant)
    create = reverse("drafting:comment-create", args=[paragraph.pk])
    response = client.post(create, {"body": "Late to the thread.", "website": ""})
    new = ParagraphComment.objects.latest("id")
    assert response["Location"].endswith(f"&comments=3#comment-{new.pk}")
    assert "Late to the thread." in client.get(response["Location"]).content.decode()
    response = client.post(create, {"body": "Agreed.", "parent": first.pk, "website": ""})
    reply = ParagraphComment.objects.latest("id")
    assert reply.parent == first and response["Location"].endswith(f"&comments=1#comment-{reply.pk}")
    assert "Agreed." in client.get(response["Location"]).content.decode()
    second_page = ParagraphComment.objects.filter(paragraph=paragraph).order_by("created_at", "id")[25]
    response = client.post(reverse("drafting:comment-support", args=[second_page.pk]))
    assert response["Location"].endswith(f"&comments=2#comment-{second_page.pk}")
    response = client.post(reverse("drafting:comment-flag", args=[second_page.pk]), {"reason": "spam"})
    assert response["Location"].endswith(f"&comments=2#comment-{second_page.pk}")


def test_the_commitment_page_shows_the_amendments_that_shaped_it(
    client, version, paragraph, participant, point_of_contact
):
    amendment = amendments.amendment_propose(author=participant, paragraph=paragraph, text="Publish every contract.")
    amendments.amendment_decide(amendment=amendment, user=point_of_contact, state="accepted", reason="Agreed.")
    commitment = paragraph.draft_commitment.commitment
    page = client.get(commitment.get_absolute_url()).content.decode()
    assert "How the draft shaped it" in page and "Publish every contract." in page and "Agreed." in page
    # moved to another plan (the admin allows it), the commitment keeps the history of the draft it came from
    commitment.action_plan = ActionPlanFactory(member=commitment.action_plan.member)
    commitment.save()
    page = client.get(commitment.get_absolute_url()).content.decode()
    assert "How the draft shaped it" in page and "Publish every contract." in page
    assert f"Read draft version {version.number}" in page


def test_the_workspace_lists_the_amendments_awaiting_a_decision(paragraph, participant, member):
    from drafting.awaiting import amendments_to_decide

    amendments.amendment_propose(author=participant, paragraph=paragraph, text="Publish every contract.")
    [item] = amendments_to_decide(member=member)
    assert item.count == 1 and "1 amendment awaits your decision" in item.label


def test_invited_reviewers_comment_privately_until_the_version_is_published(client, plan, point_of_contact):
    from common.models import OutgoingEmail
    from tests.factories import CommitmentFactory

    CommitmentFactory(action_plan=plan, objective="One paragraph.")
    version = version_create(consultation=draft_review(action_plan=plan, upcoming=True), user=point_of_contact,
                             expert_review=True)  # fmt: skip
    reviewer = UserFactory(email="expert@partner.example")
    client.force_login(point_of_contact)
    client.post(reverse("drafting:version-reviewers", args=[version.pk]), {"email": "EXPERT@partner.example"})
    assert OutgoingEmail.objects.filter(to=[reviewer.email]).exists()
    paragraph = version.commitments.get().paragraphs.get()
    client.force_login(reviewer)
    client.post(reverse("drafting:comment-create", args=[paragraph.pk]), {"body": "Add a deadline.", "website": ""})
    url = reverse("drafting:version-detail", args=[version.pk]) + f"?paragraph={paragraph.pk}"
    assert "Add a deadline." in client.get(url).content.decode()
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    version_publish(version=version, user=point_of_contact)
    assert "Add a deadline." in client.get(url).content.decode()


def test_a_signed_in_participant_may_support_or_flag_anothers_comment_a_visitor_is_offered_neither(
    client, version, paragraph, participant
):
    comment = ParagraphComment.objects.create(paragraph=paragraph, author=UserFactory(), body="Which districts?")
    url = reverse("drafting:version-detail", args=[version.pk]) + f"?paragraph={paragraph.pk}"
    support = reverse("drafting:comment-support", args=[comment.pk])
    flag = reverse("drafting:comment-flag", args=[comment.pk])
    anonymous = client.get(url).content.decode()
    assert "Which districts?" in anonymous and support not in anonymous and flag not in anonymous
    client.force_login(participant)
    signed_in = client.get(url).content.decode()
    assert support in signed_in and flag in signed_in and "Flag to the moderators" in signed_in
    client.force_login(comment.author)
    own = client.get(url).content.decode()
    assert support not in own and flag not in own


def test_a_commitment_drafted_again_in_its_new_plan_links_the_draft_published_last(point_of_contact):
    from drafting.selectors import commitment_provenance

    first = published_draft(action_plan=ActionPlanFactory(), poc=point_of_contact)
    second = version_publish(version=version_create(consultation=first.consultation, user=point_of_contact),
                             user=point_of_contact)  # fmt: skip
    assert second.number == 2
    commitment = first.action_plan.commitments.get()
    commitment.action_plan = ActionPlanFactory(member=first.action_plan.member)
    commitment.save()
    again = published_draft(action_plan=commitment.action_plan, poc=point_of_contact)
    assert again.number == 1
    assert commitment_provenance(commitment=commitment)["latest"] == again  # not the old plan's version 2
