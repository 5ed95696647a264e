"""The support unit's lines of the permission matrix (tests/security/matrix.py): services, assistance requests,
partners."""

from tests.security.endpoint import MANAGERS, SIGNED_IN, STAFF, Endpoint, pk

SUPPORT_ENDPOINTS: dict[str, Endpoint] = {
    "support:service-list": Endpoint(),
    "support:request-create": Endpoint(
        "member",
        read=MANAGERS,
        writes={"post": MANAGERS},
        payload=lambda w: {"service": str(w["support_request"].service_id), "description": "Hijacked"},
    ),
    "support:request-mine": Endpoint(read=SIGNED_IN),
    "support:request-detail": Endpoint(pk("support_request"), read=MANAGERS),
    "support:request-note": Endpoint(
        pk("support_request"), read=MANAGERS, writes={"post": MANAGERS}, payload={"body": "Hijacked"}
    ),
    "support:request-transition": Endpoint(
        pk("support_request"), read=None, writes={"post": STAFF}, payload={"to_status": "accepted"}
    ),
    "support:attachment": Endpoint(pk("support_attachment"), read=None),  # a file: tests/support/test_views.py
    "support:queue": Endpoint(read=STAFF),
    "support:partner-list": Endpoint(),
    "support:partner-detail": Endpoint("partner"),
    "api:partner-list": Endpoint(api=True),
    "api:partner-detail": Endpoint(pk("partner"), api=True),
    # Assistance requests through the API: the pages' rules (each signed-in person lists only what they follow).
    "api:assistancerequest-list": Endpoint(
        read=SIGNED_IN,
        api=True,
        writes={"post": MANAGERS},
        payload=lambda w: {"member": "madrid", "service": w["support_request"].service.slug, "description": "Hijacked"},
    ),
    "api:assistancerequest-detail": Endpoint(pk("support_request"), read=MANAGERS, api=True),
    "api:assistancerequest-transition": Endpoint(
        pk("support_request"), read=None, api=True, writes={"post": STAFF}, payload={"to_status": "accepted"}
    ),
    "api:assistancerequest-notes": Endpoint(
        pk("support_request"), read=None, api=True, writes={"post": MANAGERS}, payload={"body": "Hijacked"}
    ),
}
