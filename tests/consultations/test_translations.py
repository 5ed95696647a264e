"""Proposals in several languages (issue 19): the author writes in one language and adds others; pages show the
visitor's language, else the original, with the original one click away; the API and open data carry every language."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from consultations import services
from consultations.models import ProposalTranslation
from tests.factories import UserFactory
from tests.factories.consultations import ProposalFactory
from tests.pages import page_in, query_count
from tests.partnership.test_open_data_archive import _csv, _download, _json, build_now

pytestmark = pytest.mark.django_db

SPANISH = {
    "title": "Publicar los presupuestos de cada barrio",
    "problem": "Los vecinos no saben en qué se gasta el dinero.",
    "solution": "Publicar cada presupuesto en datos abiertos.",
}
FRENCH = {
    "title": "Publier les budgets de chaque quartier",
    "problem": "Les habitants ne savent pas à quoi sert l’argent.",
    "solution": "Publier chaque budget en données ouvertes.",
}


@pytest.fixture
def spanish(consultation, author):
    return ProposalFactory(consultation=consultation, author=author, language="es", **SPANISH)


def _translate(client, proposal, language: str, texts: dict):
    url = reverse("consultations:proposal-translation", args=[proposal.pk])
    data = {"language": language, **{f"{name}_translated": text for name, text in texts.items()}}
    return client.post(url, {"expected_results_translated": "", **data})


def test_a_spanish_proposal_translated_by_its_author_shows_in_french_with_the_original_a_click_away(
    client, spanish, author
):
    client.force_login(author)
    assert _translate(client, spanish, "fr", FRENCH).status_code == 302
    translation = ProposalTranslation.objects.get(master=spanish)
    assert (translation.language_code, translation.translated_by, translation.machine_translated) == (
        "fr",
        author,
        False,
    )

    client.logout()
    french = page_in(client, spanish.get_absolute_url(), "fr")
    # The French text, unmarked on a French page; the Spanish original under it, marked lang="es".
    assert f"<h1>{FRENCH['title']}</h1>" in french
    assert '<p class="translation-note">' in french and "espagnol" in french.lower()  # from Spanish, in French
    original = french.split('<details class="original-text"', 1)[1].split("</details>", 1)[0]
    assert '<div lang="es">' in original and SPANISH["title"] in original and SPANISH["problem"] in original
    assert "Machine translation" not in french and "Traduction automatique" not in french

    # An English visitor: no English translation, so the original, marked Spanish, and no switch.
    english = page_in(client, spanish.get_absolute_url(), "en")
    assert f'<h1 lang="es">{SPANISH["title"]}</h1>' in english and "original-text" not in english
    # The Spanish page: the original, unmarked.
    assert f"<h1>{SPANISH['title']}</h1>" in page_in(client, spanish.get_absolute_url(), "es")

    # The lists show the French title to the French visitor.
    assert f'">{FRENCH["title"]}</a>' in page_in(client, "/proposals/", "fr")
    assert f'lang="es">{SPANISH["title"]}</a>' in page_in(client, "/proposals/", "en")


def test_an_english_translation_is_shown_unmarked_on_an_english_page(client, spanish, author):
    services.proposal_translation_save(proposal=spanish, language="en", translated_by=author, **FRENCH)
    english = page_in(client, spanish.get_absolute_url(), "en")
    assert f"<h1>{FRENCH['title']}</h1>" in english


def test_the_open_data_archive_carries_the_original_and_its_translation(client, spanish, author):
    services.proposal_translation_save(proposal=spanish, language="fr", translated_by=author, **FRENCH)
    build_now()
    archive = _download(client)
    (row,) = [row for row in _csv(archive, "proposals.csv") if row["id"] == str(spanish.pk)]
    assert row["language"] == "es" and row["title"] == SPANISH["title"]
    assert row["title_es"] == SPANISH["title"] and row["title_fr"] == FRENCH["title"] and row["title_en"] == ""
    assert row["problem_fr"] == FRENCH["problem"] and row["machine_translated_fr"] == "0"
    assert row["machine_translated_en"] == ""
    (item,) = [item for item in _json(archive, "proposals.json") if item["id"] == spanish.pk]
    assert item["title_fr"] == FRENCH["title"] and item["solution_es"] == SPANISH["solution"]
    described = {(r["file"], r["column"]) for r in _csv(archive, "data_dictionary.csv")}
    assert {("proposals.csv", "title_fr"), ("proposals.csv", "machine_translated_es")} <= described


def test_the_api_carries_every_language_in_the_list_and_the_item(spanish, author):
    services.proposal_translation_save(proposal=spanish, language="fr", translated_by=author, **FRENCH)
    services.proposal_translation_save(
        proposal=spanish, language="en", translated_by=None, machine_translated=True, **SPANISH
    )
    api = APIClient()
    item = api.get(f"/api/v1/proposals/{spanish.pk}/").json()
    assert item["language"] == "es" and item["title"] == SPANISH["title"]
    assert item["translations"]["fr"] == {**FRENCH, "expected_results": "", "machine_translated": False}
    assert item["translations"]["en"]["machine_translated"] is True
    (listed,) = [i for i in api.get("/api/v1/proposals/").json()["results"] if i["id"] == spanish.pk]
    assert listed["translations"] == item["translations"]


def test_list_pages_cost_the_same_queries_with_and_without_translations(client, consultation):
    proposals = ProposalFactory.create_batch(4, consultation=consultation, language="es")
    client.cookies["django_language"] = "fr"
    query_count(client, "/proposals/")  # the first request of the test warms what every page reads once
    before = query_count(client, "/proposals/"), query_count(client, consultation.get_absolute_url())
    for proposal in proposals + ProposalFactory.create_batch(6, consultation=consultation, language="es"):
        services.proposal_translation_save(proposal=proposal, language="fr", translated_by=None, **FRENCH)
    after = query_count(client, "/proposals/"), query_count(client, consultation.get_absolute_url())
    assert before == after
    assert page_in(client, "/proposals/", "fr").count(FRENCH["title"]) == 10


@pytest.mark.parametrize("who", ["author", "point_of_contact", "staff_user"])
def test_the_author_the_point_of_contact_and_staff_may_translate(client, spanish, who, request):
    client.force_login(request.getfixturevalue(who))
    url = reverse("consultations:proposal-translation", args=[spanish.pk])
    assert client.get(url).status_code == 200
    assert _translate(client, spanish, "en", FRENCH).status_code == 302
    assert ProposalTranslation.objects.filter(master=spanish, language_code="en").exists()


def test_others_may_not_translate(client, spanish, participant):
    url = reverse("consultations:proposal-translation", args=[spanish.pk])
    assert client.get(url).status_code == 302  # anonymous: to the sign-in page
    client.force_login(participant)
    assert client.get(url).status_code == 403
    assert _translate(client, spanish, "fr", FRENCH).status_code == 403
    assert not ProposalTranslation.objects.exists()


def test_the_original_language_is_refused_and_a_translation_is_corrected_in_place(client, spanish, author):
    client.force_login(author)
    response = _translate(client, spanish, "es", FRENCH)
    assert response.status_code == 200 and response.context["form"].errors["language"]
    _translate(client, spanish, "fr", FRENCH)
    _translate(client, spanish, "fr", {**FRENCH, "title": "Publier tous les budgets"})
    assert ProposalTranslation.objects.get(master=spanish).title_translated == "Publier tous les budgets"
    history = ProposalTranslation.history.filter(master_id=spanish.pk).order_by("history_date")
    assert [h.title_translated for h in history] == [FRENCH["title"], "Publier tous les budgets"]
    assert history.last().history_user == author
    form = client.get(reverse("consultations:proposal-translation", args=[spanish.pk]), {"language": "fr"})
    assert 'value="Publier tous les budgets"' in form.content.decode()
    spanish.refresh_from_db()
    assert spanish.title == SPANISH["title"]  # the original never changes


def test_a_machine_translation_is_marked_and_never_replaces_a_persons(client, spanish, author):
    services.proposal_translation_save(
        proposal=spanish, language="fr", translated_by=None, machine_translated=True, **FRENCH
    )
    page = page_in(client, spanish.get_absolute_url(), "fr")
    assert "badge-machine" in page and f"<h1>{FRENCH['title']}</h1>" in page
    assert "badge-machine" in page_in(client, "/proposals/", "fr")
    services.proposal_translation_save(
        proposal=spanish, language="fr", translated_by=author, **{**FRENCH, "title": "Par une personne"}
    )
    services.proposal_translation_save(
        proposal=spanish, language="fr", translated_by=None, machine_translated=True, **FRENCH
    )
    translation = ProposalTranslation.objects.get(master=spanish)
    assert translation.title_translated == "Par une personne" and not translation.machine_translated


def test_the_proposal_page_links_to_the_translation_form_for_those_who_may_use_it(client, spanish, author):
    url = reverse("consultations:proposal-translation", args=[spanish.pk])
    assert url not in page_in(client, spanish.get_absolute_url(), "en")
    client.force_login(author)
    assert url in page_in(client, spanish.get_absolute_url(), "en")
    client.force_login(UserFactory())
    assert url not in page_in(client, spanish.get_absolute_url(), "en")


def test_the_authors_translation_is_theirs_the_point_of_contact_may_not_rewrite_it(
    client, spanish, author, point_of_contact, staff_user
):
    client.force_login(author)
    _translate(client, spanish, "fr", FRENCH)
    client.force_login(point_of_contact)
    response = _translate(client, spanish, "fr", {**FRENCH, "title": "Autre chose"})
    assert response.status_code == 200 and "only they or the support unit may change it" in response.content.decode()
    assert ProposalTranslation.objects.get(master=spanish).title_translated == FRENCH["title"]
    client.force_login(staff_user)
    assert _translate(client, spanish, "fr", {**FRENCH, "title": "Corrigé"}).status_code == 302
    assert ProposalTranslation.objects.get(master=spanish).title_translated == "Corrigé"


def test_the_form_opens_on_the_language_named_in_the_address(client, spanish, author):
    client.force_login(author)
    url = reverse("consultations:proposal-translation", args=[spanish.pk])
    page = client.get(url, {"language": "fr"}).content.decode()
    assert '<option value="fr" selected>' in page
    assert '<option value="en" selected>' in client.get(url, {"language": "en"}).content.decode()
