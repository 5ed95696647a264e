"""Demo data of peer exchange: the similar commitments of every commitment, and one exchange between the demo
points of contact (Sekondi-Takoradi asks Madrid). Idempotent: lists are refreshed only where stale, and the
exchange is asked once."""

from accounts.models import User
from commitments.models import Commitment
from peers import services
from peers.models import ExchangeRequest

ASKING, ASKED = "sekondi-takoradi", "madrid"
MESSAGE = (
    "Our city is publishing its contracts for the first time. Could your team tell us how you organised the "
    "publication of tenders, and what you would do differently? A one-hour call would help us a lot."
)


def seed_peers() -> dict:
    refreshed = 0
    while True:
        run = services.similar_refresh_stale()
        refreshed += run["refreshed"]
        if not run["more"]:
            break
    requester = User.objects.filter(member__slug=ASKING, role=User.Role.POINT_OF_CONTACT).order_by("pk").first()
    commitment = Commitment.objects.filter(action_plan__member__slug=ASKED).select_related("action_plan").first()
    asked = 0
    if requester and commitment and not ExchangeRequest.objects.filter(requester_member=requester.member).exists():
        services.exchange_request_create(commitment=commitment, requester=requester, message=MESSAGE)
        asked = 1
    return {"similar_refreshed": refreshed, "exchanges_created": asked}
