"""Keyset pages: the same rows, in the same order, whether the page is picked by the database (many matches) or
from the keys of every match (few); a cursor written by hand gives the first page, not an error."""

import base64
import json
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from commitments.models import Commitment
from common import pagination
from common.cache import bump_content_version
from common.pagination import keyset_page
from notifications.models import Notification
from tests.factories import ActionPlanFactory, CommitmentFactory, UserFactory

pytestmark = pytest.mark.django_db


def _walk(queryset, ordering, *, per_page, keys_only=False):
    """Every page forward from the first, then every page backward from the last: the rows' keys."""
    forward, pages, cursor = [], [], None
    while True:
        page = keyset_page(queryset, ordering=ordering, cursor=cursor, per_page=per_page, keys_only=keys_only)
        pages.append(page)
        forward.extend(row.pk for row in page)
        if not page.next_cursor:
            break
        cursor = page.next_cursor
    backward, cursor = [], pages[-1].previous_cursor
    while cursor:
        page = keyset_page(queryset, ordering=ordering, cursor=cursor, per_page=per_page, keys_only=keys_only)
        backward[:0] = [row.pk for row in page]
        cursor = page.previous_cursor
    return forward, backward + [row.pk for row in pages[-1]], pages[0].count, pages[0].count_is_capped


@pytest.mark.parametrize("keys_only", [False, True], ids=["rows", "keys only"])
@pytest.mark.parametrize("count_limit", [5, 1_000], ids=["many matches", "few matches"])
def test_commitment_pages_are_the_same_whoever_picks_them(monkeypatch, count_limit, keys_only):
    monkeypatch.setattr(pagination, "COUNT_LIMIT", count_limit)
    plans = [ActionPlanFactory(), ActionPlanFactory()]
    ids = [CommitmentFactory(action_plan=plans[i % 2]).pk for i in range(23)]
    expected = sorted((pk for pk, i in zip(ids, range(23), strict=True) if i % 2 == 0), reverse=True)
    queryset = Commitment.objects.filter(action_plan=plans[0])
    forward, backward, count, capped = _walk(queryset, ("-id",), per_page=4, keys_only=keys_only)
    assert forward == expected
    assert backward == expected
    assert (count, capped) == ((5, True) if count_limit == 5 else (12, False))
    ascending, _back, _count, _capped = _walk(queryset, ("id",), per_page=5, keys_only=keys_only)
    assert ascending == sorted(expected)
    bump_content_version()
    with CaptureQueriesContext(connection) as queries:
        keyset_page(queryset, ordering=("-id",), cursor=None, per_page=4, keys_only=keys_only)
    # Picked from the keys of every match, a page of keys needs no query of its own.
    assert len(queries) == (1 if keys_only and count_limit == 1_000 else 2)


