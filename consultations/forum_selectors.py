"""Reads of a member's multi-stakeholder forum: its seats, their balance, its meetings."""

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from commitments.models import Member
from common.compiled_models import CompiledModels
from common.db import CompiledOnce, database_today
from common.hints import RowHint
from consultations.models import Forum, ForumMeeting, ForumSeat, Sector


def forum_get(*, member: Member) -> Forum | None:
    return None if FORUM.known_empty(member) else forum_of(member_id=member.pk)


def forum_of(*, member_id: int) -> Forum | None:
    return _FORUM_OF.one(member_id)


_FORUM_OF = CompiledModels(lambda pk: Forum.objects.select_related("member").filter(member_id=pk).order_by("pk")[:1])
# Whether the member has its forum (common.hints), read with the member's page.
FORUM = RowHint("forum", lambda member: Forum.objects.filter(member_id=member))


def forum_balance(*, forum: Forum) -> dict:
    """Current seats by sector: {"government": n, "civil_society": n, "other": n, "total": n, "non_government": n}."""
    balance = dict(_SEATS_BY_SECTOR(forum.pk))
    balance["total"] = sum(balance.values())
    balance["non_government"] = balance["total"] - balance[Sector.GOVERNMENT]
    return balance


# The seats held today (database_today(): the day in the portal's zone, by the database's clock), counted by
# sector: one statement, kept.
_SEATS_BY_SECTOR = CompiledOnce(
    lambda pk: (
        ForumSeat.objects.filter(forum_id=pk)
        .current(database_today())
        .aggregate(**{sector.value: Count("pk", filter=Q(sector=sector.value)) for sector in Sector})
    )
)


def forum_seats(*, forum: Forum) -> QuerySet:
    return ForumSeat.objects.current().filter(forum=forum)


def forum_meetings(*, forum: Forum) -> QuerySet:
    return forum.meetings.select_related("action_plan").order_by("-held_on", "-id")


def forum_meeting_get(*, pk: int) -> ForumMeeting:
    return get_object_or_404(ForumMeeting.objects.select_related("forum__member", "action_plan"), pk=pk)
