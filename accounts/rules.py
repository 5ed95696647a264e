"""The roles, each defined once as a `rules` predicate; every app's rules.py builds its permissions on them.

A point of contact manages the data of one member. Which member owns an object is for the app that
defines it to say: each app registers its models with `owned_by_member` (accounts sits below the apps
and never imports them).
"""

from collections.abc import Callable

import rules

from accounts.models import User

_MEMBER_ID_OF: dict[type, Callable[[object], int | None]] = {}


def owned_by_member(model: type, member_id: Callable[[object], int | None]) -> None:
    """Register how to find the id of the member that owns an object of `model` (its parents select_related)."""
    _MEMBER_ID_OF[model] = member_id


def member_id_of(obj) -> int | None:
    """The id of the member that owns obj, or None for an object no app registered."""
    for cls in type(obj).__mro__:
        if cls in _MEMBER_ID_OF:
            return _MEMBER_ID_OF[cls](obj)
    return None


def _active(user) -> bool:
    return user.is_authenticated and user.is_active


@rules.predicate
def is_support_staff(user) -> bool:
    """The support unit (`is_staff`): the admin, every workspace, moderation."""
    return _active(user) and user.is_staff


@rules.predicate
def is_participant(user) -> bool:
    """Civil society: a registered participant (e-mail verified at sign-up)."""
    return _active(user) and user.role == User.Role.PARTICIPANT


@rules.predicate
def is_researcher(user) -> bool:
    """An IRM researcher (what they may assess depends on their assignments, see irm_reports/rules.py)."""
    return _active(user) and user.role == User.Role.IRM_RESEARCHER


@rules.predicate
def is_any_point_of_contact(user) -> bool:
    """A point of contact, of whichever member."""
    return _active(user) and user.is_point_of_contact


@rules.predicate
def is_point_of_contact(user, obj) -> bool:
    """The point of contact of the member that owns obj."""
    return obj is not None and is_any_point_of_contact(user) and user.member_id == member_id_of(obj)


# Who manages a member's data: the support unit, and the member's own point of contact.
is_member_manager = is_support_staff | is_point_of_contact


@rules.predicate
def is_confirmed_member_of_requested_organisation(user, requester) -> bool:
    """`user` speaks for the organisation `requester` asks to join (and is not the requester)."""
    return (
        requester is not None
        and requester.organisation_id is not None
        and user.pk != requester.pk
        and user.organisation_id == requester.organisation_id
        and user.organisation_confirmed_at is not None
    )


rules.add_perm(
    "accounts.decide_membership",
    rules.is_authenticated & rules.is_active & (rules.is_staff | is_confirmed_member_of_requested_organisation),
)
