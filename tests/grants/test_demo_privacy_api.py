"""Demo data, personal data and the API of grant calls."""

import pytest
from django.urls import reverse

from accounts.privacy import user_data_export
from grants.demo import seed_grants
from grants.models import GrantApplication, GrantCall
from grants.privacy import user_erase
from tests.factories import UserFactory
from tests.factories.grants import GrantApplicationFactory, GrantCallFactory

pytestmark = pytest.mark.django_db


def test_the_demo_has_an_open_call_and_a_closed_one_with_awards_and_runs_twice():
    assert seed_grants() == 2
    assert seed_grants() == 2
    open_call, closed = GrantCall.objects.order_by("-closes_on")
    assert open_call.is_open and not closed.is_open
    assert closed.applications.filter(status="awarded").count() == 2
    assert GrantApplication.objects.count() == 3


def test_an_applicant_downloads_their_applications_and_deleting_the_account_keeps_the_organisations_record():
    user = UserFactory()
    application = GrantApplicationFactory(applicant=user, title="Our coalition")
    assert user_data_export(user=user)["grant_applications"][0]["title"] == "Our coalition"
    user_erase(user)
    application.refresh_from_db()
    assert application.applicant is None and application.title == "Our coalition"


def test_the_api_lists_published_calls_with_their_public_awards_only(client):
    call = GrantCallFactory(closed=True, title="Trust Fund window 2")
    GrantApplicationFactory(call=call, awarded=True, title="Awarded project")
    GrantApplicationFactory(call=call, submitted=True, title="Pending project")
    GrantCallFactory(is_published=False, title="Not yet published")
    data = client.get(reverse("api:grantcall-list")).json()
    assert [item["title"] for item in data["results"]] == ["Trust Fund window 2"]
    item = data["results"][0]
    assert [award["title"] for award in item["awards"]] == ["Awarded project"]
    assert item["amount_min"] == "5000.00" and item["state"] == "closed"
    assert "applicant" not in str(item) and "summary" not in item["awards"][0]


def test_an_unpublished_call_is_not_shown(client):
    call = GrantCallFactory(is_published=False)
    assert client.get(call.get_absolute_url()).status_code == 404
    assert client.get(reverse("api:grantcall-detail", kwargs={"pk": call.pk})).status_code == 404


def test_support_staff_manage_calls_and_applications_in_the_admin_with_filters(client):
    GrantApplicationFactory(awarded=True).milestones.create(title="Final report", due_on="2026-12-31")
    client.force_login(UserFactory(staff=True))  # the "Support unit" group, not a superuser
    for model in ("grantcall", "grantapplication", "review", "reportingmilestone"):
        response = client.get(f"/admin/grants/{model}/")
        assert response.status_code == 200, model
        assert 'id="changelist-filter"' in response.content.decode(), model
    assert client.get(f"/admin/grants/grantcall/{GrantCall.objects.get().pk}/change/").status_code == 200
