"""The cycle calendar's, compliance's and challenge areas' lines of the permission matrix (tests/security/matrix.py)."""

from tests.security.endpoint import MANAGERS, STAFF, Endpoint

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
}
