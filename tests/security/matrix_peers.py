"""The peer exchanges' lines of the permission matrix (tests/security/matrix.py)."""

from tests.security.endpoint import Endpoint, pk

POINTS_OF_CONTACT = frozenset({"poc", "other_poc", "staff"})

PEER_ENDPOINTS: dict[str, Endpoint] = {
    # Peer exchange (peers) ---------------------------------------------------------------------
    # Madrid's points of contact and Paris's (who asked) see the exchange; Madrid's answers it.
    "peers:exchange-list": Endpoint(read=POINTS_OF_CONTACT),
    "peers:exchange-detail": Endpoint(
        pk("exchange"),
        read=POINTS_OF_CONTACT,
        writes={"post": frozenset({"poc"})},
        payload={"decision": "accept", "answer": "Gladly: write to us."},
    ),
    # A point of contact of another member asks Madrid about one of its commitments.
    "peers:exchange-create": Endpoint(
        pk("implemented"),
        read=frozenset({"other_poc"}),
        writes={"post": frozenset({"other_poc"})},
        payload={"message": "Could we learn from your reform?"},
    ),
    # The same through the API.
    "api:exchange-list": Endpoint(
        read=POINTS_OF_CONTACT,
        api=True,
        writes={"post": frozenset({"other_poc"})},
        payload=lambda w: {"commitment": w["implemented"].pk, "message": "Could we learn from your reform?"},
    ),
    "api:exchange-detail": Endpoint(pk("exchange"), read=POINTS_OF_CONTACT, api=True),
    "api:exchange-answer": Endpoint(
        pk("exchange"),
        read=None,
        api=True,
        writes={"post": frozenset({"poc"})},
        payload={"decision": "accept", "answer": "Gladly: write to us."},
    ),
}
