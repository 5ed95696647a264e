"""The multi-stakeholder forum of a member: its seats and its meetings."""

from django.db import transaction

from commitments.models import Member
from consultations.models import Forum, ForumMeeting, ForumSeat
from consultations.services._common import assign

FORUM_FIELDS = ("name", "description", "established_on", "rules_url")
SEAT_FIELDS = ("organisation_name", "person_name", "sector", "role", "since", "until")
MEETING_FIELDS = (
    "held_on",
    "title",
    "phase",
    "action_plan",
    "modality",
    "open_to_public",
    "agenda",
    "attendance_government",
    "attendance_civil_society",
    "attendance_other",
    "attendance_notes",
    "minutes",
    "minutes_published",
)


@transaction.atomic
def forum_save(*, member: Member, **data) -> Forum:
    """Create the member's forum (one per member) or update it."""
    forum = Forum.objects.select_for_update().filter(member=member).first() or Forum(member=member)
    assign(forum, data, FORUM_FIELDS)
    forum.full_clean()
    forum.save()
    return forum


@transaction.atomic
def forum_seat_save(*, forum: Forum, seat: ForumSeat | None = None, **data) -> ForumSeat:
    seat = seat or ForumSeat(forum=forum)
    if seat.forum_id != forum.pk:
        raise ValueError("The seat belongs to another forum.")
    assign(seat, data, SEAT_FIELDS)
    seat.full_clean()
    seat.save()
    return seat


@transaction.atomic
def forum_seat_delete(*, seat: ForumSeat) -> None:
    """Remove a seat recorded by mistake (a seat that ended gets an end date instead)."""
    seat.delete()


@transaction.atomic
def forum_meeting_save(*, forum: Forum, meeting: ForumMeeting | None = None, **data) -> ForumMeeting:
    """Record a meeting (agenda first; attendance and minutes after it was held)."""
    meeting = meeting or ForumMeeting(forum=forum)
    if meeting.forum_id != forum.pk:
        raise ValueError("The meeting belongs to another forum.")
    assign(meeting, data, MEETING_FIELDS)
    meeting.full_clean()
    meeting.save()
    return meeting
