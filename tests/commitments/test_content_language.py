"""The language of content (WCAG 3.1.2): commitments, milestones and progress are in their plan's language,
and a page in another language marks them with `lang`."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from commitments import services
from commitments.models import ActionPlan, Commitment
from irm_reports.importing import OGP_SAMPLE, import_ogp_data
from tests.factories import ActionPlanFactory, CommitmentFactory, MilestoneFactory

pytestmark = pytest.mark.django_db


def _page(client, url: str, language: str) -> str:
    client.cookies["django_language"] = language
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_an_imported_english_commitment_is_marked_on_a_french_page(client):
    summary = import_ogp_data(OGP_SAMPLE)
    assert summary.ok
    assert set(ActionPlan.objects.values_list("language", flat=True)) == {"en"}  # OGP's sheet is in English
    commitment = Commitment.objects.order_by("pk").first()
    detail = _page(client, commitment.get_absolute_url(), "fr")
    assert f'<h1 lang="en">{commitment.title}</h1>' in detail
    listing = _page(client, reverse("commitments:commitment-list") + f"?search={commitment.ogp_id}", "fr")
    assert f'class="card-title" lang="en">{commitment.title}</a>' in listing
    # In English, nothing is marked.
    assert f"<h1>{commitment.title}</h1>" in _page(client, commitment.get_absolute_url(), "en")


def test_a_french_plan_marks_its_commitments_and_milestones_on_english_pages(client):
    plan = ActionPlanFactory(title="Plan d'action de Paris", language="fr")
    commitment = CommitmentFactory(action_plan=plan, title="Publier les marchés publics")
    MilestoneFactory(commitment=commitment, description="Ouvrir le portail")
    detail = _page(client, commitment.get_absolute_url(), "en")
    assert '<h1 lang="fr">Publier les marchés publics</h1>' in detail
    assert '<span lang="fr">Ouvrir le portail</span>' in detail
    page = _page(client, plan.get_absolute_url(), "en")
    assert '<h1 lang="fr">Plan d&#x27;action de Paris</h1>' in page
    assert 'class="card-title" lang="fr">Publier les marchés publics</a>' in page
    french = _page(client, plan.get_absolute_url(), "fr")
    assert 'lang="fr">Publier' not in french and "<h1>Plan d&#x27;action de Paris</h1>" in french


def test_the_plan_form_offers_the_language_defaulting_to_the_page(poc_client, member):
    poc_client.cookies["django_language"] = "es"
    form = poc_client.get(reverse("commitments:workspace-actionplan-create", args=[member.slug])).context["form"]
    assert form.initial["language"] == "es"
    plan = services.action_plan_create(
        member=member, number=9, title="Plan", start_date=date(2025, 1, 1), end_date=date(2026, 12, 31), language="fr"
    )
    assert plan.language == "fr"
    assert services.action_plan_update(plan=plan, language="es").language == "es"


def _queries(client, url: str) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as ctx:
        html = client.get(url).content.decode()
    return len(ctx.captured_queries), html


def test_lists_read_the_plans_language_without_a_query_per_row(client):
    plan = ActionPlanFactory(language="es")
    for _ in range(3):
        CommitmentFactory(action_plan=plan)
    client.cookies["django_language"] = "en"
    url = reverse("commitments:commitment-list")
    small, _html = _queries(client, url)
    for _ in range(10):
        CommitmentFactory(action_plan=ActionPlanFactory(language="fr"))
    large, html = _queries(client, url)
    assert large == small
    assert html.count('class="card-title" lang="fr"') == 10 and html.count('class="card-title" lang="es"') == 3
