"""French and English are complete; the page language follows the visitor's choice."""

import gettext
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.urls import reverse

from tests.conftest import PROJECT_PACKAGES, require
from tests.factories import CommitmentFactory, MemberFactory

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = sorted((ROOT / "locale").glob("*/LC_MESSAGES/django.po"))


def _html_lang(content: bytes) -> str:
    return re.search(rb'<html lang="([a-z-]+)"', content).group(1).decode()


@pytest.mark.django_db
def test_accept_language_french_gives_french_pages(client):
    commitment = CommitmentFactory()
    pages = [
        reverse("home"),
        reverse("commitments:member-list"),
        commitment.action_plan.member.get_absolute_url(),
        commitment.action_plan.get_absolute_url(),
        commitment.get_absolute_url(),
        reverse("account_login"),
    ]
    for url in pages:
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9")
        assert _html_lang(response.content) == "fr", url
        assert "Engagements" in response.content.decode(), url  # the main navigation
    english = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="en")
    assert _html_lang(english.content) == "en" and "Commitments" in english.content.decode()


@pytest.mark.django_db
def test_member_names_follow_the_language(client):
    MemberFactory(name="Tbilisi", name_fr="Tbilissi", slug="tbilisi", kind="local", country="GE")
    french = client.get(reverse("commitments:member-detail", args=["tbilisi"]), HTTP_ACCEPT_LANGUAGE="fr")
    assert "<title>Tbilissi" in french.content.decode()
    english = client.get(reverse("commitments:member-detail", args=["tbilisi"]), HTTP_ACCEPT_LANGUAGE="en")
    assert "<title>Tbilisi" in english.content.decode()


@pytest.mark.django_db
def test_the_language_switcher_remembers_the_choice(client):
    response = client.post(reverse("set_language"), {"language": "es", "next": "/members/"})
    assert response.status_code == 302 and response.url == "/members/"
    page = client.get("/members/", HTTP_ACCEPT_LANGUAGE="fr")
    assert _html_lang(page.content) == "es" and "Miembros" in page.content.decode()


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.parts[-3])
def test_catalogues_are_complete(path):
    """Every message of French and Spanish is translated and none is fuzzy."""
    catalogue = polib.pofile(str(path))
    assert len(catalogue) > 100
    assert not catalogue.untranslated_entries(), [e.msgid for e in catalogue.untranslated_entries()][:10]
    assert not catalogue.fuzzy_entries()
    for entry in catalogue.translated_entries():
        placeholders = set(re.findall(r"%\(\w+\)[sd]", entry.msgid))
        translated = entry.msgstr or " ".join(entry.msgstr_plural.values())
        assert placeholders == set(re.findall(r"%\(\w+\)[sd]", translated)), entry.msgid


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.parts[-3])
def test_compiled_catalogues_match_their_sources(path):
    """The committed .mo files say what the .po files say (run `make messages` after editing)."""
    with open(path.with_suffix(".mo"), "rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for entry in polib.pofile(str(path)).translated_entries():
        if entry.msgid_plural:
            assert compiled.ngettext(entry.msgid, entry.msgid_plural, 2) == entry.msgstr_plural[1], entry.msgid
        elif entry.msgctxt:
            assert compiled.pgettext(entry.msgctxt, entry.msgid) == entry.msgstr, entry.msgid
        else:
            assert compiled.gettext(entry.msgid) == entry.msgstr, entry.msgid


def test_every_string_of_the_code_and_templates_is_in_the_catalogues(tmp_path):
    """`make makemessages` on a copy of the sources finds no message that the catalogues lack."""
    require(shutil.which("xgettext") is not None, "gettext is not installed (make system-deps)")
    sources = ["manage.py", *PROJECT_PACKAGES, "templates", "locale"]
    for name in sources:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
        else:
            shutil.copy(source, tmp_path / name)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "fr", "-l", "es", "--no-obsolete", "-v0"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(tmp_path)},
        check=True,
        timeout=300,
    )
    for path in CATALOGUES:
        committed = {(e.msgctxt, e.msgid) for e in polib.pofile(str(path))}
        found = {(e.msgctxt, e.msgid) for e in polib.pofile(str(tmp_path / path.relative_to(ROOT)))}
        missing = sorted(found - committed, key=str)[:10]
        assert not missing, f"{path.parts[-3]}: run `make makemessages` and translate {missing}"
