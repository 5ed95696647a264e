"""The language of content (WCAG 3.1.2): consultations, proposals, comments and responses are stored with the
language they are written in, and pages in another language mark them with `lang`."""

import pytest
from django.urls import reverse
from django.utils import translation

from common.templatetags.markup import lang_attr
from consultations import services
from consultations.models import Comment, Proposal
from tests.factories.consultations import ConsultationFactory, ProposalFactory
from tests.pages import page_in

pytestmark = pytest.mark.django_db


def test_lang_attr_marks_only_a_language_other_than_the_pages(proposal):
    proposal.language = "es"
    with translation.override("en"):
        assert lang_attr(proposal) == ' lang="es"'
        assert lang_attr("fr") == ' lang="fr"' and lang_attr({"language": "en"}) == ""
        assert lang_attr(None) == "" and lang_attr("") == ""
    with translation.override("es"):
        assert lang_attr(proposal) == ""


def test_a_spanish_consultation_is_marked_on_the_english_home_page(client, plan):
    ConsultationFactory(action_plan=plan, title="Propuestas para Buenos Aires", language="es")
    ConsultationFactory(action_plan=plan, title="Ideas for Madrid", language="en")
    home = page_in(client, "/", "en")
    assert 'lang="es">Propuestas para Buenos Aires</a>' in home
    assert '">Ideas for Madrid</a>' in home and 'lang="en"' not in home.split("<main", 1)[1]
    assert '">Propuestas para Buenos Aires</a>' in page_in(client, "/", "es")


def test_a_consultation_detail_marks_its_title_and_description(client, plan):
    consultation = ConsultationFactory(action_plan=plan, title="Donnez votre avis", language="fr")
    page = page_in(client, consultation.get_absolute_url(), "en")
    assert '<h1 lang="fr">Donnez votre avis</h1>' in page and '<div class="prose" lang="fr">' in page
    page = page_in(client, consultation.get_absolute_url(), "fr")
    assert "<h1>Donnez votre avis</h1>" in page and 'lang="fr">' not in page.split("<main", 1)[1]


def test_a_proposal_written_on_a_french_page_is_stored_in_french_and_marked_on_english_pages(
    client, consultation, participant
):
    client.force_login(participant)
    client.cookies["django_language"] = "fr"
    url = reverse("consultations:proposal-create", args=[consultation.pk])
    form = client.get(url).context["form"]
    assert form.initial["language"] == "fr" and "language" in form.fields
    assert 'value="fr" selected' in form["language"].as_widget()
    client.post(
        url,
        {
            "submission_key": form.initial["submission_key"],
            "title": "Publier les ordres du jour",
            "problem": "Les habitants apprennent les décisions trop tard.",
            "solution": "Publier chaque ordre du jour sept jours avant.",
            "language": "fr",
            "website": "",
        },
    )
    proposal = Proposal.objects.get(author=participant)
    assert proposal.language == "fr"
    client.post(reverse("consultations:proposal-submit", args=[proposal.pk]))
    client.post(
        reverse("consultations:comment-create", args=[proposal.pk]),
        {"body": "Très bonne idée.", "website": ""},
    )
    assert Comment.objects.get(proposal=proposal).language == "fr"  # the page's language
    english = page_in(client, proposal.get_absolute_url(), "en")
    assert '<h1 lang="fr">Publier les ordres du jour</h1>' in english
    assert english.count('<div class="prose" lang="fr">') == 3  # problem, solution, the comment
    listing = page_in(client, reverse("consultations:proposal-list"), "en")
    assert f'class="card-title" href="{proposal.get_absolute_url()}" lang="fr">' in listing
    french = page_in(client, proposal.get_absolute_url(), "fr")
    assert "<h1>Publier les ordres du jour</h1>" in french and 'lang="fr">' not in french.split("<main", 1)[1]


def test_services_take_the_language_or_the_pages(consultation, author, point_of_contact):
    with translation.override("es"):
        proposal = services.proposal_create(
            consultation=consultation, author=author, title="Una idea", problem="P", solution="S", submit=True
        )
        assert proposal.language == "es"
        assert services.proposal_update(proposal=proposal, language="fr").language == "fr"
        response = services.response_save(proposal=proposal, outcome="accepted", reasons="Sí.", publish=True)
    assert response.language == "es"
    comment = services.comment_create(proposal=proposal, author=author, body="Indeed.", language="en")
    assert comment.language == "en"


def test_the_api_gives_the_language_and_takes_it_on_a_proposal(consultation, participant):
    from rest_framework.test import APIClient

    api = APIClient()
    api.force_authenticate(participant)
    created = api.post(
        reverse("api:proposal-list"),
        {"consultation": consultation.pk, "title": "Una idea", "problem": "P", "solution": "S", "language": "es"},
        format="json",
    )
    assert created.status_code == 201, created.content
    assert created.json()["language"] == "es"
    ProposalFactory(consultation=consultation, language="fr")
    items = api.get(reverse("api:proposal-list")).json()["results"]
    assert sorted(item["language"] for item in items) == ["es", "fr"]
    detail = api.get(reverse("api:consultation-detail", args=[consultation.pk])).json()
    assert detail["language"] == "en" and detail["action_plan"]["language"] == "en"


def test_the_site_search_and_my_participation_mark_content_in_another_language(client, plan, author):
    consultation = ConsultationFactory(action_plan=plan, title="Propuestas de transparencia", language="es")
    proposal = ProposalFactory(consultation=consultation, author=author, title="Transparencia total", language="es")
    services.comment_create(proposal=proposal, author=author, body="Muy bien.", language="es")
    found = page_in(client, reverse("commitments:search") + "?q=transparencia", "en")
    assert found.count('class="card-title" lang="es">') == 2  # the consultation and the proposal
    client.force_login(author)
    mine = page_in(client, reverse("consultations:proposal-mine"), "en")
    assert f'href="{proposal.get_absolute_url()}" lang="es">Transparencia total</a>' in mine
    assert '<p lang="es">Muy bien.</p>' in mine
    assert 'lang="es"' not in page_in(client, reverse("consultations:proposal-mine"), "es").split("<main", 1)[1]
