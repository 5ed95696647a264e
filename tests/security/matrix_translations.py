"""The permission matrix's lines for translating commitments, consultations, responses and comments
(tests/security/matrix.py joins them to ENDPOINTS,
through matrix_monitoring.py)."""

from tests.security.endpoint import MANAGERS, OWNER, STAFF, Endpoint

TEXTS = ("title", "short_title", "problem", "status_quo", "objective", "expected_results")
COMMITMENT_TRANSLATION = {"language": "fr", **{f"{name}_translated": "Hijacked" for name in TEXTS}}

TRANSLATION_ENDPOINTS = {
    # The commitment and its milestones in another language: the member's point of contact, staff.
    "commitments:commitment-translation": Endpoint(
        "commitment", read=MANAGERS, writes={"post": MANAGERS}, payload=COMMITMENT_TRANSLATION
    ),
    # A consultation or a published reasoned response in another language: the member's point of contact, staff.
    "consultations:consultation-translation": Endpoint(
        "consultation",
        read=MANAGERS,
        writes={"post": MANAGERS},
        payload={"language": "fr", "title_translated": "Hijacked", "description_translated": "Hijacked"},
    ),
    "consultations:response-translation": Endpoint(
        "answered",
        read=MANAGERS,
        writes={"post": MANAGERS},
        payload={"language": "fr", "reasons_translated": "Hijacked"},
    ),
    # A comment in another language: its author, staff (not the point of contact: the words are the author's).
    "consultations:comment-translation": Endpoint(
        "comment",
        read=OWNER | STAFF,
        writes={"post": OWNER | STAFF},
        payload={"language": "fr", "body_translated": "Hijacked"},
    ),
}
