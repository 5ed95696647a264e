"""The cycle calendar's, compliance's and challenge areas' lines of the permission matrix (tests/security/matrix.py)."""

from cycle.models import CycleStep
from tests.security.endpoint import MANAGERS, STAFF, Endpoint, pk

CYCLE_ENDPOINTS: dict[str, Endpoint] = {
    # Cycle calendar and compliance (cycle) ---------------------------------------------------------
    "cycle:calendar": Endpoint(),
    "cycle:member-ics": Endpoint("member"),
    "cycle:compliance": Endpoint(read=STAFF),
    "cycle:finding-detail": Endpoint(
        "finding", read=STAFF, writes={"post": STAFF}, payload={"decision": "procedural_review", "reason": "Late."}
    ),
    "cycle:challenge-list": Endpoint(),
    "cycle:challenge-detail": Endpoint(kwargs=lambda w: {"slug": "anti-corruption"}),
    "cycle:challenge-declare": Endpoint(
        "member", read=MANAGERS, writes={"post": MANAGERS}, payload=lambda w: {"area": w["challenge_area"].pk}
    ),
    "cycle:commitment-tag": Endpoint(
        "commitment", read=MANAGERS, writes={"post": MANAGERS}, payload=lambda w: {"areas": [w["challenge_area"].pk]}
    ),
    # The cycle's API (read): the calendar, challenge areas and SDG targets are public, compliance is staff's.
    "api:cyclestep-list": Endpoint(api=True),
    "api:cyclestep-detail": Endpoint(
        kwargs=lambda w: {"pk": CycleStep.objects.filter(member=w["member"]).values_list("pk", flat=True)[0]},
        api=True,
    ),
    "api:compliancefinding-list": Endpoint(read=STAFF, api=True),
    "api:compliancefinding-detail": Endpoint(pk("finding"), read=STAFF, api=True),
    "api:challengearea-list": Endpoint(api=True),
    "api:challengearea-detail": Endpoint(kwargs=lambda w: {"slug": "anti-corruption"}, api=True),
    "api:sdgtarget-list": Endpoint(api=True),
    "api:sdgtarget-detail": Endpoint(kwargs=lambda w: {"code": w["sdg_target"].code}, api=True),
}
