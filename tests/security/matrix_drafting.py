"""The permission matrix's lines for drafting (tests/security/matrix.py joins them to ENDPOINTS)."""

from tests.security.endpoint import DISCUSSANTS, MANAGERS, PARTICIPANTS, SIGNED_IN, Endpoint, pk

AMENDMENT = {"text": "Hijacked wording", "explanation": "", "website": ""}
NOT_OWNER = SIGNED_IN - {"owner"}
NOT_OWNER_PARTICIPANTS = PARTICIPANTS - {"owner"}
DRAFTING_ENDPOINTS = {
    "drafting:version-detail": Endpoint("draft_version"),
    "drafting:version-diff": Endpoint(lambda w: {"pk": w["draft_version"].pk, "other": w["draft_version"].pk}),
    "drafting:version-reviewers": Endpoint(
        "draft_version_private",
        read=MANAGERS,
        writes={"post": MANAGERS},
        payload=lambda w: {"email": w["participant"].email},
    ),
    "drafting:version-publish": Endpoint("draft_version_private", read=None, writes={"post": MANAGERS}),
    "drafting:version-create": Endpoint(
        lambda w: {"pk": w["draft_review"].pk}, read=MANAGERS, writes={"post": MANAGERS}
    ),
    "drafting:comment-create": Endpoint(
        "draft_paragraph", read=None, writes={"post": DISCUSSANTS}, payload={"body": "Hijacked", "website": ""}
    ),
    "drafting:paragraph-amend": Endpoint(
        "draft_paragraph", read=PARTICIPANTS, writes={"post": PARTICIPANTS}, payload=AMENDMENT
    ),
    "drafting:milestone-amend": Endpoint(
        pk("draft_commitment"), read=PARTICIPANTS, writes={"post": PARTICIPANTS}, payload=AMENDMENT
    ),
    "drafting:comment-support": Endpoint(pk("paragraph_comment"), read=None, writes={"post": DISCUSSANTS - {"owner"}}),
    "drafting:comment-flag": Endpoint(
        pk("paragraph_comment"), read=None, writes={"post": NOT_OWNER}, payload={"reason": "spam"}
    ),
    "drafting:amendment-detail": Endpoint("amendment"),
    "drafting:amendment-support": Endpoint("amendment", read=None, writes={"post": NOT_OWNER_PARTICIPANTS}),
    "drafting:amendment-decide": Endpoint(
        "amendment", read=MANAGERS, writes={"post": MANAGERS}, payload={"state": "rejected", "reason": "No"}
    ),
    "api:draftversion-list": Endpoint(api=True),
    "api:draftversion-detail": Endpoint(pk("draft_version"), api=True),
    "api:amendment-list": Endpoint(
        api=True,
        writes={"post": PARTICIPANTS},
        payload=lambda w: {"paragraph": w["draft_paragraph"].pk, "text": "Hijacked wording"},
    ),
    "api:amendment-detail": Endpoint(pk("amendment"), api=True),
    "api:amendment-support": Endpoint(pk("amendment"), read=None, api=True, writes={"post": NOT_OWNER_PARTICIPANTS}),
    "api:amendment-decide": Endpoint(
        pk("amendment"), read=None, api=True, writes={"post": MANAGERS}, payload={"state": "rejected", "reason": "No"}
    ),
}
