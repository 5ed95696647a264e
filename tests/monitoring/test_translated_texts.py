"""The monitoring panels show commitments and milestones in the visitor's language when translated: the commitment
page's "Milestones: both statuses" and the plan's monitoring page (titles, overdue milestones), marked with their
language, in queries that do not grow with the translated rows."""

import pytest
from django.urls import reverse

from commitments.services.translations import commitment_translation_save
from tests.factories import ActionPlanFactory, CommitmentFactory, MilestoneFactory
from tests.pages import page_in, query_count

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


def test_the_commitment_pages_monitoring_panel_shows_its_milestones_in_the_visitors_language(
    client, spanish_plan, point_of_contact
):
    commitment = _translated(spanish_plan, point_of_contact)
    page = page_in(client, commitment.get_absolute_url(), "fr")
    panel = page.split('id="monitoring-title"', 1)[1].split("</table>", 1)[0]
    assert f"<span>{MILESTONE_FR}</span>" in panel and MILESTONE_ES not in panel
    panel = (
        page_in(client, commitment.get_absolute_url(), "en").split('id="monitoring-title"', 1)[1].split("</table>")[0]
    )
    assert f'<span lang="es">{MILESTONE_ES}</span>' in panel  # no English translation: the original, marked


def test_the_plans_monitoring_page_shows_titles_and_overdue_milestones_in_the_visitors_language(
    client, spanish_plan, point_of_contact
):
    commitment = _translated(spanish_plan, point_of_contact)
    url = reverse("monitoring:plan", kwargs={"pk": spanish_plan.pk})
    page = page_in(client, url, "fr")
    assert f"1. {TITLE_FR}</a>" in page and f"<span>{MILESTONE_FR}</span>" in page
    assert TITLE_ES not in page and MILESTONE_ES not in page
    english = page_in(client, url, "en")
    assert f'href="{commitment.get_absolute_url()}" lang="es">1. {TITLE_ES}</a>' in english
    assert f'<span lang="es">{MILESTONE_ES}</span>' in english
    query_count(client, url)
    english_queries = query_count(client, url)
    client.cookies["django_language"] = "fr"
    before = query_count(client, url)
    for number in ("2", "3", "4"):
        _translated(spanish_plan, point_of_contact, number)
    assert query_count(client, url) == before
    assert page_in(client, url, "fr").count(f"{TITLE_FR}</a>") == 4
    client.cookies["django_language"] = "en"
    assert query_count(client, url) == english_queries
