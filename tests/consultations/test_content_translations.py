"""Consultations, reasoned responses and comments in several languages (issue 19): who translates them, how pages
show them (the visitor's language, else the original, the original a click away), and what an edit does."""

from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.test import TestCase
from django.urls import reverse

from common.content_translations import translation_save
from consultations import services
from consultations.models import CommentTranslation, ConsultationTranslation, ProposalResponseTranslation
from tests.consultations.conftest import SPANISH
from tests.consultations.test_machine_translation import service  # noqa: F401 - a fake LibreTranslate
from tests.factories.consultations import ResponseFactory
from tests.pages import page_in

pytestmark = pytest.mark.django_db

FRENCH = {"title": "Budgets participatifs 2026", "description": "Envoyez vos propositions sur le budget."}


@pytest.fixture
def response(public_proposal):
    return ResponseFactory(proposal=public_proposal, language="es", reasons="Fuera del mandato del ayuntamiento.")


def _original(page: str) -> str:
    return page.split('<details class="original-text"', 1)[1].split("</details>", 1)[0]


def test_a_spanish_consultation_translated_by_the_point_of_contact_shows_in_french(
    client, spanish_consultation, point_of_contact
):
    client.force_login(point_of_contact)
    url = reverse("consultations:consultation-translation", args=[spanish_consultation.pk])
    assert client.get(f"{url}?language=fr").status_code == 200
    sent = client.post(
        url, {"language": "fr", "title_translated": FRENCH["title"], "description_translated": FRENCH["description"]}
    )
    assert sent.status_code == 302 and sent["Location"] == spanish_consultation.get_absolute_url()
    translation = ConsultationTranslation.objects.get(master=spanish_consultation)
    assert (translation.language_code, translation.translated_by, translation.machine_translated) == (
        "fr",
        point_of_contact,
        False,
    )

    client.logout()
    french = page_in(client, spanish_consultation.get_absolute_url(), "fr")
    assert f"<h1>{FRENCH['title']}</h1>" in french and FRENCH["description"] in french
    original = _original(french)
    assert '<div lang="es">' in original and SPANISH["title"] in original and SPANISH["description"] in original
    assert f'">{FRENCH["title"]}</a>' in page_in(client, "/consultations/", "fr")
    # No English translation: the original, marked Spanish, without a switch.
    english = page_in(client, spanish_consultation.get_absolute_url(), "en")
    assert f'<h1 lang="es">{SPANISH["title"]}</h1>' in english and "original-text" not in english
    assert f'lang="es">{SPANISH["title"]}</a>' in page_in(client, "/consultations/", "en")


def test_a_comment_translated_by_its_author_shows_in_french_under_the_proposal(client, comment, commenter):
    client.force_login(commenter)
    url = reverse("consultations:comment-translation", args=[comment.pk])
    assert client.post(url, {"language": "fr", "body_translated": "Très bonne idée."}).status_code == 302
    client.logout()
    french = page_in(client, comment.proposal.get_absolute_url(), "fr")
    assert "Très bonne idée." in french
    original = _original(french.split(f'id="comment-{comment.pk}"', 1)[1])
    assert 'lang="es"' in original and "Muy buena idea." in original


def test_the_response_translated_by_the_point_of_contact_shows_in_french_machine_text_badged(
    client, response, point_of_contact
):
    client.force_login(point_of_contact)
    url = reverse("consultations:response-translation", args=[response.proposal_id])
    assert client.post(url, {"language": "fr", "reasons_translated": "Hors du mandat de la mairie."}).status_code == 302
    translation_save(response, language="en", texts={"reasons": "Outside the mandate."}, translated_by=None,
                     machine_translated=True)  # fmt: skip
    client.logout()
    french = page_in(client, response.proposal.get_absolute_url(), "fr")
    assert "Hors du mandat de la mairie." in french and "Fuera del mandato" in _original(
        french.split("response-box")[1]
    )
    english = page_in(client, response.proposal.get_absolute_url(), "en")
    assert "Outside the mandate." in english and "Machine translation" in english
    # The rows of the consultation's proposals show the French reasons too.
    assert "Hors du mandat de la mairie." in page_in(client, response.proposal.consultation.get_absolute_url(), "fr")


