"""The permission matrix's lines for translating commitments (tests/security/matrix.py joins them to ENDPOINTS,
through matrix_monitoring.py)."""

from tests.security.endpoint import MANAGERS, Endpoint

TEXTS = ("title", "short_title", "problem", "status_quo", "objective", "expected_results")
COMMITMENT_TRANSLATION = {"language": "fr", **{f"{name}_translated": "Hijacked" for name in TEXTS}}

TRANSLATION_ENDPOINTS = {
    # The commitment and its milestones in another language: the member's point of contact, staff.
    "commitments:commitment-translation": Endpoint(
        "commitment", read=MANAGERS, writes={"post": MANAGERS}, payload=COMMITMENT_TRANSLATION
    ),
}
