"""A person's drafting data: in the download, and on deletion supports and flags go, comments and amendments
stay public without their name."""

import pytest

from accounts import privacy
from drafting.models import Amendment, AmendmentSupport
from drafting.services import amendments, comments
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_download_and_deletion(paragraph, participant):
    comment = comments.comment_create(paragraph=paragraph, author=participant, body="Which districts?")
    amendment = amendments.amendment_propose(author=participant, paragraph=paragraph, text="New words")
    other = amendments.amendment_propose(author=UserFactory(), paragraph=paragraph, text="Other words")
    amendments.amendment_support(amendment=other, user=participant)
    comments.comment_flag(comment=comments.comment_create(paragraph=paragraph, author=UserFactory(), body="Spam"),
                          user=participant, reason="spam")  # fmt: skip
    data = privacy.user_data_export(user=participant)
    assert data["paragraph_comments"][0]["body"] == "Which districts?"
    assert data["amendments"][0]["text"] == "New words" and data["amendment_supports"] == [other.pk]
    privacy.user_delete_account(user=participant)
    other.refresh_from_db()
    assert other.support_count == 0 and not AmendmentSupport.objects.exists()
    assert Amendment.objects.filter(pk=amendment.pk).exists()
    comment.refresh_from_db()
    assert comment.body == "Which districts?"


def test_a_deleted_authors_name_leaves_the_cached_commitments_api(client, paragraph, participant, staff_user):
    participant.full_name = "Ana Torres"
    participant.save()
    amendment = amendments.amendment_propose(author=participant, paragraph=paragraph, text="New words")
    amendments.amendment_decide(amendment=amendment, user=staff_user, state="accepted", reason="Clearer.")
    url = f"/api/v1/commitments/{paragraph.draft_commitment.commitment_id}/"
    assert client.get(url).json()["provenance"][0]["author"] == "Ana Torres"  # now in the page cache
    privacy.user_delete_account(user=participant)
    assert client.get(url).json()["provenance"][0]["author"] == "Deleted participant"
