"""Reference data in French, English and Spanish (issue 19): complete on a fresh install and in the demo,
and shown in the page's language."""

from importlib import import_module

import pytest
from django.apps import apps
from django.urls import reverse

from commitments.country_names import country_names
from commitments.models import Member, PolicyArea, StandardRequirement
from common.reference import untranslated_reference_rows
from partnership.demo import seed_local_members, seed_national_members
from tests.factories import ActionPlanFactory, CommitmentFactory, MemberFactory, PolicyAreaFactory

pytestmark = pytest.mark.django_db


def test_a_fresh_install_has_every_reference_row_in_three_languages():
    assert PolicyArea.objects.count() > 80 and StandardRequirement.objects.count() == 25
    assert untranslated_reference_rows() == {}


def test_a_row_without_its_spanish_name_is_reported():
    PolicyAreaFactory(slug="new-area", name="New area", name_fr="Nouveau domaine")
    assert untranslated_reference_rows() == {"commitments.PolicyArea": 1}


def test_the_demo_members_have_their_names_in_three_languages():
    seed_local_members(seed_national_members())
    assert untranslated_reference_rows() == {}
    names = {m.name: (m.name_fr, m.name_es) for m in Member.objects.all()}
    assert names["Germany"] == ("Allemagne", "Alemania") and names["Korea"] == ("Corée du Sud", "Corea del Sur")
    assert names["Trinidad and Tobago"] == ("Trinité-et-Tobago", "Trinidad y Tobago")
    assert names["Basque Country"] == ("Pays basque", "País Vasco") and names["Tbilisi"] == ("Tbilissi", "Tiflis")
    assert names["Makhanda"] == ("Makhanda", "Makhanda")


def test_the_migration_names_national_members_and_keeps_names_written_in_the_admin():
    japan = MemberFactory(name="Japan", country="JP", name_fr="", name_es="")
    written = MemberFactory(name="Spain", country="ES", name_fr="Royaume d'Espagne", name_es="")
    local = MemberFactory(name="Kyoto", country="JP", kind="local", name_fr="", name_es="")
    import_module("commitments.migrations.0021_reference_data_in_spanish").load(apps, None)
    for member in (japan, written, local):
        member.refresh_from_db()
    assert (japan.name_fr, japan.name_es) == ("Japon", "Japón")
    assert (written.name_fr, written.name_es) == ("Royaume d'Espagne", "España")
    assert (local.name_fr, local.name_es) == ("", "")


def test_country_names_follow_the_un_where_django_countries_differs():
    assert country_names("sv") == {"name_fr": "El Salvador", "name_es": "El Salvador"}
    assert country_names("") == {"name_fr": "", "name_es": ""}


def _plan_page(language: str) -> str:
    member = MemberFactory(name="Basque Country", name_fr="Pays basque", name_es="País Vasco", country="ES")
    plan = ActionPlanFactory(member=member, language=language)  # content in the page's language
    commitment = CommitmentFactory(action_plan=plan)
    commitment.policy_areas.set([PolicyArea.objects.get(slug="open-contracting")])
    return plan, commitment


@pytest.mark.parametrize(
    ("language", "member", "area", "requirement"),
    [
        ("es", "País Vasco", "Contratación abierta", "Respuesta razonada: el gobierno documenta y publica"),
        ("fr", "Pays basque", "Contrats ouverts", "Réponse motivée : le gouvernement documente et publie"),
        ("en", "Basque Country", "Open Contracting", "Reasoned response: the government documents and publishes"),
    ],
)
def test_the_plan_and_commitment_pages_show_reference_data_in_the_page_language(
    client, language, member, area, requirement
):
    plan, commitment = _plan_page(language)
    page = client.get(plan.get_absolute_url(), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert member in page and requirement in page
    assert 'lang="en"' not in page.split("<main", 1)[1]  # nothing left in English on a translated page
    page = client.get(commitment.get_absolute_url(), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert member in page and area in page


def test_the_member_list_in_spanish_names_members_in_spanish(client):
    seed_national_members()
    page = client.get(reverse("commitments:member-list"), {"q": "Alemania"}, HTTP_ACCEPT_LANGUAGE="es")
    assert "Alemania" in page.content.decode() and "Germany" not in page.content.decode()
