"""Translations of consultations, responses and comments in the API and the open data (every language), and the
query cost of the pages that show them (one query per list, whatever the number of rows)."""

import pytest
from django.utils import translation
from rest_framework.test import APIClient

from common.content_translations import translation_save
from common.pagination import keyset_page
from consultations import selectors
from consultations.filters import SORTS
from consultations.rows import proposal_rows
from tests.consultations.test_content_translations import FRENCH, SPANISH
from tests.consultations.test_proposal_rows import _reference, _rendered
from tests.factories.consultations import CommentFactory, ConsultationFactory, ProposalFactory, ResponseFactory
from tests.pages import query_count
from tests.partnership.test_open_data_archive import _csv, _download, build_now

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(plan, point_of_contact, author):
    consultation = ConsultationFactory(action_plan=plan, language="es", **SPANISH)
    proposal = ProposalFactory(consultation=consultation, author=author, language="es")
    response = ResponseFactory(proposal=proposal, language="es", reasons="Fuera del mandato.")
    comment = CommentFactory(proposal=proposal, author=author, language="es", body="Muy buena idea.")
    translation_save(consultation, language="fr", texts=FRENCH, translated_by=point_of_contact)
    translation_save(response, language="fr", texts={"reasons": "Hors mandat."}, translated_by=point_of_contact)
    translation_save(comment, language="en", texts={"body": "Great idea."}, translated_by=None, machine_translated=True)
    return consultation, proposal, response, comment


def test_the_api_carries_every_language(world):
    consultation, proposal, _response, comment = world
    api = APIClient()
    item = api.get(f"/api/v1/consultations/{consultation.pk}/").json()
    assert item["translations"] == {"fr": {**FRENCH, "machine_translated": False}}
    (listed,) = [i for i in api.get("/api/v1/consultations/").json()["results"] if i["id"] == consultation.pk]
    assert listed["translations"] == item["translations"]
    expected = {"fr": {"reasons": "Hors mandat.", "machine_translated": False}}
    assert api.get(f"/api/v1/proposals/{proposal.pk}/").json()["response"]["translations"] == expected
    (row,) = [i for i in api.get("/api/v1/proposals/").json()["results"] if i["id"] == proposal.pk]
    assert row["response"]["translations"] == expected
    (listed,) = api.get(f"/api/v1/proposals/{proposal.pk}/comments/").json()["results"]
    assert listed["id"] == comment.pk
    assert listed["translations"] == {"en": {"body": "Great idea.", "machine_translated": True}}


def test_the_open_data_files_carry_every_language(client, world):
    consultation, _proposal, response, comment = world
    build_now()
    archive = _download(client)
    (row,) = [r for r in _csv(archive, "consultations.csv") if r["id"] == str(consultation.pk)]
    assert (row["title_es"], row["title_fr"], row["title_en"]) == (SPANISH["title"], FRENCH["title"], "")
    assert (row["machine_translated_fr"], row["machine_translated_es"], row["machine_translated_en"]) == ("0", "0", "")
    (row,) = [r for r in _csv(archive, "responses.csv") if r["id"] == str(response.pk)]
    assert (row["reasons_es"], row["reasons_fr"]) == ("Fuera del mandato.", "Hors mandat.")
    (row,) = [r for r in _csv(archive, "comments.csv") if r["id"] == str(comment.pk)]
    assert (row["body_en"], row["machine_translated_en"]) == ("Great idea.", "1")
    described = {(r["file"], r["column"]) for r in _csv(archive, "data_dictionary.csv")}
    assert {
        ("consultations.csv", "description_fr"),
        ("responses.csv", "reasons_en"),
        ("comments.csv", "body_fr"),
        ("comments.csv", "machine_translated_es"),
    } <= described


def test_pages_run_the_same_queries_whatever_the_rows_and_their_translations(client, plan, author, point_of_contact):
    client.cookies["django_language"] = "fr"
    proposal = ProposalFactory(consultation=ConsultationFactory(action_plan=plan, language="es"), language="es")
    ResponseFactory(proposal=proposal, language="es")
    first = CommentFactory(proposal=proposal, language="es")
    CommentFactory(proposal=proposal, parent=first, language="es")  # a thread with a reply: its prefetch runs
    pages = ["/consultations/", proposal.get_absolute_url(), proposal.consultation.get_absolute_url()]
    for url in pages:  # the first request of each page warms what it reads once (caches)
        query_count(client, url)
    before = [query_count(client, url) for url in pages]

    consultations = ConsultationFactory.create_batch(4, action_plan=plan, language="es")
    replies = CommentFactory.create_batch(3, proposal=proposal, language="es")
    comments = [*CommentFactory.create_batch(3, proposal=proposal, language="es"), *replies]
    for reply in replies:
        reply.parent = comments[0]
        reply.save()
    for consultation in [*consultations, proposal.consultation]:
        translation_save(consultation, language="fr", texts=FRENCH, translated_by=point_of_contact)
    for comment in comments:
        translation_save(comment, language="fr", texts={"body": "Bonne idée."}, translated_by=None)
    translation_save(proposal.response, language="fr", texts={"reasons": "Hors mandat."}, translated_by=None)

    for url in pages:  # a consultation's save changed the content version: what is kept per version is read again
        query_count(client, url)
    assert [query_count(client, url) for url in pages] == before
    assert client.get("/consultations/").content.decode().count(FRENCH["title"]) == 5
    assert client.get(proposal.get_absolute_url()).content.decode().count("Bonne idée.") == 6


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_the_python_rows_are_the_templates_with_translated_responses(world, language):
    _consultation, proposal, response, _comment = world
    other = ResponseFactory(proposal=ProposalFactory(consultation=proposal.consultation, language="fr"), language="fr")
    translation_save(other, language="en", texts={"reasons": "By the **machine**."}, translated_by=None,
                     machine_translated=True)  # fmt: skip
    with translation.override(language):  # the rows read the translations into the page's language
        page, _filter = selectors.proposal_page(filters={}, ordering=SORTS["newest"], cursor=None)
        reference = keyset_page(_reference(selectors.proposal_list()[0]), ordering=SORTS["newest"], cursor=None)
        for show_consultation in (True, False):
            expected = _rendered(reference.object_list, show_consultation)
            assert proposal_rows(page.object_list, show_consultation=show_consultation) == expected
        assert (FRENCH["title"] in _rendered(reference.object_list)) == (language == "fr")
    assert ("Hors mandat." in expected) == (language == "fr")
    assert ("Machine translation" in expected) == (language == "en")


def test_the_discussion_costs_the_same_queries_to_staff_whatever_its_comments(client, staff_user, plan):
    """Staff may translate every comment: asking costs no query per comment."""
    proposal = ProposalFactory(consultation=ConsultationFactory(action_plan=plan))
    first = CommentFactory(proposal=proposal)
    CommentFactory(proposal=proposal, parent=first)
    client.force_login(staff_user)
    query_count(client, proposal.get_absolute_url())
    before = query_count(client, proposal.get_absolute_url())
    for comment in CommentFactory.create_batch(4, proposal=proposal):
        CommentFactory(proposal=proposal, parent=comment)
    assert query_count(client, proposal.get_absolute_url()) == before
