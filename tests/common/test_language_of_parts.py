"""WCAG 3.1.2: reference data kept in one language carries `lang` inside pages of another language."""

import pytest

from tests.factories import MemberFactory

pytestmark = pytest.mark.django_db


def _name_cell(client, language: str, name: str) -> str:
    page = client.get("/members/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    return page.split(f'href="/members/{name.lower()}/">', 1)[1].split("</a>", 1)[0]


def test_a_name_kept_in_english_is_marked_english_in_spanish_and_french_pages(client):
    MemberFactory(name="Georgia", slug="georgia")
    assert _name_cell(client, "es", "Georgia") == '<span lang="en">Georgia</span>'
    assert _name_cell(client, "fr", "Georgia") == '<span lang="en">Georgia</span>'
    assert _name_cell(client, "en", "Georgia") == "Georgia"


def test_a_translated_name_carries_no_mark_in_its_own_language(client):
    MemberFactory(name="Tbilisi", name_fr="Tbilissi", slug="tbilisi")
    assert _name_cell(client, "fr", "Tbilisi") == "Tbilissi"
    assert _name_cell(client, "es", "Tbilisi") == '<span lang="en">Tbilisi</span>'
