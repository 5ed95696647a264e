"""The grants lines of the permission matrix (tests/security/matrix.py)."""

from tests.security.endpoint import OWNER, SIGNED_IN, STAFF, Endpoint, pk

GRANT_APPLICATION = {
    "title": "Hijacked",
    "summary": "Hijacked",
    "amount_requested": "6000",
    "budget-TOTAL_FORMS": "1",
    "budget-INITIAL_FORMS": "0",
    "budget-0-description": "Hijacked",
    "budget-0-amount": "6000",
    "website": "",
}


def _grant_scores(world) -> dict:
    return {f"score_{c.pk}": "3" for c in world["grant_submitted"].call.criteria.all()} | {"comment": "Hijacked"}


GRANT_ENDPOINTS: dict[str, Endpoint] = {
    "api:grantcall-list": Endpoint(api=True),
    "api:grantcall-detail": Endpoint(pk("grant_call"), api=True),
    # Applications through the API: the organisation's confirmed members (the owner) write; staff read.
    "api:grantapplication-list": Endpoint(
        read=SIGNED_IN,
        api=True,
        writes={"post": OWNER},
        payload=lambda w: {
            "call": w["grant_call"].pk,
            "title": "Hijacked",
            "summary": "Hijacked",
            "amount_requested": "6000",
            "budget_lines": [{"description": "Hijacked", "amount": "6000"}],
        },
    ),
    "api:grantapplication-detail": Endpoint(
        pk("grant_draft"),
        read=OWNER | STAFF,
        api=True,
        writes={"patch": OWNER},
        payload={"title": "Hijacked"},
        refused_methods=("put",),
    ),
    "api:grantapplication-submit": Endpoint(pk("grant_draft"), read=None, api=True, writes={"post": OWNER}),
    # Grants: organisations apply (a confirmed member: the owner), the support unit reviews and decides.
    "grants:call-list": Endpoint(),
    "grants:call-detail": Endpoint(pk("grant_call")),
    "grants:application-create": Endpoint(
        pk("grant_call"), read=OWNER, writes={"post": OWNER}, payload=GRANT_APPLICATION
    ),
    "grants:application-mine": Endpoint(read=SIGNED_IN),
    "grants:application-detail": Endpoint(pk("grant_draft"), read=OWNER | STAFF),
    "grants:application-update": Endpoint(
        pk("grant_draft"), read=OWNER, writes={"post": OWNER}, payload=GRANT_APPLICATION
    ),
    "grants:application-submit": Endpoint(pk("grant_draft"), read=None, writes={"post": OWNER}),
    "grants:application-attachment": Endpoint(pk("grant_attachment"), read=OWNER | STAFF),
    "grants:review-queue": Endpoint(read=STAFF),
    "grants:application-review": Endpoint(
        pk("grant_submitted"), read=STAFF, writes={"post": STAFF}, payload=_grant_scores
    ),
    "grants:application-decide": Endpoint(
        pk("grant_submitted"), read=STAFF, writes={"post": STAFF}, payload={"decision": "reject", "reasons": "No"}
    ),
    "grants:milestone-create": Endpoint(
        pk("grant_awarded"), read=STAFF, writes={"post": STAFF}, payload={"title": "Report", "due_on": "2027-01-01"}
    ),
    "grants:milestone-receive": Endpoint(pk("grant_milestone"), read=None, writes={"post": STAFF}),
}
