"""Every list and panel that shows a consultation's title shows it in the visitor's language when translated (the
plan's and the member's panels, the proposal rows, the proposal page, "My participation", the home page), marked
with its language, in queries that do not grow with the rows or their translations."""

import pytest
from django.urls import reverse
from django.utils import translation

from commitments.services import commitment_follow
from common.content_translations import translation_save
from common.pagination import keyset_page
from consultations import selectors, services
from consultations.filters import SORTS
from consultations.rows import proposal_rows
from tests.consultations.conftest import SPANISH
from tests.consultations.test_proposal_rows import _reference, _rendered
from tests.factories.commitments import CommitmentFactory
from tests.factories.consultations import CommentFactory, ConsultationFactory, ProposalFactory, ResponseFactory
from tests.pages import page_in, query_count

pytestmark = pytest.mark.django_db

FRENCH = {"title": "Budgets participatifs 2026", "description": "Envoyez vos propositions sur le budget."}
PROPOSAL_FR = {
    "title": "Publier les budgets des quartiers",
    "problem": "Personne ne les voit.",
    "solution": "Les publier.",
}


@pytest.fixture
def translated(spanish_consultation, public_proposal, point_of_contact, author):
    translation_save(spanish_consultation, language="fr", texts=FRENCH, translated_by=point_of_contact)
    translation_save(public_proposal, language="fr", texts=PROPOSAL_FR, translated_by=author)
    return spanish_consultation


def _page(client, url: str, language: str = "fr") -> str:
    return page_in(client, url, language)


def test_the_plan_and_member_panels_show_the_consultation_in_the_visitors_language(client, translated, plan):
    for url in (plan.get_absolute_url(), plan.member.get_absolute_url()):
        page = _page(client, url)
        assert FRENCH["title"] in page and SPANISH["title"] not in page
        spanish = _page(client, url, "es")
        assert SPANISH["title"] in spanish and FRENCH["title"] not in spanish
        english = _page(client, url, "en")  # no English translation: the original, marked Spanish
        assert f'lang="es">{SPANISH["title"]}</a>' in english


def test_the_panels_cost_the_same_queries_whatever_their_consultations_and_translations(
    client, translated, plan, point_of_contact
):
    client.cookies["django_language"] = "fr"
    urls = [plan.get_absolute_url(), plan.member.get_absolute_url()]
    for url in urls:
        query_count(client, url)
    before = [query_count(client, url) for url in urls]
    for consultation in ConsultationFactory.create_batch(3, action_plan=plan, language="es"):
        translation_save(consultation, language="fr", texts=FRENCH, translated_by=point_of_contact)
    for url in urls:  # a consultation's save changed the content version: what is kept per version is read again
        query_count(client, url)
    assert [query_count(client, url) for url in urls] == before
    assert _page(client, urls[0]).count(FRENCH["title"]) == 4


def test_the_proposal_list_and_page_name_the_consultation_in_the_visitors_language(client, translated, public_proposal):
    page = _page(client, reverse("consultations:proposal-list")).split('class="card proposal-card"', 1)[1]
    assert f">{FRENCH['title']}</a>" in page and SPANISH["title"] not in page  # the rows (not the filter's options)
    assert f">{PROPOSAL_FR['title']}</a>" in page
    detail = _page(client, public_proposal.get_absolute_url())
    assert detail.count(f">{FRENCH['title']}</a>") == 2  # the breadcrumbs and the facts
    assert f'lang="es">{SPANISH["title"]}</a>' in _page(client, public_proposal.get_absolute_url(), "en")


def test_the_proposal_list_costs_the_same_queries_with_translated_consultations(client, translated, plan, author):
    client.cookies["django_language"] = "fr"
    url = reverse("consultations:proposal-list")
    query_count(client, url)
    before = query_count(client, url)
    for consultation in ConsultationFactory.create_batch(3, action_plan=plan, language="es"):
        translation_save(consultation, language="fr", texts=FRENCH, translated_by=author)
        ProposalFactory(consultation=consultation, language="es")
    query_count(client, url)  # a consultation's save changed the content version: the filter's options are read again
    assert query_count(client, url) == before
    assert _page(client, url).count(f">{FRENCH['title']}</a>") == 4


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_the_python_rows_are_the_template_with_translated_consultations(translated, public_proposal, language):
    ProposalFactory(consultation=ConsultationFactory(title="Budget <2027>", language="en"), language="en")
    ResponseFactory(proposal=public_proposal, language="es")
    with translation.override(language):
        page, _filter = selectors.proposal_page(filters={}, ordering=SORTS["newest"], cursor=None)
        reference = keyset_page(_reference(selectors.proposal_list()[0]), ordering=SORTS["newest"], cursor=None)
        expected = _rendered(reference.object_list)
        assert proposal_rows(page.object_list, show_consultation=True) == expected
        assert (PROPOSAL_FR["title"] in expected) == (language == "fr")
    assert (FRENCH["title"] in expected) == (language == "fr")
    assert "Budget &lt;2027&gt;" in expected


