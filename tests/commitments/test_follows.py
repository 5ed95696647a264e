"""Following a commitment: the button, the followers' e-mails (progress, overdue milestones), the one-click link."""

import re
from datetime import timedelta

import pytest
from django.core import signing
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.privacy import user_data_export, user_delete_account
from commitments import services
from commitments.models import CommitmentFollow, Milestone
from common.models import OutgoingEmail
from notifications.models import Notification
from notifications.services import preferences_save
from tests.factories import ActionPlanFactory, CommitmentFactory, MilestoneFactory, UserFactory

pytestmark = pytest.mark.django_db
KIND = "commitments.followed_commitment"


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def commitment(member):
    plan = ActionPlanFactory(member=member, implementing=True)
    return CommitmentFactory(action_plan=plan, number="2", title="Open the district budgets")


def _mails_to(user) -> list[OutgoingEmail]:
    return [mail for mail in OutgoingEmail.objects.order_by("pk") if user.email in mail.to]


def test_a_signed_in_person_follows_and_unfollows_from_the_commitment_page(client, commitment, participant):
    """Without JavaScript: a form posting to the follow address; the page counts the followers."""
    page = client.get(commitment.get_absolute_url()).content.decode()
    assert "Sign in to follow this commitment" in page and "0</strong> followers" in page
    client.force_login(participant)
    assert "Follow this commitment" in client.get(commitment.get_absolute_url()).content.decode()
    for _twice in range(2):
        response = client.post(reverse("commitments:commitment-follow", args=[commitment.pk]), follow=True)
    assert CommitmentFollow.objects.filter(commitment=commitment).count() == 1
    page = response.content.decode()
    assert "You follow this commitment." in page and "1</strong> follower" in page
    client.post(reverse("commitments:commitment-unfollow", args=[commitment.pk]))
    assert not CommitmentFollow.objects.exists()


def test_following_needs_an_account_and_a_post(client, commitment, participant):
    url = reverse("commitments:commitment-follow", args=[commitment.pk])
    assert "/accounts/login/" in client.post(url)["Location"]
    client.force_login(participant)
    assert client.get(url).status_code == 405
    assert not CommitmentFollow.objects.exists()


def test_following_is_rate_limited(client, commitment, participant, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "commitments.follow": {"user": (2, 600), "ip": (50, 600)}}
    client.force_login(participant)
    for action in ("commitment-follow", "commitment-unfollow", "commitment-follow"):
        client.post(reverse(f"commitments:{action}", args=[commitment.pk]))
    assert not CommitmentFollow.objects.exists()


def test_a_progress_update_tells_the_followers_in_their_language_with_their_own_opt_out(commitment, point_of_contact):
    french, english = UserFactory(language="fr"), UserFactory(language="en")
    for user in (french, english, point_of_contact):
        services.commitment_follow(commitment=commitment, user=user)
    services.progress_update_create(
        commitment=commitment, author=point_of_contact, text="Budgets published.", completion="substantial"
    )
    [mail_fr], [mail_en] = _mails_to(french), _mails_to(english)
    assert mail_fr.body_text.startswith("Bonjour") and "Budgets published." in mail_fr.body_text
    assert "A progress update was posted on commitment 2" in mail_en.body_text
    assert _mails_to(point_of_contact) == []  # the author is not told of their own update
    # Each mail's one-click link stops its own reader following (the token is signed with the second it was made).
    prefix = reverse("commitments:commitment-optout", args=["TOKEN"]).split("TOKEN")[0]
    tokens = [re.search(re.escape(prefix) + r"([^/\s]+)/", mail.body_text).group(1) for mail in (mail_fr, mail_en)]
    assert [services.unfollow_token_read(token) for token in tokens] == [(french, commitment), (english, commitment)]
    assert Notification.objects.filter(recipient=english, kind=KIND, link=commitment.get_absolute_url()).exists()


def test_the_per_kind_choice_applies(commitment, point_of_contact):
    follower = UserFactory()
    preferences_save(user=follower, emails_enabled=True, choices={KIND: "off"})
    services.commitment_follow(commitment=commitment, user=follower)
    services.progress_update_create(commitment=commitment, author=point_of_contact, text="Done", completion="complete")
    assert _mails_to(follower) == [] and Notification.objects.filter(recipient=follower, kind=KIND).count() == 1


def test_the_one_click_link_stops_following_without_signing_in(client, commitment):
    follower = UserFactory()
    services.commitment_follow(commitment=commitment, user=follower)
    url = reverse("commitments:commitment-optout", args=[services.unfollow_token(user=follower, commitment=commitment)])
    page = client.get(url).content.decode()
    assert "Stop following this commitment" in page and CommitmentFollow.objects.exists()  # a GET changes nothing
    page = client.post(url, follow=True).content.decode()
    assert not CommitmentFollow.objects.exists()
    assert "You no longer follow this commitment" in page and "You do not follow this commitment" in page


