"""The multi-stakeholder forum of a member: its seats and its meetings."""

from datetime import date

from django.db import transaction

from commitments.models import ActionPlan, Member
from common.db import UNCHANGED, set_fields
from consultations.models import Forum, ForumMeeting, ForumSeat


@transaction.atomic
def forum_save(
    *,
    member: Member,
    name: str = UNCHANGED,
    description: str = UNCHANGED,
    established_on: date | None = UNCHANGED,
    rules_url: str = UNCHANGED,
) -> Forum:
    """Create the member's forum (one per member) or update it."""
    forum = Forum.objects.select_for_update().filter(member=member).first() or Forum(member=member)
    set_fields(forum, name=name, description=description, established_on=established_on, rules_url=rules_url)
    forum.full_clean()
    forum.save()
    return forum


@transaction.atomic
def forum_seat_save(
    *,
    forum: Forum,
    seat: ForumSeat | None = None,
    organisation_name: str = UNCHANGED,
    person_name: str = UNCHANGED,
    sector: str = UNCHANGED,
    role: str = UNCHANGED,
    since: date | None = UNCHANGED,
    until: date | None = UNCHANGED,
) -> ForumSeat:
    seat = seat or ForumSeat(forum=forum)
    if seat.forum_id != forum.pk:
        raise ValueError("The seat belongs to another forum.")
    set_fields(
        seat,
        organisation_name=organisation_name,
        person_name=person_name,
        sector=sector,
        role=role,
        since=since,
        until=until,
    )
    seat.full_clean()
    seat.save()
    return seat


@transaction.atomic
def forum_seat_delete(*, seat: ForumSeat) -> None:
    """Remove a seat recorded by mistake (a seat that ended gets an end date instead)."""
    seat.delete()


@transaction.atomic
def forum_meeting_save(
    *,
    forum: Forum,
    meeting: ForumMeeting | None = None,
    held_on: date = UNCHANGED,
    title: str = UNCHANGED,
    phase: str = UNCHANGED,
    action_plan: ActionPlan | None = UNCHANGED,
    modality: str = UNCHANGED,
    open_to_public: bool = UNCHANGED,
    agenda: str = UNCHANGED,
    attendance_government: int = UNCHANGED,
    attendance_civil_society: int = UNCHANGED,
    attendance_other: int = UNCHANGED,
    attendance_notes: str = UNCHANGED,
    minutes: str = UNCHANGED,
    minutes_published: bool = UNCHANGED,
) -> ForumMeeting:
    """Record a meeting (agenda first; attendance and minutes after it was held)."""
    meeting = meeting or ForumMeeting(forum=forum)
    if meeting.forum_id != forum.pk:
        raise ValueError("The meeting belongs to another forum.")
    set_fields(
        meeting,
        held_on=held_on,
        title=title,
        phase=phase,
        action_plan=action_plan,
        modality=modality,
        open_to_public=open_to_public,
        agenda=agenda,
        attendance_government=attendance_government,
        attendance_civil_society=attendance_civil_society,
        attendance_other=attendance_other,
        attendance_notes=attendance_notes,
        minutes=minutes,
        minutes_published=minutes_published,
    )
    meeting.full_clean()
    meeting.save()
    return meeting