def test_my_participation_shows_consultations_proposals_and_commitments_in_my_language(
    client, translated, public_proposal, author, participant, plan, point_of_contact
):
    commitment = CommitmentFactory(action_plan=plan, title="Open contracting")
    translation_save(commitment, language="fr", texts={"title": "Marchés ouverts"}, translated_by=point_of_contact)
    services.proposal_support(proposal=public_proposal, user=participant)
    services.proposal_follow(proposal=public_proposal, user=participant)
    commitment_follow(commitment=commitment, user=participant)
    client.force_login(author)  # their own proposal: the consultation named in French
    page = _page(client, reverse("consultations:proposal-mine"))
    assert f">{FRENCH['title']}</a>" in page
    client.force_login(participant)
    url = reverse("consultations:proposal-mine")
    page = _page(client, url)
    assert f">{PROPOSAL_FR['title']}</a>" in page and f"{commitment.number}. Marchés ouverts</a>" in page
    before = query_count(client, url)
    for proposal in ProposalFactory.create_batch(3, consultation=translated, language="es"):
        translation_save(proposal, language="fr", texts=PROPOSAL_FR, translated_by=None, machine_translated=True)
        services.proposal_support(proposal=proposal, user=participant)
        services.proposal_follow(proposal=proposal, user=participant)
    assert query_count(client, url) == before


def test_the_commitment_page_names_the_proposals_that_fed_it_in_the_visitors_language(
    client, translated, public_proposal, plan
):
    commitment = CommitmentFactory(action_plan=plan)
    ResponseFactory(proposal=public_proposal, outcome="accepted", language="es").commitments.add(commitment)
    page = _page(client, commitment.get_absolute_url())
    assert f">{PROPOSAL_FR['title']}</a>" in page and f"<span>{FRENCH['title']}</span>" in page


def test_the_home_page_shows_open_consultations_in_the_visitors_language(client, translated):
    page = _page(client, "/")
    assert f">{FRENCH['title']}</a>" in page and SPANISH["title"] not in page


def test_the_translation_note_says_who_translated_by_role_never_by_name(
    client, spanish_consultation, public_proposal, author, point_of_contact, comment, commenter
):
    translation_save(
        spanish_consultation, language="en", texts={**FRENCH, "title": "Budgets"}, translated_by=point_of_contact
    )
    translation_save(
        public_proposal, language="en", texts={**PROPOSAL_FR, "title": "District budgets"}, translated_by=author
    )
    translation_save(comment, language="en", texts={"body": "Great idea."}, translated_by=None, machine_translated=True)
    page = _page(client, spanish_consultation.get_absolute_url(), "en")
    assert "Translated from Spanish by the portal's editors." in page
    assert point_of_contact.full_name not in page
    page = _page(client, public_proposal.get_absolute_url(), "en")
    assert page.count("Translated from Spanish by its author.") == 1  # the proposal's
    assert "Machine translation</span> Translated from Spanish.</p>" in page  # the comment's
    translation_save(comment, language="en", texts={"body": "A great idea."}, translated_by=commenter)
    page = _page(client, public_proposal.get_absolute_url(), "en")
    assert page.count("Translated from Spanish by its author.") == 2  # the comment's author's own translation
    assert "Machine translation" not in page


def test_saying_who_translated_costs_no_query_per_comment(client, public_proposal, commenter, comment, staff_user):
    translation_save(comment, language="en", texts={"body": "Great idea."}, translated_by=commenter)
    url = public_proposal.get_absolute_url()
    client.cookies["django_language"] = "en"
    query_count(client, url)
    before = query_count(client, url)
    for index in range(4):
        other = CommentFactory(proposal=public_proposal, language="es", body=f"Idea {index}")
        translation_save(other, language="en", texts={"body": f"Idea {index}."}, translated_by=other.author)
        translation_save(other, language="fr", texts={"body": "Idée."}, translated_by=staff_user)
    assert query_count(client, url) == before
    assert _page(client, url, "en").count("Translated from Spanish by its author.") == 5