def test_an_altered_link_stops_nothing(client, commitment):
    follower = UserFactory()
    services.commitment_follow(commitment=commitment, user=follower)
    token = services.unfollow_token(user=follower, commitment=commitment)
    forged = signing.dumps({"u": follower.pk, "c": commitment.pk}, salt="another.purpose")
    for bad in (forged, token[:-2] + "xx", "nonsense"):
        url = reverse("commitments:commitment-optout", args=[bad])
        assert client.get(url).status_code == 404 and client.post(url).status_code == 404
    assert CommitmentFollow.objects.count() == 1


def test_an_overdue_milestone_is_told_once_to_the_followers(commitment):
    today = timezone.localdate()
    late = MilestoneFactory(commitment=commitment, due_date=today - timedelta(days=3), description="Open the portal")
    MilestoneFactory(
        commitment=commitment, due_date=today - timedelta(days=3), status=Milestone.Status.COMPLETED, completed_on=today
    )
    MilestoneFactory(commitment=commitment, due_date=today - timedelta(days=400))  # old news
    MilestoneFactory(commitment=commitment, due_date=today + timedelta(days=3))
    follower = UserFactory()
    services.commitment_follow(commitment=commitment, user=follower)
    assert services.overdue_milestones_notify() == 1
    assert services.overdue_milestones_notify() == 0
    [mail] = _mails_to(follower)
    assert "Open the portal" in mail.body_text and late.overdue_notice is not None


def test_the_download_lists_the_follows_and_deletion_removes_them(commitment):
    follower = UserFactory()
    services.commitment_follow(commitment=commitment, user=follower)
    [row] = user_data_export(user=follower)["followed_commitments"]
    assert row["commitment_id"] == commitment.pk and row["url"] == commitment.get_absolute_url()
    user_delete_account(user=follower)
    assert not CommitmentFollow.objects.exists()


def test_my_participation_lists_the_commitments_i_follow(client, commitment, participant):
    services.commitment_follow(commitment=commitment, user=participant)
    client.force_login(participant)
    page = client.get(reverse("consultations:proposal-mine")).content.decode()
    assert "Commitments I follow" in page and "2. Open the district budgets" in page


def test_the_api_lists_ones_own_follows_at_a_constant_cost(commitment, participant, django_assert_max_num_queries):
    api = APIClient()
    api.force_authenticate(participant)
    url = reverse("api:commitmentfollow-list")
    created = api.post(url, {"commitment": commitment.pk}, format="json")
    assert created.status_code == 201 and api.post(url, {"commitment": commitment.pk}, format="json").status_code == 201
    services.commitment_follow(commitment=commitment, user=UserFactory())  # someone else's
    with django_assert_max_num_queries(4) as few:
        [row] = api.get(url).json()["results"]
    assert row["commitment"] == commitment.pk and row["commitment_title"] == "Open the district budgets"
    for number in range(5):
        other = CommitmentFactory(action_plan=commitment.action_plan, number=f"9.{number}")
        services.commitment_follow(commitment=other, user=participant)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(api.get(url).json()["results"]) == 6
    assert api.delete(reverse("api:commitmentfollow-detail", args=[row["id"]])).status_code == 204
    assert not CommitmentFollow.objects.filter(user=participant, commitment=commitment).exists()


def test_each_signed_in_reader_is_told_the_followers_and_whether_they_follow(commitment, participant):
    """The count for signed-in readers comes from a statement kept per process (keyed by commitment and reader)."""
    from commitments import selectors

    quiet = CommitmentFactory(action_plan=commitment.action_plan)
    followers = UserFactory.create_batch(2)
    for user in followers:
        services.commitment_follow(commitment=commitment, user=user)
    readers = [participant, *followers]
    counted = {
        (c.pk, user.pk): selectors.commitment_followers(commitment=c, user=user)
        for c in (commitment, quiet)
        for user in readers
    }
    assert selectors._FOLLOWERS_AND_USER.compiled[2] is not None
    assert counted == {
        (commitment.pk, participant.pk): {"count": 2, "following": 0},
        **{(commitment.pk, user.pk): {"count": 2, "following": 1} for user in followers},
        **{(quiet.pk, user.pk): {"count": 0, "following": 0} for user in readers},
    }


def test_the_api_list_of_follows_is_the_serializers_page_by_page(commitment, participant):
    """The list is read from values() rows: each page's items are those the serializer gives for the same follows,
    newest first, and nobody else's follow shows."""
    from commitments.api.follows import CommitmentFollowSerializer, CommitmentFollowViewSet

    services.commitment_follow(commitment=commitment, user=participant)
    for number in range(6):
        other = CommitmentFactory(action_plan=commitment.action_plan, number=f"8.{number}", title=f"Title <{number}>")
        services.commitment_follow(commitment=other, user=participant)
        services.commitment_follow(commitment=other, user=UserFactory())  # someone else's
    api = APIClient()
    api.force_authenticate(participant)
    url, seen = reverse("api:commitmentfollow-list") + "?page_size=4", []
    while url:
        page = api.get(url).json()
        seen += page["results"]
        url = page["next"]
    expected = CommitmentFollowSerializer(CommitmentFollow.objects.filter(user=participant).order_by("-id"), many=True)
    assert seen == [dict(item) for item in expected.data] and len(seen) == 7
    assert CommitmentFollowViewSet.__dict__.get("_rows_by_ids") is not None  # read from rows, not instances
