"""Reads of a member's multi-stakeholder forum: its seats, their balance, its meetings."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from commitments.models import Member
from common.compiled_models import CompiledModels
from consultations.models import Forum, ForumMeeting, ForumSeat, Sector


def forum_get(*, member: Member) -> Forum | None:
    return forum_of(member_id=member.pk)


def forum_of(*, member_id: int) -> Forum | None:
    return _FORUM_OF.one(member_id)


_FORUM_OF = CompiledModels(lambda pk: Forum.objects.select_related("member").filter(member_id=pk).order_by("pk")[:1])


def forum_balance(*, forum: Forum) -> dict:
    """Current seats by sector: {"government": n, "civil_society": n, "other": n, "total": n}."""
    balance = {sector.value: 0 for sector in Sector}
    for sector in ForumSeat.objects.current().filter(forum=forum).values_list("sector", flat=True):
        balance[sector] += 1
    balance["total"] = sum(balance.values())
    balance["non_government"] = balance["total"] - balance[Sector.GOVERNMENT]
    return balance


def forum_seats(*, forum: Forum) -> QuerySet:
    return ForumSeat.objects.current().filter(forum=forum)


def forum_meetings(*, forum: Forum) -> QuerySet:
    return forum.meetings.select_related("action_plan").order_by("-held_on", "-id")


def forum_meeting_get(*, pk: int) -> ForumMeeting:
    return get_object_or_404(ForumMeeting.objects.select_related("forum__member", "action_plan"), pk=pk)
