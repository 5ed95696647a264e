"""The list, a notification followed, all read, the header's count, and the API."""

import pytest
from django.urls import reverse

from notifications.models import Notification
from tests.factories import UserFactory
from tests.factories.notifications import NotificationFactory

pytestmark = pytest.mark.django_db


def _unread(user) -> int:
    user.refresh_from_db()
    return user.notifications_unread


def test_the_list_shows_newest_first_with_the_unread_marked(client, participant):
    old = NotificationFactory(recipient=participant, title="Old news")
    NotificationFactory(recipient=participant, title="Fresh news")
    NotificationFactory(recipient=UserFactory(), title="Someone else's news")
    Notification.objects.filter(pk=old.pk).update(read_at=old.created_at)
    client.force_login(participant)
    content = client.get(reverse("notifications")).content.decode()
    assert content.index("Fresh news") < content.index("Old news") and "Someone else" not in content
    assert content.count("notification-unread") == 1 and "1 unread notification." in content


def test_the_list_costs_the_same_queries_at_any_length(client, participant, django_assert_max_num_queries):
    client.force_login(participant)
    NotificationFactory(recipient=participant)
    with django_assert_max_num_queries(10) as few:
        client.get(reverse("notifications"))
    queries = len(few.captured_queries)
    NotificationFactory.create_batch(30, recipient=participant)
    with django_assert_max_num_queries(queries):
        response = client.get(reverse("notifications"))
    assert (
        response.content.decode().count('<li class="notification') == 25 and 'rel="next"' in response.content.decode()
    )


def test_following_a_notification_marks_it_read_and_goes_to_its_link(client, participant):
    notification = NotificationFactory(recipient=participant, link="/proposals/")
    client.force_login(participant)
    response = client.get(reverse("notification-open", args=[notification.pk]))
    assert response.status_code == 302 and response["Location"] == "/proposals/"
    notification.refresh_from_db()
    assert notification.read_at is not None and _unread(participant) == 0
    client.get(reverse("notification-open", args=[notification.pk]))  # again: the count stays at 0
    assert _unread(participant) == 0


def test_nobody_follows_someone_elses_notification(client, participant):
    notification = NotificationFactory(recipient=UserFactory())
    client.force_login(participant)
    assert client.get(reverse("notification-open", args=[notification.pk])).status_code == 403
    notification.refresh_from_db()
    assert notification.read_at is None


def test_an_outside_link_is_never_stored():
    from notifications.services import link_path

    assert link_path("https://portal.example.org/proposals/3/?a=1#c") == "/proposals/3/?a=1#c"
    assert (
        link_path("//evil.example/x") == "/x"
        and link_path("/\\evil.example/") == ""
        and link_path("javascript:x") == ""
    )


def test_mark_all_read(client, participant):
    NotificationFactory.create_batch(3, recipient=participant)
    client.force_login(participant)
    response = client.post(reverse("notifications-read-all"))
    assert response.status_code == 302
    assert not Notification.objects.filter(read_at__isnull=True).exists() and _unread(participant) == 0


def test_the_header_says_how_many_are_unread_without_a_query(
    client, participant, django_assert_num_queries, django_assert_max_num_queries
):
    client.force_login(participant)
    client.get(reverse("home"))  # warm what the first request loads
    with django_assert_max_num_queries(50) as before:
        client.get(reverse("home"))
    queries = len(before.captured_queries)  # read now: the next request resets the log
    assert 'class="notifications-link">Notifications</a>' in client.get(reverse("home")).content.decode()
    NotificationFactory.create_batch(3, recipient=participant)
    with django_assert_num_queries(queries):
        content = client.get(reverse("home")).content.decode()
    assert (
        'aria-label="Notifications, 3 unread">Notifications <span class="notification-count">3 unread</span></a>'
        in content
    )


def test_a_stale_count_is_put_right_by_the_list(client, participant):
    NotificationFactory.create_batch(2, recipient=participant)
    participant.refresh_from_db()
    participant.notifications_unread = 7  # a full save of a stale user object
    participant.save()
    client.force_login(participant)
    client.get(reverse("notifications"))
    assert _unread(participant) == 2


def test_the_api_lists_ones_own_and_marks_them_read(client, participant, django_assert_max_num_queries):
    mine = NotificationFactory(recipient=participant, title="Mine")
    theirs = NotificationFactory(recipient=UserFactory(), title="Theirs")
    client.force_login(participant)
    listing = client.get("/api/v1/notifications/").json()
    assert [item["title"] for item in listing["results"]] == ["Mine"] and listing["results"][0]["unread"] is True
    assert listing["results"][0]["kind_label"] == "Other notifications"
    assert client.get(f"/api/v1/notifications/{theirs.pk}/").status_code == 404
    assert client.post(f"/api/v1/notifications/{theirs.pk}/read/").status_code == 404
    read = client.post(f"/api/v1/notifications/{mine.pk}/read/")
    assert read.status_code == 200 and read.json()["unread"] is False and _unread(participant) == 0
    NotificationFactory.create_batch(3, recipient=participant)
    assert client.post("/api/v1/notifications/read-all/").json() == {"marked_read": 3}
    with django_assert_max_num_queries(6):
        assert len(client.get("/api/v1/notifications/").json()["results"]) == 4


def test_the_api_is_for_signed_in_people_only(client):
    assert client.get("/api/v1/notifications/").status_code in (401, 403)
