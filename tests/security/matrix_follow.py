"""The permission matrix's lines for following a commitment (tests/security/matrix.py joins them to ENDPOINTS)."""

from commitments.models import CommitmentFollow
from commitments.services import unfollow_token
from tests.security.endpoint import OWNER, PUBLIC, SIGNED_IN, Endpoint


def _owner_link(world) -> dict:
    """The one-click link of the owner's e-mails: whoever holds it may use it, signed in or not."""
    return {"token": unfollow_token(user=world["owner"], commitment=world["implemented"])}


def _owner_follow(world) -> dict:
    """The owner follows the commitment being implemented (their row of /api/v1/commitment-follows/)."""
    follow, _created = CommitmentFollow.objects.get_or_create(commitment=world["implemented"], user=world["owner"])
    return {"pk": follow.pk}


FOLLOW_ENDPOINTS = {
    "commitments:commitment-follow": Endpoint("implemented", read=None, writes={"post": SIGNED_IN}),
    "commitments:commitment-unfollow": Endpoint("implemented", read=None, writes={"post": SIGNED_IN}),
    "commitments:commitment-optout": Endpoint(_owner_link, writes={"post": PUBLIC}),
    "api:commitmentfollow-list": Endpoint(
        api=True, read=SIGNED_IN, writes={"post": SIGNED_IN}, payload=lambda w: {"commitment": w["implemented"].pk}
    ),
    "api:commitmentfollow-detail": Endpoint(_owner_follow, api=True, read=OWNER, writes={"delete": OWNER}),
}
