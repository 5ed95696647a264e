"""In headless Chromium: the author of a Spanish proposal translates it into French; a French visitor reads it in
French and opens the Spanish original with one click, without JavaScript."""

import pytest

from consultations.models import ProposalTranslation
from tests.browser.session import sign_in
from tests.factories import UserFactory
from tests.factories.consultations import ConsultationFactory, ProposalFactory

pytestmark = [pytest.mark.browser]


def test_a_spanish_proposal_translated_into_french_by_its_author(new_page, live_server):
    author = UserFactory(full_name="Lucía Gómez")
    proposal = ProposalFactory(
        consultation=ConsultationFactory(),
        author=author,
        language="es",
        title="Publicar los presupuestos",
        problem="Nadie sabe en qué se gasta.",
        solution="Publicarlos cada mes.",
    )
    base = live_server.url

    page = new_page("es-ES")
    sign_in(page, base, author.email)
    page.goto(f"{base}{proposal.get_absolute_url()}")
    page.click(f"a[href='/proposals/{proposal.pk}/translations/']")
    page.select_option("main form.form select[name=language]", "fr")
    page.fill("input[name=title_translated]", "Publier les budgets")
    page.fill("textarea[name=problem_translated]", "Personne ne sait à quoi sert l’argent.")
    page.fill("textarea[name=solution_translated]", "Les publier chaque mois.")
    page.click("main form.form button[type=submit]")
    page.wait_for_url(f"{base}{proposal.get_absolute_url()}")
    assert ProposalTranslation.objects.get(master=proposal).language_code == "fr"

    visitor = new_page("fr-FR", javascript=False)
    visitor.goto(f"{base}{proposal.get_absolute_url()}")
    assert visitor.inner_text("h1") == "Publier les budgets"
    original = visitor.locator("details.original-text")
    assert not original.locator("div[lang=es]").is_visible()
    original.locator("summary").click()
    assert original.locator("div[lang=es] h2").inner_text() == "Publicar los presupuestos"
