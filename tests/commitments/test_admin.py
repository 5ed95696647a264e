"""The support unit's admin: every screen opens for support staff, and admin actions use the services."""

import pytest
from django.contrib import admin
from django.urls import reverse

from commitments.models import ActionPlan
from tests.factories import CommitmentFactory, MemberFactory, MilestoneFactory, ProgressUpdateFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, staff_user):
    client.force_login(staff_user)
    return client


def test_support_staff_open_every_admin_screen(staff_client, staff_user, rf):
    """Changelist (with a search), add and change views of every registered model answer 200."""
    ProgressUpdateFactory(commitment=MilestoneFactory().commitment)
    request = rf.get("/")
    request.user = staff_user
    closed = set()
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        if not model_admin.has_view_or_change_permission(request):
            closed.add(opts.label)
            continue
        changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        assert staff_client.get(changelist).status_code == 200, changelist
        if model_admin.search_fields:
            assert staff_client.get(changelist, {"q": "a"}).status_code == 200, changelist
        if model_admin.has_add_permission(request):
            assert staff_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add")).status_code == 200
        obj = model.objects.first()
        if obj is not None:
            change = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
            assert staff_client.get(change).status_code == 200, change
    assert closed == {"auth.Group", "knox.AuthToken"}  # permission groups and API keys: superusers only


def test_staff_cannot_make_themselves_superuser(staff_client, staff_user):
    page = staff_client.get(reverse("admin:accounts_user_change", args=[staff_user.pk])).content.decode()
    assert 'name="is_superuser"' not in page


def test_admin_autocomplete_finds_members(staff_client):
    MemberFactory(name="Sekondi-Takoradi", slug="sekondi-takoradi")
    response = staff_client.get(
        reverse("admin:autocomplete"),
        {"term": "sekondi", "app_label": "commitments", "model_name": "actionplan", "field_name": "member"},
    )
    assert [r["text"] for r in response.json()["results"]] == ["Sekondi-Takoradi"]


def test_admin_action_moves_plans_through_the_service(staff_client):
    ready = CommitmentFactory().action_plan
    empty = CommitmentFactory().action_plan
    empty.commitments.all().delete()
    response = staff_client.post(
        reverse("admin:commitments_actionplan_changelist"),
        {"action": "to_submitted", "_selected_action": [ready.pk, empty.pk]},
        follow=True,
    )
    ready.refresh_from_db()
    empty.refresh_from_db()
    assert ready.status == ActionPlan.Status.SUBMITTED
    assert empty.status == ActionPlan.Status.CO_CREATION
    assert "at least one commitment" in response.content.decode()


def test_admin_is_closed_to_points_of_contact(client, point_of_contact):
    client.force_login(point_of_contact)
    response = client.get(reverse("admin:commitments_commitment_changelist"))
    assert response.status_code == 302 and "/admin/login/" in response.url


def test_recording_a_status_event_in_the_admin_updates_the_member(staff_client):
    member = MemberFactory()
    staff_client.post(
        reverse("admin:commitments_memberstatusevent_add"),
        {"member": member.pk, "status": "suspended", "effective_on": "2025-03-01", "reason": "response_policy"},
    )
    member.refresh_from_db()
    assert member.status == "suspended"
    assert member.status_events.get().recorded_by is not None
