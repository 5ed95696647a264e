"""The proposal form and the response form with the keyboard only: Tab, Shift+Tab, Enter, Space and typing.

Each journey fills a form, submits it with an error, finds focus on the error summary at the top of the
form, follows the summary's link to the field, fixes it and submits again.
"""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from consultations.models import Proposal
from tests.factories import ActionPlanFactory, MemberFactory, UserFactory
from tests.factories.consultations import ConsultationFactory, ProposalFactory

pytestmark = [pytest.mark.browser]


def _signed_in_page(browser, live_server, user):
    client = Client()
    client.force_login(user)
    context = browser.new_context(locale="en-GB", viewport={"width": 1366, "height": 900})
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}])
    page = context.new_page()
    page.set_default_timeout(15000)
    return page


def _focused(page, selector: str) -> bool:
    return page.evaluate("selector => document.activeElement.matches(selector)", selector)


def _tab_to(page, selector: str, key: str = "Tab", most: int = 80) -> None:
    """Press Tab (or Shift+Tab) until the focused element matches selector."""
    for _ in range(most):
        if _focused(page, selector):
            return
        page.keyboard.press(key)
    raise AssertionError(f"{key} never reached {selector}")


def _summary_links(page) -> list[str]:
    return page.eval_on_selector_all("[data-error-summary] a", "links => links.map(a => a.getAttribute('href'))")


@pytest.fixture
def madrid(transactional_db):
    member = MemberFactory(name="Madrid", slug="madrid", kind="local", country="ES")
    consultation = ConsultationFactory(action_plan=ActionPlanFactory(member=member), title="Proposals for Madrid")
    return member, consultation


def test_a_proposal_is_written_and_corrected_with_the_keyboard_only(browser, live_server, madrid):
    _member, consultation = madrid
    page = _signed_in_page(browser, live_server, UserFactory())
    page.goto(f"{live_server.url}{reverse('consultations:proposal-create', args=[consultation.pk])}")

    _tab_to(page, "#id_title")
    page.keyboard.type("Publish district agendas")
    _tab_to(page, "#id_solution")
    page.keyboard.type("Each board posts its agenda a week before.")
    _tab_to(page, "form.form button[type=submit]")
    page.keyboard.press("Enter")

    page.wait_for_selector("[data-error-summary]")
    assert _focused(page, "[data-error-summary]")
    assert _summary_links(page) == ["#id_problem"]
    page.keyboard.press("Tab")  # the summary's first link
    page.keyboard.press("Enter")
    assert _focused(page, "#id_problem")
    page.keyboard.type("Residents learn of decisions after the fact.")
    _tab_to(page, "#id_title", key="Shift+Tab")
    assert page.input_value("#id_title") == "Publish district agendas"  # kept from the first submit
    _tab_to(page, "form.form button[type=submit]")
    page.keyboard.press("Enter")

    page.wait_for_url("**/proposals/*/")
    proposal = Proposal.objects.get()
    assert (proposal.title, proposal.problem) == (
        "Publish district agendas",
        "Residents learn of decisions after the fact.",
    )
    page.context.close()


def test_a_response_is_written_and_corrected_with_the_keyboard_only(browser, live_server, madrid):
    member, consultation = madrid
    proposal = ProposalFactory(consultation=consultation, title="Open the water contracts")
    page = _signed_in_page(browser, live_server, UserFactory(point_of_contact_of=member))
    page.goto(f"{live_server.url}{reverse('consultations:workspace-response', args=[proposal.pk])}")

    _tab_to(page, "input[name=outcome]")  # the group's first choice
    page.keyboard.press("Space")
    _tab_to(page, "button[value=publish]")
    page.keyboard.press("Enter")

    page.wait_for_selector("[data-error-summary]")
    assert _focused(page, "[data-error-summary]")
    assert _summary_links(page) == ["#id_reasons"]
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert _focused(page, "#id_reasons")
    page.keyboard.type("The contracts are already published by the national registry.")
    _tab_to(page, "button[value=publish]")
    page.keyboard.press("Enter")

    page.wait_for_url(f"**{consultation.get_workspace_url()}*")
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.ACCEPTED
    assert proposal.response.is_published and proposal.response.reasons.startswith("The contracts are already")
    page.context.close()
