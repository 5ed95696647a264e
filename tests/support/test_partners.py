"""Partners: the directory, their engagements on member and commitment pages, the API; commitments' funding."""

from decimal import Decimal

import pytest
from django.urls import reverse

from commitments import services as commitment_services
from tests.factories import ActionPlanFactory, CommitmentFactory
from tests.factories.support import EngagementFactory, PartnerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def engagement(member, plan):
    commitment = CommitmentFactory(action_plan=plan, number="1", title="Open contracting portal")
    engagement = EngagementFactory(
        partner=PartnerFactory(name="Inter-American Development Bank", name_fr="Banque interaméricaine", slug="idb"),
        member=member,
        assistance="financial",
        amount=Decimal("35000000"),
        currency="USD",
        description="Loan for online services",
    )
    engagement.commitments.add(commitment)
    return engagement


def test_the_directory_and_a_partners_page(client, engagement):
    listing = client.get(reverse("support:partner-list"), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Banque interaméricaine" in listing
    page = client.get(engagement.partner.get_absolute_url()).content.decode()
    assert "Loan for online services" in page and "Open contracting portal" in page


def test_member_and_commitment_pages_show_the_engagement(client, engagement):
    assert "Loan for online services" in client.get(engagement.member.get_absolute_url()).content.decode()
    commitment = engagement.commitments.get()
    assert "Inter-American Development Bank" in client.get(commitment.get_absolute_url()).content.decode()


def test_the_api_lists_partners_with_engagements_in_constant_queries(
    client, engagement, member, plan, django_assert_max_num_queries
):
    url = reverse("api:partner-list")
    with django_assert_max_num_queries(10) as few:
        data = client.get(url).json()
    item = data["results"][0] if "results" in data else data[0]
    assert item["slug"] == "idb" and item["engagements"][0]["commitments"][0]["title"] == "Open contracting portal"
    assert item["engagements"][0]["amount"] == "35000000.00"
    for _ in range(5):
        other = EngagementFactory(member=member)
        other.commitments.add(CommitmentFactory(action_plan=plan))
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(url).status_code == 200


def test_funding_is_edited_in_the_workspace_and_shown_on_the_commitment(poc_client, plan):
    commitment = CommitmentFactory(action_plan=plan, number="2", title="Budget transparency")
    url = reverse("commitments:workspace-commitment-update", args=[commitment.pk])
    data = {"number": "2", "title": "Budget transparency", "budget": "120000", "budget_currency": "eur"}
    response = poc_client.post(url, {**data, "funding_source": "National budget", "funding_gap": "150000"})
    assert response.status_code == 200 and "cannot be larger than the budget" in response.content.decode()
    poc_client.post(url, {**data, "funding_source": "National budget", "funding_gap": "20000"})
    commitment.refresh_from_db()
    assert commitment.budget == Decimal("120000") and commitment.budget_currency == "EUR"
    page = poc_client.get(commitment.get_absolute_url()).content.decode()
    assert "National budget" in page and "120,000" in page


def test_funding_is_not_asked_when_a_commitment_is_created(poc_client, plan):
    form = poc_client.get(reverse("commitments:workspace-commitment-create", args=[plan.pk])).content.decode()
    assert 'name="budget"' not in form


def test_a_budget_needs_its_currency(plan):
    commitment = CommitmentFactory(action_plan=ActionPlanFactory(member=plan.member))
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        commitment_services.commitment_update(commitment=commitment, budget=Decimal("10"))


def test_funding_is_in_the_commitment_api_list_and_detail_alike(client):
    funded = CommitmentFactory(budget="120000.00", budget_currency="EUR", funding_source="National budget")
    funded.funding_gap = "20000.50"
    funded.save()
    listed = next(item for item in client.get("/api/v1/commitments/").json()["results"] if item["id"] == funded.pk)
    detail = client.get(f"/api/v1/commitments/{funded.pk}/").json()
    expected = {"budget": "120000.00", "budget_currency": "EUR", "funding_source": "National budget",
                "funding_gap": "20000.50"}  # fmt: skip
    assert {key: listed[key] for key in expected} == expected
    assert {key: detail[key] for key in expected} == expected


def test_a_partners_description_follows_the_page_language(client):
    partner = PartnerFactory(
        name="Open Ownership",
        description="Beneficial ownership transparency.",
        description_es="Transparencia sobre los beneficiarios finales.",
    )
    spanish = client.get(partner.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "<p>Transparencia sobre los beneficiarios finales.</p>" in spanish
    french = client.get(partner.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert '<p lang="en">Beneficial ownership transparency.</p>' in french
    body = client.get(reverse("api:partner-detail", args=[partner.pk])).json()
    assert body["description_es"] == "Transparencia sobre los beneficiarios finales." and body["description_fr"] == ""
