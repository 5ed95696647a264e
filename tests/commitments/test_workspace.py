"""The point-of-contact workspace through its web forms."""

from datetime import date

import pytest
from django.urls import URLPattern, reverse

from commitments import urls as commitment_urls
from commitments.models import ActionPlan, InstitutionContact, Milestone
from tests.factories import (
    ActionPlanFactory,
    CommitmentFactory,
    InstitutionContactFactory,
    MilestoneFactory,
    PolicyAreaFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def test_point_of_contact_writes_a_whole_plan_through_the_forms(poc_client, member):
    """Create a plan, add a commitment and a milestone, submit, implement, report progress."""
    area = PolicyAreaFactory(slug="lobbying", name="Lobbying")
    response = poc_client.post(
        reverse("commitments:workspace-actionplan-create", args=[member.slug]),
        {"number": 3, "title": "Third plan", "start_date": "2026-01-01", "end_date": "2027-12-31"},
    )
    plan = ActionPlan.objects.get(member=member, number=3)
    assert response.status_code == 302 and response.url == plan.get_workspace_url()
    assert plan.status == ActionPlan.Status.CO_CREATION

    response = poc_client.post(
        reverse("commitments:workspace-commitment-create", args=[plan.pk]),
        {
            "number": "1",
            "title": "Lobby register",
            "objective": "Register every lobbyist",
            "lead_institution_name": "Transparency Department",
            "supporting_csos": "Access Info Europe\nTransparency International",
            "policy_areas": [area.pk],
            "access_to_information": "on",
        },
    )
    assert response.status_code == 302
    commitment = plan.commitments.get()
    assert commitment.lead_institution.name == "Transparency Department"
    assert commitment.supporting_organisations.count() == 2
    assert commitment.access_to_information and not commitment.civic_participation

    poc_client.post(
        reverse("commitments:workspace-milestone-create", args=[commitment.pk]),
        {"order": 1, "description": "Adopt the regulation", "due_date": "2026-06-30"},
    )
    milestone = commitment.milestones.get()

    for status in ("submitted", "implementation"):
        response = poc_client.post(
            reverse("commitments:workspace-actionplan-transition", args=[plan.pk]), {"to_status": status}
        )
        assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.status == "implementation"

    poc_client.post(
        reverse("commitments:workspace-milestone-update", args=[milestone.pk]),
        {"status": "completed", "completed_on": date.today().isoformat()},
    )
    milestone.refresh_from_db()
    assert milestone.status == "completed"
    response = poc_client.post(
        reverse("commitments:workspace-progressupdate-create", args=[commitment.pk]),
        {"reported_on": date.today().isoformat(), "completion": "substantial", "text": "Regulation adopted."},
    )
    assert response.status_code == 302
    commitment.refresh_from_db()
    assert commitment.completion == "substantial"

    page = poc_client.get(commitment.get_absolute_url()).content.decode()
    assert "Regulation adopted." in page and "Adopt the regulation" in page


def test_form_errors_are_shown_and_nothing_is_saved(poc_client, member):
    response = poc_client.post(
        reverse("commitments:workspace-actionplan-create", args=[member.slug]),
        {"number": 1, "title": "", "start_date": "2027-01-01", "end_date": "2026-01-01"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "This field is required." in page
    assert not member.action_plans.exists()


def test_a_service_refusal_shows_on_the_form(poc_client, plan):
    """An empty plan cannot be submitted: the workspace says why and the plan stays in co-creation."""
    response = poc_client.post(
        reverse("commitments:workspace-actionplan-transition", args=[plan.pk]), {"to_status": "submitted"}, follow=True
    )
    assert "at least one commitment" in response.content.decode()
    plan.refresh_from_db()
    assert plan.status == "co_creation"


def test_duplicate_commitment_number_is_a_form_error(poc_client, plan):
    CommitmentFactory(action_plan=plan, number="1")
    response = poc_client.post(
        reverse("commitments:workspace-commitment-create", args=[plan.pk]), {"number": "1", "title": "Again"}
    )
    assert response.status_code == 200
    assert "already has a commitment with this number" in response.content.decode()
    assert plan.commitments.count() == 1


def test_during_implementation_the_milestone_form_only_offers_the_status(poc_client, member):
    milestone = MilestoneFactory(commitment__action_plan=ActionPlanFactory(member=member, implementing=True))
    page = poc_client.get(reverse("commitments:workspace-milestone-update", args=[milestone.pk])).content.decode()
    assert 'name="status"' in page and 'name="description"' not in page


def test_a_milestone_completed_without_a_date_is_completed_today_as_the_help_says(poc_client, member):
    milestone = MilestoneFactory(
        commitment__action_plan=ActionPlanFactory(member=member, implementing=True),
        order=2,
        description="Adopt the rule",
    )
    url = reverse("commitments:workspace-milestone-update", args=[milestone.pk])
    page = poc_client.get(url).content.decode()
    assert "today&#x27;s date is used" in page or "today's date is used" in page
    assert "Edit milestone 2" in page and "Adopt the rule" in page.split("<h1>", 1)[1].split("</h1>", 1)[0]

    response = poc_client.post(url, {"status": "completed", "completed_on": ""})

    assert response.status_code == 302
    milestone.refresh_from_db()
    assert (milestone.status, milestone.completed_on) == ("completed", date.today())


def _workspace_urls(objects):
    """Every workspace URL of the URL configuration, filled in with objects of one member."""
    kwargs_for = {
        "workspace-member": {"slug": objects["member"].slug},
        "workspace-actionplan-create": {"slug": objects["member"].slug},
        "workspace-plan": {"pk": objects["plan"].pk},
        "workspace-actionplan-update": {"pk": objects["plan"].pk},
        "workspace-actionplan-transition": {"pk": objects["plan"].pk},
        "workspace-commitment-create": {"pk": objects["plan"].pk},
        "workspace-commitment-update": {"pk": objects["commitment"].pk},
        "workspace-milestone-create": {"pk": objects["commitment"].pk},
        "workspace-progressupdate-create": {"pk": objects["commitment"].pk},
        "workspace-milestone-update": {"pk": objects["milestone"].pk},
        "workspace-institution-contacts": {"slug": objects["member"].slug},
        "workspace-institution-contact-remove": {"pk": objects["contact"].pk},
    }
    names = [
        p.name for p in commitment_urls.urlpatterns if isinstance(p, URLPattern) and p.name.startswith("workspace-")
    ]
    missing = set(names) - set(kwargs_for)
    assert not missing, f"New workspace views need a line in this test: {missing}"
    return [reverse(f"commitments:{name}", kwargs=kwargs_for[name]) for name in names]


@pytest.mark.parametrize("status", ["co_creation", "implementation"])
def test_a_point_of_contact_cannot_touch_another_members_data_through_any_url(
    client, other_point_of_contact, member, status
):
    """Every workspace URL, GET and POST, on another member's objects: 403 and nothing changes."""
    milestone = MilestoneFactory(commitment__action_plan=ActionPlanFactory(member=member, status=status))
    commitment = milestone.commitment
    contact = InstitutionContactFactory(institution__member=member)
    objects = {
        "member": member,
        "plan": commitment.action_plan,
        "commitment": commitment,
        "milestone": milestone,
        "contact": contact,
    }
    client.force_login(other_point_of_contact)
    payload = {
        "number": "9",
        "title": "Hijacked",
        "description": "Hijacked",
        "start_date": "2024-01-01",
        "end_date": "2026-12-31",
        "to_status": "withdrawn",
        "status": "cancelled",
        "text": "Hijacked",
        "completion": "complete",
        "reported_on": "2025-01-01",
    }
    for url in _workspace_urls(objects):
        if "/status/" not in url:
            assert client.get(url).status_code == 403, url
        assert client.post(url, payload).status_code == 403, url
    commitment.refresh_from_db()
    milestone.refresh_from_db()
    assert commitment.action_plan.status == status
    assert commitment.title != "Hijacked" and milestone.status != Milestone.Status.CANCELLED
    assert not commitment.progress_updates.exists()
    assert member.action_plans.count() == 1
    assert InstitutionContact.objects.filter(pk=contact.pk).exists()


@pytest.mark.parametrize("who", ["participant", "researcher"])
def test_other_roles_are_refused_the_workspace(client, plan, who):
    user = UserFactory(researcher=True) if who == "researcher" else UserFactory()
    client.force_login(user)
    assert client.get(reverse("commitments:workspace")).status_code == 403
    assert client.get(plan.get_workspace_url()).status_code == 403


def test_anonymous_visitors_are_sent_to_the_login_page(client, plan):
    response = client.get(plan.get_workspace_url())
    assert response.status_code == 302 and reverse("account_login") in response.url


def test_workspace_home_takes_a_point_of_contact_to_their_member(poc_client, member):
    response = poc_client.get(reverse("commitments:workspace"))
    assert response.status_code == 302 and response.url == reverse("commitments:workspace-member", args=[member.slug])


def test_staff_pick_a_member_in_the_workspace(client, staff_user, member):
    client.force_login(staff_user)
    page = client.get(reverse("commitments:workspace"), {"search": "madr"}).content.decode()
    assert reverse("commitments:workspace-member", args=[member.slug]) in page