@pytest.mark.parametrize("keys_only", [False, True], ids=["rows", "keys only"])
@pytest.mark.parametrize("count_limit", [3, 1_000], ids=["many matches", "few matches"])
def test_pages_in_date_order_break_ties_by_id_in_both_ways(monkeypatch, count_limit, keys_only):
    monkeypatch.setattr(pagination, "COUNT_LIMIT", count_limit)
    user = UserFactory()
    moment = timezone.now()
    created = []
    for i in range(11):
        notification = Notification.objects.create(recipient=user, kind="x", title="x", created_at=moment)
        # Three share each moment: the id decides among them.
        Notification.objects.filter(pk=notification.pk).update(created_at=moment - timedelta(minutes=i // 3))
        created.append((moment - timedelta(minutes=i // 3), notification.pk))
    expected = [pk for _when, pk in sorted(created, reverse=True)]
    forward, backward, _count, _capped = _walk(
        Notification.objects.filter(recipient=user), ("-created_at", "-id"), per_page=4, keys_only=keys_only
    )
    assert forward == expected
    assert backward == expected


def test_a_rare_filter_reads_the_page_by_primary_key(client):
    plan = ActionPlanFactory(member__country="GH")
    ActionPlanFactory.create_batch(2)
    ids = [CommitmentFactory(action_plan=plan).pk for _ in range(3)]
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("commitments:commitment-list"), {"country": "GH"})
    assert [c.pk for c in response.context["commitments"]] == sorted(ids, reverse=True)
    assert "3 commitments" in response.content.decode()
    rows_query = next(q["sql"] for q in queries if '"commitments_commitment"."title"' in q["sql"])
    listed = " = ANY(" if connection.vendor == "postgresql" else " IN ("  # common.db.PageQuery
    assert f'"commitments_commitment"."id"{listed}' in rows_query


@pytest.mark.parametrize(
    "values",
    [["not-a-number"], [{"id": 1}], [[1, 2]], [None], ["1", "2"], [float("inf")], [10**31]],
    ids=["text", "object", "list", "null", "too many", "infinity", "beyond the column"],
)
def test_a_cursor_written_by_hand_gives_the_first_page(client, values):
    ids = [CommitmentFactory().pk for _ in range(3)]
    cursor = base64.urlsafe_b64encode(json.dumps({"v": values, "b": False}).encode()).decode().rstrip("=")
    response = client.get(reverse("commitments:commitment-list"), {"cursor": cursor})
    assert response.status_code == 200
    assert [c.pk for c in response.context["commitments"]] == sorted(ids, reverse=True)


@pytest.mark.parametrize("values", [[1, 1], [True, 5], [float("nan"), 1], [[2026], 1]], ids=str)
def test_a_date_cursor_written_by_hand_gives_the_first_page(client, values):
    user = UserFactory()
    ids = [Notification.objects.create(recipient=user, kind="x", title="x").pk for _ in range(3)]
    client.force_login(user)
    cursor = base64.urlsafe_b64encode(json.dumps({"v": values, "b": False}).encode()).decode().rstrip("=")
    response = client.get(reverse("notifications"), {"cursor": cursor})
    assert response.status_code == 200
    assert [n.pk for n in response.context["notifications"]] == sorted(ids, reverse=True)


def test_a_numbered_page_reads_its_rows_in_the_order_of_its_ids_whatever_the_queryset_gives():
    made = CommitmentFactory.create_batch(3)
    ids = [made[2].pk, made[0].pk]
    commitments = Commitment.objects.all()
    assert pagination.rows_of(commitments, ids) == [made[2], made[0]]
    assert [row["id"] for row in pagination.rows_of(commitments.values("title", "id"), ids)] == ids
    assert [row[1] for row in pagination.rows_of(commitments.values_list("title", "id"), ids)] == ids
    assert pagination.rows_of(commitments.values_list("id", flat=True), ids) == ids
    assert pagination.rows_of(commitments, [made[1].pk, 0]) == [made[1]]  # an id gone since is left out


def _listed(client, language, **filters):
    response = client.get(reverse("commitments:commitment-list"), filters, HTTP_ACCEPT_LANGUAGE=language)
    return [c.pk for c in response.context["commitments"]], response.context["page"].count


def _key_reads(queries) -> int:
    """The statements that read the matching commitments' keys (their ids alone, up to COUNT_LIMIT + 1)."""
    return sum('SELECT "commitments_commitment"."id" AS "id", "commitments_commitment"."id" AS "pk"' in q["sql"]
               for q in queries)  # fmt: skip


def test_a_filter_s_keys_are_read_once_per_content_version_for_every_page_and_language(client):
    plan = ActionPlanFactory(member__country="GH")
    ActionPlanFactory.create_batch(2)
    per_page = pagination.PER_PAGE
    ids = sorted((CommitmentFactory(action_plan=plan).pk for _ in range(per_page + 1)), reverse=True)
    with CaptureQueriesContext(connection) as first:
        assert _listed(client, "en", country="GH") == (ids[:per_page], per_page + 1)
    assert _key_reads(first) == 1
    cursor = pagination.cursor_at([ids[per_page - 1]])
    with CaptureQueriesContext(connection) as again:
        # Another language (another page address, another fragment) and the next page of the same filter.
        assert _listed(client, "fr", country="GH") == (ids[:per_page], per_page + 1)
        assert _listed(client, "en", country="GH", cursor=cursor) == (ids[per_page:], per_page + 1)
    assert _key_reads(again) == 0
    newer = CommitmentFactory(action_plan=plan).pk  # a write: a new content version, the keys read again
    with CaptureQueriesContext(connection) as written:
        assert _listed(client, "es", country="GH") == ([newer, *ids[: per_page - 1]], per_page + 2)
    assert _key_reads(written) == 1


def test_keys_of_rows_that_change_without_a_new_content_version_are_read_every_time():
    user = UserFactory()
    for _ in range(3):
        Notification.objects.create(recipient=user, kind="x", title="x")
    notifications = Notification.objects.filter(recipient=user)
    for expected in (3, 4):
        page = keyset_page(notifications, ordering=("-created_at", "-id"), cursor=None)
        assert page.count == expected  # the fourth notification counted: its keys were read again
        Notification.objects.create(recipient=user, kind="x", title="x")  # no new content version
