"""The permission matrix's lines for monitoring (tests/security/matrix.py joins them to ENDPOINTS)."""

from tests.security.endpoint import MANAGERS, OWNER, PARTICIPANTS, SIGNED_IN, Endpoint, pk
from tests.security.matrix_follow import FOLLOW_ENDPOINTS
from tests.security.matrix_translations import TRANSLATION_ENDPOINTS

MONITORING_REPORT = {"finding": "delayed", "text": "Hijacked", "observed_on": "2025-01-01", "website": ""}
NOT_OWNER = SIGNED_IN - OWNER
# The participant of the world is also a contact of the lead institution of "implemented", the institution the
# proposal was referred to (world.py): they post progress, answer reports on it and give its opinion.
CONTACT = frozenset({"participant"})
TEAM = MANAGERS | CONTACT
PROGRESS = {"reported_on": "2025-02-01", "completion": "substantial", "text": "Hijacked"}
MONITORING_ENDPOINTS = {
    "monitoring:report-create": Endpoint(
        "implemented", read=PARTICIPANTS, writes={"post": PARTICIPANTS}, payload=MONITORING_REPORT | {"submit": "on"}
    ),
    "monitoring:report-detail": Endpoint("monitoring_report"),
    "monitoring:report-update": Endpoint(
        "monitoring_report", read=OWNER, writes={"post": OWNER}, payload=MONITORING_REPORT
    ),
    "monitoring:report-submit": Endpoint("monitoring_draft", read=None, writes={"post": OWNER}),
    "monitoring:report-delete": Endpoint("monitoring_draft", read=None, writes={"post": OWNER}),
    "monitoring:report-withdraw": Endpoint(
        "monitoring_report", read=OWNER, writes={"post": OWNER}, payload={"reason": "Hijacked"}
    ),
    "monitoring:report-answer": Endpoint(
        "monitoring_report", read=TEAM, writes={"post": TEAM}, payload={"kind": "disputed", "text": "No"}
    ),
    "monitoring:report-flag": Endpoint(
        "monitoring_report", read=NOT_OWNER, writes={"post": NOT_OWNER}, payload={"reason": "spam"}
    ),
    "monitoring:evidence": Endpoint("monitoring_draft_evidence", read=OWNER),
    "monitoring:plan": Endpoint(lambda w: {"pk": w["implemented"].action_plan_id}),
    "monitoring:workspace": Endpoint(lambda w: {"pk": w["implemented"].action_plan_id}, read=MANAGERS),
    "api:monitoringreport-list": Endpoint(
        api=True,
        writes={"post": PARTICIPANTS},
        payload=lambda w: {"commitment": w["implemented"].pk, "finding": "delayed", "text": "Hijacked"},
    ),
    "api:monitoringreport-detail": Endpoint(
        pk("monitoring_report"),
        api=True,
        writes={"patch": OWNER},
        payload={"text": "Hijacked"},
        refused_methods=("put",),
    ),
    "api:monitoringreport-withdraw": Endpoint(
        pk("monitoring_report"), read=None, api=True, writes={"post": OWNER}, payload={"reason": "Hijacked"}
    ),
    "api:monitoringreport-answer": Endpoint(
        pk("monitoring_report"),
        read=None,
        api=True,
        writes={"post": TEAM},
        payload={"kind": "disputed", "text": "No"},
    ),
    # Following a commitment (issue 14, point 4): its lines in matrix_follow.py.
    **FOLLOW_ENDPOINTS,
    # Translating a commitment (issue 19, point 1): its lines in matrix_translations.py.
    **TRANSLATION_ENDPOINTS,
}
INSTITUTION_ENDPOINTS = {
    "commitments:workspace-progressupdate-create": Endpoint(
        "implemented", read=TEAM, writes={"post": TEAM}, payload=PROGRESS
    ),
    "commitments:workspace-institution-contacts": Endpoint(
        "member",
        read=MANAGERS,
        writes={"post": MANAGERS},
        payload=lambda w: {"institution_name": "Urban Planning", "email": w["other_researcher"].email},
    ),
    "commitments:workspace-institution-contact-remove": Endpoint(
        "institution_contact", read=None, writes={"post": MANAGERS}
    ),
    "monitoring:institution-home": Endpoint(read=SIGNED_IN),
    "consultations:referral-answer": Endpoint(
        "referral", read=CONTACT, writes={"post": CONTACT}, payload={"opinion": "Hijacked"}
    ),
}
