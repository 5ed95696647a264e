"""The permission matrix: every named URL of the site, who may read it and who may write through it.

One table (`ENDPOINTS`, each app's lines in matrix_<app>.py) declares each URL pattern of the URLconf and the DRF
router. The tests build one `world` of objects owned by known users (world.py) and read the table to know what to
send where; a URL pattern missing from it fails the suite. Roles and `Endpoint`: endpoint.py; the walk: urlconf.py.
"""

from commitments.models import ActionPlan
from tests.factories.accounts import DEFAULT_PASSWORD
from tests.security.endpoint import (
    ANONYMOUS,
    DISCUSSANTS,
    MANAGERS,
    OWNER,
    PARTICIPANTS,
    PUBLIC,
    REPORT_TEAM,
    SIGNED_IN,
    STAFF,
    Endpoint,
    pk,
)
from tests.security.matrix_analytics import ANALYTICS_ENDPOINTS
from tests.security.matrix_api_writes import API_WRITE_ENDPOINTS
from tests.security.matrix_cycle import CYCLE_ENDPOINTS
from tests.security.matrix_drafting import DRAFTING_ENDPOINTS
from tests.security.matrix_grants import GRANT_ENDPOINTS
from tests.security.matrix_monitoring import INSTITUTION_ENDPOINTS, MONITORING_ENDPOINTS, TEAM
from tests.security.matrix_open_data import OPEN_DATA_ENDPOINTS
from tests.security.matrix_peers import PEER_ENDPOINTS
from tests.security.matrix_support import SUPPORT_ENDPOINTS

PROPOSAL_TEXT = {"title": "Hijacked", "problem": "Hijacked", "solution": "Hijacked", "website": ""}
TRANSLATION = {"language": "fr", **{f"{name}_translated": "Hijacked" for name in ("title", "problem", "solution")}}
TEMPLATE = {"title": "Hijacked", "outcome": "accepted", "reasons": "Hijacked"}
SEAT = {"organisation_name": "Hijacked", "sector": "other", "role": "member"}
MEETING = {"title": "Hijacked", "held_on": "2026-01-01", "agenda": "Hijacked"}
PLAN = {"number": "9", "title": "Hijacked", "start_date": "2027-01-01", "end_date": "2028-12-31"}
COMMITMENT = {"number": "9.9", "title": "Hijacked", "objective": "Hijacked"}
MILESTONE = {"order": "9", "description": "Hijacked", "due_date": "2025-06-30"}
PROGRESS = {"reported_on": "2025-02-01", "completion": "substantial", "text": "Hijacked"}

