"""Who may do what in peer exchange (roles from accounts/rules.py).

A point of contact asks another member's points of contact for an exchange about one of its commitments;
those points of contact answer; both members' points of contact and the support unit read the exchange.
"""

import rules

from accounts.rules import is_any_point_of_contact, is_support_staff
from commitments.models import Commitment
from peers.models import ExchangeRequest


@rules.predicate
def is_other_members_commitment(user, commitment) -> bool:
    return isinstance(commitment, Commitment) and user.member_id != commitment.action_plan.member_id


@rules.predicate
def is_asked_member(user, exchange) -> bool:
    return isinstance(exchange, ExchangeRequest) and user.member_id == exchange.member_id


@rules.predicate
def is_requesting_member(user, exchange) -> bool:
    return isinstance(exchange, ExchangeRequest) and user.member_id == exchange.requester_member_id


@rules.predicate
def is_pending(user, exchange) -> bool:
    return isinstance(exchange, ExchangeRequest) and exchange.is_pending


rules.add_perm("peers.add_exchangerequest", is_any_point_of_contact & is_other_members_commitment)
rules.add_perm("peers.list_exchangerequest", is_any_point_of_contact | is_support_staff)
rules.add_perm(
    "peers.view_exchangerequest",
    is_support_staff | (is_any_point_of_contact & (is_asked_member | is_requesting_member)),
)
rules.add_perm("peers.answer_exchangerequest", is_any_point_of_contact & is_asked_member & is_pending)
rules.add_perm("peers.change_exchangerequest", is_support_staff)
rules.add_perm("peers.delete_exchangerequest", is_support_staff)
rules.add_perm("peers.view_similarcommitment", is_support_staff)
