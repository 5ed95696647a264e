"""The permission matrix's lines for following a commitment (tests/security/matrix.py joins them to ENDPOINTS)."""

from commitments.services import unfollow_token
from tests.security.endpoint import PUBLIC, SIGNED_IN, Endpoint


def _owner_link(world) -> dict:
    """The one-click link of the owner's e-mails: whoever holds it may use it, signed in or not."""
    return {"token": unfollow_token(user=world["owner"], commitment=world["implemented"])}


FOLLOW_ENDPOINTS = {
    "commitments:commitment-follow": Endpoint("implemented", read=None, writes={"post": SIGNED_IN}),
    "commitments:commitment-unfollow": Endpoint("implemented", read=None, writes={"post": SIGNED_IN}),
    "commitments:commitment-optout": Endpoint(_owner_link, writes={"post": PUBLIC}),
}
