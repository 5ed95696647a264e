"""Who may do what with the support unit's services, requests and partners."""

import rules

from accounts.rules import is_support_staff, owned_by_member
from support.eligibility import may_request
from support.models import SupportAttachment, SupportNote, SupportRequest

owned_by_member(SupportRequest, lambda request: request.member_id)
for _model in (SupportNote, SupportAttachment):
    owned_by_member(_model, lambda obj: obj.request.member_id)


def request_of(obj) -> SupportRequest | None:
    if isinstance(obj, SupportRequest):
        return obj
    if isinstance(obj, SupportNote | SupportAttachment):
        return obj.request
    return None


@rules.predicate
def may_request_for_member(user, member) -> bool:
    """The member's point of contact, its verified civil-society organisations, or the support unit."""
    return member is not None and may_request(user, member)


@rules.predicate
def is_request_team(user, obj) -> bool:
    """Who follows a request: its requester and the point of contact of its member."""
    request = request_of(obj)
    if request is None or not (user.is_authenticated and user.is_active):
        return False
    if request.requester_id == user.pk:
        return True
    return user.is_point_of_contact and user.member_id == request.member_id


rules.add_perm("support.add_supportrequest", may_request_for_member)
rules.add_perm("support.view_supportrequest", is_support_staff | is_request_team)
rules.add_perm("support.add_supportnote", is_support_staff | is_request_team)
rules.add_perm("support.view_supportattachment", is_support_staff | is_request_team)
rules.add_perm("support.change_supportrequest", is_support_staff)
rules.add_perm("support.view_queue", is_support_staff)
