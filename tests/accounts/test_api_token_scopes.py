"""Token scopes: a read-only token reads everything it may and writes nothing, on any endpoint; a read-write
token writes with its holder's rights; a token issued before scopes existed keeps writing."""

import pytest
from axes.utils import reset as axes_reset
from knox.models import AuthToken
from rest_framework.test import APIClient

from accounts.api_scopes import TokenScopePermission
from commitments.models import ProgressUpdate
from ogp_portal.api_router import router
from tests.factories import CommitmentFactory, UserFactory
from tests.factories.accounts import DEFAULT_PASSWORD
from tests.factories.consultations import ProposalFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_lockout():
    axes_reset()
    yield
    axes_reset()


def _client(user, **scope) -> tuple[APIClient, dict]:
    answer = APIClient().post("/api/v1/auth/token/", {"email": user.email, "password": DEFAULT_PASSWORD, **scope})
    assert answer.status_code == 200, answer.json()
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {answer.json()['token']}")
    return api, answer.json()


def test_a_new_token_is_read_only_and_refused_every_write_with_a_clear_message():
    commitment = CommitmentFactory(action_plan__implementing=True)
    contact = UserFactory(point_of_contact_of=commitment.action_plan.member)
    proposal = ProposalFactory()
    api, issued = _client(contact)
    assert issued["scope"] == "read" and issued["expiry"]
    assert api.get(f"/api/v1/commitments/{commitment.pk}/").status_code == 200
    assert api.get("/api/v1/notifications/").status_code == 200  # signed in by the token
    writes = [
        api.post(f"/api/v1/commitments/{commitment.pk}/progress-updates/", {"text": "Done", "completion": "complete"}),
        api.post("/api/v1/proposals/", {}),
        api.patch(f"/api/v1/proposals/{proposal.pk}/", {"title": "Changed"}),
        api.delete(f"/api/v1/proposals/{proposal.pk}/support/"),
        api.post("/api/v1/notifications/read-all/"),  # a viewset with its own permission classes
        api.post(f"/api/v1/action-plans/{commitment.action_plan_id}/transition/", {"to_status": "completed"}),
    ]
    for response in writes:
        assert response.status_code == 403, response.content
        body = response.json()
        assert body["code"] == "read_only_token" and "read-only" in body["detail"], body
    assert not ProgressUpdate.objects.exists()


def test_a_read_write_token_writes_with_its_holders_rights():
    commitment = CommitmentFactory(action_plan__implementing=True)
    contact = UserFactory(point_of_contact_of=commitment.action_plan.member)
    api, issued = _client(contact, scope="read_write")
    assert issued["scope"] == "read_write"
    response = api.post(
        f"/api/v1/commitments/{commitment.pk}/progress-updates/", {"text": "Half done", "completion": "substantial"}
    )
    assert response.status_code == 201, response.json()
    participant_api, _issued = _client(UserFactory(), scope="read_write")
    refused = participant_api.post(
        f"/api/v1/commitments/{commitment.pk}/progress-updates/", {"text": "Not mine", "completion": "complete"}
    )
    assert refused.status_code == 403 and refused.json()["code"] != "read_only_token"


def test_a_token_issued_before_scopes_keeps_writing():
    commitment = CommitmentFactory(action_plan__implementing=True)
    contact = UserFactory(point_of_contact_of=commitment.action_plan.member)
    _token, key = AuthToken.objects.create(user=contact)  # no scope row, as every token made before
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    response = api.post(
        f"/api/v1/commitments/{commitment.pk}/progress-updates/", {"text": "Go", "completion": "limited"}
    )
    assert response.status_code == 201, response.json()


def test_an_unknown_scope_is_refused_with_the_field_named():
    response = APIClient().post(
        "/api/v1/auth/token/", {"email": UserFactory().email, "password": DEFAULT_PASSWORD, "scope": "admin"}
    )
    assert response.status_code == 400 and "scope" in response.json()["errors"]


def test_every_endpoint_checks_the_scope():
    """The scope is a default permission class: a viewset that sets its own keeps it."""
    for _prefix, viewset, _basename in router.registry:
        assert TokenScopePermission in [
            permission if isinstance(permission, type) else type(permission)
            for permission in viewset.permission_classes
        ], viewset