ENDPOINTS: dict[str, Endpoint] = {
    # Site ----------------------------------------------------------------------------------------
    "home": Endpoint(),
    "healthz": Endpoint(),
    "set_language": Endpoint(read=None, writes={"post": PUBLIC}, payload={"language": "fr", "next": "/"}),
    "profile": Endpoint(read=SIGNED_IN, writes={"post": SIGNED_IN}, payload={"full_name": "Renamed"}),
    "profile-data": Endpoint(read=SIGNED_IN),  # the signed-in person's own data only
    # Memberships awaiting confirmation: decided by a confirmed member of the organisation (the owner) or staff.
    "profile-organisation": Endpoint(read=SIGNED_IN),
    "profile-organisation-decide": Endpoint(
        kwargs="membership_request", read=None, writes={"post": OWNER | STAFF}, payload={"decision": "confirm"}
    ),
    # API tokens: the signed-in person's own (a new one with its scope; revoke every one of theirs).
    "profile-api-token": Endpoint(read=SIGNED_IN, writes={"post": SIGNED_IN}, payload={"password": DEFAULT_PASSWORD}),
    "profile-api-token-revoke": Endpoint(read=None, writes={"post": SIGNED_IN}),
    "profile-delete": Endpoint(read=SIGNED_IN, writes={"post": SIGNED_IN}, payload={"password": DEFAULT_PASSWORD}),
    # Notifications: each person's own (the list shows only theirs; one followed is its recipient's only).
    "notifications": Endpoint(read=SIGNED_IN),
    "notifications-read-all": Endpoint(read=None, writes={"post": SIGNED_IN}),
    "notification-open": Endpoint(pk("notification"), read=OWNER),
    "notification-preferences": Endpoint(read=SIGNED_IN, writes={"post": SIGNED_IN}, payload={"emails_enabled": "on"}),
    "api-schema": Endpoint(),
    "api-docs": Endpoint(),
    # API -----------------------------------------------------------------------------------------
    "api:api-root": Endpoint(api=True),
    "api:auth-token": Endpoint(
        read=None, api=True, writes={"post": PUBLIC}, payload={"email": "nobody@example.org", "password": "wrong"}
    ),
    "api:notification-list": Endpoint(read=SIGNED_IN, api=True),
    "api:notification-detail": Endpoint(pk("notification"), read=OWNER, api=True),
    "api:notification-read": Endpoint(pk("notification"), read=None, api=True, writes={"post": OWNER}),
    "api:notification-read-all": Endpoint(read=None, api=True, writes={"post": SIGNED_IN}),
    "api:member-list": Endpoint(api=True),
    "api:member-detail": Endpoint(pk("member"), api=True),
    "api:commitment-progress-updates": Endpoint(pk("implemented"), api=True, writes={"post": TEAM}, payload=PROGRESS),
    "api:proposal-list": Endpoint(
        api=True,
        writes={"post": PARTICIPANTS},
        payload=lambda w: {"consultation": w["consultation"].pk, **PROPOSAL_TEXT, "submit": True},
    ),
    "api:proposal-detail": Endpoint(
        pk("draft"),
        read=OWNER,
        api=True,
        writes={"patch": OWNER},
        payload={"title": "Hijacked"},
        refused_methods=("put",),
    ),
    "api:proposal-comments": Endpoint(pk("proposal"), api=True, writes={"post": DISCUSSANTS}, payload={"body": "Hi"}),
    "api:proposal-respond": Endpoint(
        pk("proposal"),
        read=None,
        api=True,
        writes={"post": MANAGERS},
        payload={"outcome": "not_accepted", "reasons": "Hijacked", "publish": True},
    ),
    "api:proposal-submit": Endpoint(pk("draft"), read=None, api=True, writes={"post": OWNER}),
    "api:proposal-support": Endpoint(  # the page's rule for both (consultations.support_proposal)
        pk("proposal"), read=None, api=True, writes=dict.fromkeys(("post", "delete"), frozenset({"participant"}))
    ),
    "api:proposal-withdraw": Endpoint(
        pk("proposal"), read=None, api=True, writes={"post": OWNER}, payload={"reason": "duplicate"}
    ),
    "api:report-list": Endpoint(api=True),
    "api:report-detail": Endpoint(pk("report"), read=REPORT_TEAM, api=True),
    "api:report-pdf": Endpoint(pk("report"), read=None, api=True),  # a file: tests/irm_reports/test_api.py
    "api:report-render": Endpoint(pk("report"), read=None, api=True, writes={"post": REPORT_TEAM}),
    # Co-creation: public pages -------------------------------------------------------------------
    **API_WRITE_ENDPOINTS,
    **GRANT_ENDPOINTS,
    **SUPPORT_ENDPOINTS,
    "consultations:consultation-list": Endpoint(),
    "consultations:consultation-detail": Endpoint("consultation"),
    "consultations:proposal-similar": Endpoint("consultation"),
    "consultations:proposal-list": Endpoint(),
    "consultations:proposal-mine": Endpoint(read=SIGNED_IN),
    "consultations:proposal-detail": Endpoint("draft", read=OWNER),
    "consultations:proposal-attachment": Endpoint("draft_attachment", read=OWNER),  # a draft's file
    "consultations:forum-detail": Endpoint("member"),
    "consultations:forummeeting-detail": Endpoint("meeting"),
    # Co-creation: participants -------------------------------------------------------------------
    "consultations:proposal-create": Endpoint(
        "consultation", read=PARTICIPANTS, writes={"post": PARTICIPANTS}, payload=PROPOSAL_TEXT
    ),
    "consultations:proposal-update": Endpoint("draft", read=OWNER, writes={"post": OWNER}, payload=PROPOSAL_TEXT),
    "consultations:proposal-submit": Endpoint("draft", read=None, writes={"post": OWNER}),
    # The proposal in another language: its author, the member's point of contact, staff.
    "consultations:proposal-translation": Endpoint(
        "proposal", read=OWNER | MANAGERS, writes={"post": OWNER | MANAGERS}, payload=TRANSLATION
    ),
    "consultations:proposal-withdraw": Endpoint(
        "proposal", read=OWNER, writes={"post": OWNER}, payload={"withdrawal_reason": "duplicate"}
    ),
    "consultations:proposal-delete": Endpoint("draft", read=OWNER, writes={"post": OWNER}),
    "consultations:proposal-support": Endpoint("proposal", read=None, writes={"post": frozenset({"participant"})}),
    "consultations:proposal-unsupport": Endpoint("proposal", read=None, writes={"post": frozenset({"participant"})}),
    "consultations:proposal-follow": Endpoint("proposal", read=None, writes={"post": SIGNED_IN}),
    "consultations:proposal-unfollow": Endpoint("proposal", read=None, writes={"post": SIGNED_IN}),
    "consultations:proposal-flag": Endpoint(
        "proposal", read=SIGNED_IN - OWNER, writes={"post": SIGNED_IN - OWNER}, payload={"reason": "spam"}
    ),
    "consultations:comment-create": Endpoint(
        "proposal", read=None, writes={"post": DISCUSSANTS}, payload={"body": "Hijacked", "website": ""}
    ),
    "consultations:comment-update": Endpoint("comment", read=OWNER, writes={"post": OWNER}, payload={"body": "Edited"}),
    "consultations:comment-flag": Endpoint(
        "comment", read=SIGNED_IN - OWNER, writes={"post": SIGNED_IN - OWNER}, payload={"reason": "spam"}
    ),
    # Co-creation: moderation ---------------------------------------------------------------------
    "consultations:moderation-queue": Endpoint(read=STAFF),
    "consultations:moderation-proposal": Endpoint(
        "proposal", read=STAFF, writes={"post": STAFF}, payload={"action": "hide", "reason": "x"}
    ),
    "consultations:moderation-comment": Endpoint(
        "comment", read=STAFF, writes={"post": STAFF}, payload={"action": "hide", "reason": "x"}
    ),
    # Co-creation: the point of contact's workspace -----------------------------------------------
    "consultations:workspace-cocreation": Endpoint("member", read=MANAGERS),
    "consultations:workspace-consultation-create": Endpoint(
        "plan",
        read=MANAGERS,
        writes={"post": MANAGERS},
        payload={
            "title": "Hijacked",
            "kind": "proposals",
            "description": "x",
            "opens_at": "2030-01-01T10:00",
            "closes_at": "2030-02-01T10:00",
        },
    ),
    "consultations:workspace-consultation": Endpoint(
        "consultation", read=MANAGERS, writes={"post": MANAGERS}, payload={"outcome": "not_accepted", "reasons": "x"}
    ),
    "consultations:workspace-consultation-update": Endpoint(
        "consultation", read=MANAGERS, writes={"post": MANAGERS}, payload={"title": "Hijacked", "kind": "proposals"}
    ),
    "consultations:workspace-consultation-end": Endpoint(
        "consultation", read=MANAGERS, writes={"post": MANAGERS}, payload={"action": "cancel", "reason": "Hijacked"}
    ),
    "consultations:workspace-response": Endpoint(
        "proposal",
        read=MANAGERS,
        writes={"post": MANAGERS},
        payload={"outcome": "not_accepted", "reasons": "x", "action": "publish"},
    ),
    "consultations:workspace-referral-create": Endpoint(
        "proposal", read=MANAGERS, writes={"post": MANAGERS}, payload={"institution_name": "Hijacked"}
    ),
    "consultations:workspace-referral-opinion": Endpoint(
        "referral", read=MANAGERS, writes={"post": MANAGERS}, payload={"opinion": "Hijacked"}
    ),
    "consultations:workspace-responsetemplate-list": Endpoint("member", read=MANAGERS),
    "consultations:workspace-responsetemplate-create": Endpoint(
        "member", read=MANAGERS, writes={"post": MANAGERS}, payload=TEMPLATE
    ),
    "consultations:workspace-responsetemplate-update": Endpoint(
        "template", read=MANAGERS, writes={"post": MANAGERS}, payload=TEMPLATE
    ),
    "consultations:workspace-responsetemplate-delete": Endpoint("template", read=MANAGERS, writes={"post": MANAGERS}),
    "consultations:workspace-forum": Endpoint(
        "member", read=MANAGERS, writes={"post": MANAGERS}, payload={"name": "H"}
    ),
    "consultations:workspace-forumseat-create": Endpoint(
        "member", read=MANAGERS, writes={"post": MANAGERS}, payload=SEAT
    ),
    "consultations:workspace-forumseat-update": Endpoint(
        "seat", read=MANAGERS, writes={"post": MANAGERS}, payload=SEAT
    ),
    "consultations:workspace-forumseat-delete": Endpoint("seat", read=MANAGERS, writes={"post": MANAGERS}),
    "consultations:workspace-forummeeting-create": Endpoint(
        "member", read=MANAGERS, writes={"post": MANAGERS}, payload=MEETING
    ),
    "consultations:workspace-forummeeting-update": Endpoint(
        "meeting", read=MANAGERS, writes={"post": MANAGERS}, payload=MEETING
    ),
    **CYCLE_ENDPOINTS,
    **ANALYTICS_ENDPOINTS,
    # IRM reports ---------------------------------------------------------------------------------
    "irm_reports:report-list": Endpoint(),
    "irm_reports:report-version-pdf": Endpoint(read=None, kwargs=lambda w: {"pk": w["published"].pk, "version": 1}),
    "irm_reports:workspace": Endpoint(read=frozenset({"researcher", "other_researcher", "staff"})),
    "irm_reports:report-create": Endpoint(
        "completed_plan",
        read=REPORT_TEAM,
        writes={"post": REPORT_TEAM},
        payload={"report_type": "results_report", "methodology": "refresh_2021", "language": "fr"},
    ),
    "irm_reports:report-detail": Endpoint(pk("report"), read=REPORT_TEAM),
    "irm_reports:report-status": Endpoint(pk("report"), read=REPORT_TEAM),
    "irm_reports:report-preview": Endpoint(pk("report"), read=REPORT_TEAM),
    "irm_reports:report-edit": Endpoint(
        pk("report"), read=REPORT_TEAM, writes={"post": REPORT_TEAM}, payload={"overview": "Hijacked"}
    ),
    "irm_reports:assessment-edit": Endpoint(
        lambda w: {"pk": w["report"].pk, "commitment_pk": w["assessed"].pk},
        read=REPORT_TEAM,
        writes={"post": REPORT_TEAM},
        payload={"cluster": "Hijacked"},
    ),
    "irm_reports:requirements-edit": Endpoint(pk("report"), read=REPORT_TEAM, writes={"post": REPORT_TEAM}),
    "irm_reports:recommendations-edit": Endpoint(
        pk("report"),
        read=REPORT_TEAM,
        writes={"post": REPORT_TEAM},
        payload={"form-TOTAL_FORMS": "1", "form-INITIAL_FORMS": "0", "form-0-kind": "implementation"}
        | {"form-0-title": "Hijacked", "form-0-text": "Hijacked"},
    ),
    "irm_reports:report-render": Endpoint(pk("report"), read=None, writes={"post": REPORT_TEAM}),
    "irm_reports:report-publish": Endpoint(pk("ready"), read=None, writes={"post": REPORT_TEAM}),
    "irm_reports:report-reopen": Endpoint(pk("published"), read=None, writes={"post": REPORT_TEAM}),
    "irm_reports:report-pdf": Endpoint(pk("report"), read=None),  # a file: tests/irm_reports/test_views.py
    # Commitments: public pages and open data -----------------------------------------------------
    "commitments:member-list": Endpoint(),
    "commitments:member-detail": Endpoint("member"),
    "commitments:actionplan-detail": Endpoint("plan"),
    "commitments:commitment-list": Endpoint(),
    "commitments:search": Endpoint(),
    "commitments:commitment-detail": Endpoint("commitment"),
    # Commitments: the point of contact's workspace -----------------------------------------------
    "commitments:workspace": Endpoint(read=frozenset({"poc", "other_poc", "staff"})),
    "commitments:workspace-member": Endpoint("member", read=MANAGERS),
    "commitments:workspace-actionplan-create": Endpoint(
        "member", read=MANAGERS, writes={"post": MANAGERS}, payload=PLAN
    ),
    "commitments:workspace-plan": Endpoint("plan", read=MANAGERS),
    "commitments:workspace-actionplan-update": Endpoint("plan", read=MANAGERS, writes={"post": MANAGERS}, payload=PLAN),
    "commitments:workspace-actionplan-transition": Endpoint(
        "plan", read=None, writes={"post": MANAGERS}, payload={"to_status": ActionPlan.Status.WITHDRAWN}
    ),
    "commitments:workspace-commitment-create": Endpoint(
        "plan", read=MANAGERS, writes={"post": MANAGERS}, payload=COMMITMENT
    ),
    "commitments:workspace-commitment-update": Endpoint(
        "commitment", read=MANAGERS, writes={"post": MANAGERS}, payload=COMMITMENT
    ),
    "commitments:workspace-milestone-create": Endpoint(
        "commitment", read=MANAGERS, writes={"post": MANAGERS}, payload=MILESTONE
    ),
    "commitments:workspace-milestone-update": Endpoint(
        "milestone", read=MANAGERS, writes={"post": MANAGERS}, payload=MILESTONE
    ),
    **MONITORING_ENDPOINTS,
    **DRAFTING_ENDPOINTS,
    **INSTITUTION_ENDPOINTS,
    **PEER_ENDPOINTS,
    **OPEN_DATA_ENDPOINTS,
}


# Every (URL name, write method) of the table, in a stable order for parametrised tests.
WRITES = sorted((name, method) for name, endpoint in ENDPOINTS.items() for method in endpoint.writes)
# Whom a test acts as to use a write: a signed-in role where one may (what forms and CSRF serve).
PREFERRED = ("owner", "participant", "poc", "staff", "researcher", "other_poc", ANONYMOUS)


def acting_role(allowed) -> str:
    return next(role for role in PREFERRED if role in allowed)