WHO_TRANSLATES = {
    "consultation": {"anonymous": 302, "participant": 403, "other_point_of_contact": 403, "point_of_contact": 200,
                     "staff_user": 200},
    "response": {"anonymous": 302, "participant": 403, "other_point_of_contact": 403, "point_of_contact": 200,
                 "staff_user": 200},
    "comment": {"anonymous": 302, "participant": 403, "point_of_contact": 403, "commenter": 200, "staff_user": 200},
}  # fmt: skip
URL_OF = {
    "consultation": lambda o: reverse("consultations:consultation-translation", args=[o.pk]),
    "response": lambda o: reverse("consultations:response-translation", args=[o.proposal_id]),
    "comment": lambda o: reverse("consultations:comment-translation", args=[o.pk]),
}
TARGET = {"consultation": "spanish_consultation", "response": "response", "comment": "comment"}


@pytest.mark.parametrize(
    ("kind", "who", "status"),
    [(kind, who, status) for kind, table in WHO_TRANSLATES.items() for who, status in table.items()],
)
def test_who_may_translate(client, request, kind, who, status):
    target = request.getfixturevalue(TARGET[kind])
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    assert client.get(URL_OF[kind](target)).status_code == status


def test_a_draft_response_and_a_hidden_comment_are_not_translated(client, response, comment, point_of_contact):
    response.status, response.published_at = "draft", None
    response.save()
    comment.is_hidden = True
    comment.save()
    client.force_login(point_of_contact)
    assert client.get(URL_OF["response"](response)).status_code == 403
    client.force_login(comment.author)
    assert client.get(URL_OF["comment"](comment)).status_code == 403


def test_the_comment_authors_translation_is_theirs(comment, commenter, staff_user, participant):
    translation_save(comment, language="fr", texts={"body": "Très bonne idée."}, translated_by=commenter)
    with pytest.raises(ValidationError):
        translation_save(comment, language="fr", texts={"body": "Autre chose."}, translated_by=participant)
    translation_save(comment, language="fr", texts={"body": "Excellente idée."}, translated_by=staff_user)
    assert CommentTranslation.objects.get(master=comment).body_translated == "Excellente idée."
    with pytest.raises(ValidationError):
        translation_save(comment, language="es", texts={"body": "Muy buena idea."}, translated_by=commenter)


def test_an_edit_of_the_original_removes_peoples_translations_and_asks_the_machine(
    comment, commenter, response, spanish_consultation, point_of_contact
):
    translation_save(comment, language="fr", texts={"body": "Très bonne idée."}, translated_by=commenter)
    translation_save(response, language="fr", texts={"reasons": "Hors mandat."}, translated_by=point_of_contact)
    translation_save(spanish_consultation, language="fr", texts=FRENCH, translated_by=point_of_contact)
    with mock.patch("common.content_translations.machine_translate_later") as later:
        services.comment_update(comment=comment, body="Una idea excelente.")
        services.response_save(proposal=response.proposal, outcome="not_accepted", reasons="Otra razón.", language="es")
        services.consultation_update(consultation=spanish_consultation, description="Nueva descripción.")
        services.comment_create(proposal=comment.proposal, author=commenter, body="Otra más.", language="es")
    assert not CommentTranslation.objects.exists()
    assert not ProposalResponseTranslation.objects.exists()
    assert not ConsultationTranslation.objects.exists()
    assert later.call_count == 4


def test_an_edit_that_keeps_the_text_keeps_the_translations(spanish_consultation, point_of_contact):
    translation_save(spanish_consultation, language="fr", texts=FRENCH, translated_by=point_of_contact)
    services.consultation_update(consultation=spanish_consultation, max_proposals_per_participant=3)
    assert ConsultationTranslation.objects.filter(master=spanish_consultation).exists()


@pytest.mark.usefixtures("service")
def test_the_machine_translates_public_comments_and_responses_only(public_proposal, commenter):
    with TestCase.captureOnCommitCallbacks(execute=True):
        comment = services.comment_create(proposal=public_proposal, author=commenter, body="Buena idea.", language="es")
    rows = {row.language_code: row for row in CommentTranslation.objects.filter(master=comment)}
    assert {code: (row.body_translated, row.machine_translated) for code, row in rows.items()} == {
        "en": ("[en] Buena idea.", True),
        "fr": ("[fr] Buena idea.", True),
    }
    with TestCase.captureOnCommitCallbacks(execute=True):
        draft = services.response_save(proposal=public_proposal, outcome="accepted", reasons="Sí.", language="es")
    assert not ProposalResponseTranslation.objects.exists()  # a draft stays in the portal
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.response_publish(response=draft)
    assert set(ProposalResponseTranslation.objects.values_list("language_code", flat=True)) == {"en", "fr"}
