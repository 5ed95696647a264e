"""Who may ask the support unit for a service on behalf of a member (used by rules and services alike)."""

from accounts.models import Organisation


def speaks_for_civil_society_of(user, member) -> bool:
    """A confirmed member of a civil-society organisation working in `member` (its membership verified)."""
    organisation = user.confirmed_organisation if user.is_authenticated else None
    return (
        organisation is not None
        and organisation.kind == Organisation.Kind.CIVIL_SOCIETY
        and organisation.member_id is not None
        and organisation.member_id == member.pk
    )


def may_request(user, member, service=None) -> bool:
    """Staff, the member's point of contact, or (for services open to them) its verified civil society."""
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_staff or (user.is_point_of_contact and user.member_id == member.pk):
        return True
    return speaks_for_civil_society_of(user, member) and (service is None or service.open_to_civil_society)
