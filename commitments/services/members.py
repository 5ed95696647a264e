"""Members: their dated status history, and the organisations named in their plans."""

from datetime import date

from django.db import transaction

from accounts.models import Organisation, User
from commitments.models import Member, MemberStatusEvent
from common.cache import bump_content_version


@transaction.atomic
def member_status_change(
    *,
    member: Member,
    status: str,
    effective_on: date,
    reason: str = "",
    notes: str = "",
    recorded_by: User | None = None,
) -> MemberStatusEvent:
    """Record a dated status change; the member's current status is the latest event's."""
    event = MemberStatusEvent(
        member=member, status=status, effective_on=effective_on, reason=reason, notes=notes, recorded_by=recorded_by
    )
    event.full_clean()
    event.save()
    member_status_refresh(member=member)
    return event


def member_status_refresh(*, member: Member) -> str:
    """Set the member's current status from its latest status event."""
    latest = member.status_events.order_by("-effective_on", "-id").first()
    member.status = latest.status if latest else Member.Status.ACTIVE
    Member.objects.filter(pk=member.pk).update(status=member.status)
    bump_content_version()
    return member.status


def organisation_for_name(*, member: Member, name: str, kind: str) -> Organisation:
    """The member's organisation of that name (any case), created when it is new."""
    name = " ".join(name.split())
    organisation = Organisation.objects.filter(member=member, name__iexact=name).first()
    if organisation is None:
        organisation = Organisation(member=member, name=name, kind=kind, country=member.country)
        organisation.full_clean()
        organisation.save()
    return organisation
