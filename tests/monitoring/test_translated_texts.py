"""The monitoring panels show commitments and milestones in the visitor's language when translated: the commitment
page's "Milestones: both statuses" and the plan's monitoring page (titles, overdue milestones), marked with their
language, in queries that do not grow with the translated rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from commitments.services.translations import commitment_translation_save
from tests.factories import ActionPlanFactory, CommitmentFactory, MilestoneFactory

pytestmark = pytest.mark.django_db

TITLE_ES, TITLE_FR = "Abrir los presupuestos de los distritos", "Ouvrir les budgets des arrondissements"
MILESTONE_ES, MILESTONE_FR = "Publicar el portal de datos", "Publier le portail de données"


@pytest.fixture
def spanish_plan(member):
    return ActionPlanFactory(member=member, implementing=True, language="es")


def _translated(plan, point_of_contact, number: str = "1"):
    commitment = CommitmentFactory(action_plan=plan, number=number, title=TITLE_ES)
    milestone = MilestoneFactory(commitment=commitment, description=MILESTONE_ES, due_date="2024-02-01")  # overdue
    commitment_translation_save(
        commitment=commitment,
        language="fr",
        texts={"title": TITLE_FR},
        milestone_texts={milestone.pk: {"description": MILESTONE_FR}},
        translated_by=point_of_contact,
    )
    return commitment


def _page(client, url: str, language: str) -> str:
    client.cookies["django_language"] = language
    page = client.get(url)
    assert page.status_code == 200
    return page.content.decode()


def _count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_commitment_pages_monitoring_panel_shows_its_milestones_in_the_visitors_language(
    client, spanish_plan, point_of_contact
):
    commitment = _translated(spanish_plan, point_of_contact)
    page = _page(client, commitment.get_absolute_url(), "fr")
    panel = page.split('id="monitoring-title"', 1)[1].split("</table>", 1)[0]
    assert f"<span>{MILESTONE_FR}</span>" in panel and MILESTONE_ES not in panel
    panel = _page(client, commitment.get_absolute_url(), "en").split('id="monitoring-title"', 1)[1].split("</table>")[0]
    assert f'<span lang="es">{MILESTONE_ES}</span>' in panel  # no English translation: the original, marked


def test_the_plans_monitoring_page_shows_titles_and_overdue_milestones_in_the_visitors_language(
    client, spanish_plan, point_of_contact
):
    commitment = _translated(spanish_plan, point_of_contact)
    url = reverse("monitoring:plan", kwargs={"pk": spanish_plan.pk})
    page = _page(client, url, "fr")
    assert f"1. {TITLE_FR}</a>" in page and f"<span>{MILESTONE_FR}</span>" in page
    assert TITLE_ES not in page and MILESTONE_ES not in page
    english = _page(client, url, "en")
    assert f'href="{commitment.get_absolute_url()}" lang="es">1. {TITLE_ES}</a>' in english
    assert f'<span lang="es">{MILESTONE_ES}</span>' in english
    _count(client, url)
    english_queries = _count(client, url)
    client.cookies["django_language"] = "fr"
    before = _count(client, url)
    for number in ("2", "3", "4"):
        _translated(spanish_plan, point_of_contact, number)
    assert _count(client, url) == before
    assert _page(client, url, "fr").count(f"{TITLE_FR}</a>") == 4
    client.cookies["django_language"] = "en"
    assert _count(client, url) == english_queries
