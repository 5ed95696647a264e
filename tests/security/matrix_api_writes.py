"""The lines of the permission matrix (tests/security/matrix.py) for a point of contact's API writes: plans,
commitments, milestones and consultations, under the workspace pages' rules (partnership/api/writes.py,
consultations/api/writes.py)."""

from datetime import timedelta

from django.utils import timezone

from commitments.models import ActionPlan
from tests.security.endpoint import MANAGERS, Endpoint, pk

PLAN = {"number": 9, "title": "Hijacked", "start_date": "2027-01-01", "end_date": "2028-12-31"}
COMMITMENT = {"number": "9.9", "title": "Hijacked", "objective": "Hijacked"}
MILESTONE = {"order": 9, "description": "Hijacked", "due_date": "2025-06-30"}
HIJACKED = {"title": "Hijacked"}


def _consultation(world) -> dict:
    soon = timezone.now() + timedelta(days=1)
    return {
        "action_plan": world["plan"].pk,
        "title": "Hijacked",
        "description": "Hijacked",
        "opens_at": soon.isoformat(),
        "closes_at": (soon + timedelta(days=20)).isoformat(),
    }


API_WRITE_ENDPOINTS: dict[str, Endpoint] = {
    "api:actionplan-list": Endpoint(
        api=True, writes={"post": MANAGERS}, payload=lambda w: {"member": w["member"].pk, **PLAN}
    ),
    "api:actionplan-detail": Endpoint(pk("plan"), api=True, writes={"patch": MANAGERS}, payload=HIJACKED),
    "api:actionplan-transition": Endpoint(
        pk("plan"), read=None, api=True, writes={"post": MANAGERS}, payload={"to_status": ActionPlan.Status.WITHDRAWN}
    ),
    "api:commitment-list": Endpoint(
        api=True, writes={"post": MANAGERS}, payload=lambda w: {"action_plan": w["plan"].pk, **COMMITMENT}
    ),
    "api:commitment-detail": Endpoint(pk("commitment"), api=True, writes={"patch": MANAGERS}, payload=HIJACKED),
    # No list of milestones: they are read with their commitment; GET /milestones/ is a 405.
    "api:milestone-list": Endpoint(
        read=None,
        api=True,
        writes={"post": MANAGERS},
        payload=lambda w: {"commitment": w["commitment"].pk, **MILESTONE},
    ),
    "api:milestone-detail": Endpoint(
        pk("milestone"), api=True, writes={"patch": MANAGERS}, payload={"description": "Hijacked"}
    ),
    "api:consultation-list": Endpoint(api=True, writes={"post": MANAGERS}, payload=_consultation),
    "api:consultation-detail": Endpoint(pk("consultation"), api=True, writes={"patch": MANAGERS}, payload=HIJACKED),
    "api:consultation-close": Endpoint(
        pk("consultation"), read=None, api=True, writes={"post": MANAGERS}, payload={"reason": "Hijacked"}
    ),
}
