"""The portal in headless Chromium: language switcher, member filters and the workspace forms."""

import pytest

from commitments.models import Commitment
from tests.factories import ActionPlanFactory, MemberFactory, UserFactory
from tests.factories.accounts import DEFAULT_PASSWORD

pytestmark = [pytest.mark.browser]


@pytest.fixture
def page(browser, live_server, transactional_db):
    context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


def test_visitor_switches_to_french_and_filters_local_members(page, live_server):
    MemberFactory(name="Georgia", slug="georgia", country="GE", region="asia_pacific")
    MemberFactory(name="Tbilisi", name_fr="Tbilissi", slug="tbilisi", kind="local", country="GE")
    MemberFactory(name="Montevideo", slug="montevideo", kind="local", country="UY", region="americas")

    page.goto(f"{live_server.url}/members/")
    assert page.locator("html").get_attribute("lang") == "en"
    page.select_option("#language-select", "fr")
    assert page.locator("html").get_attribute("lang") == "en"  # choosing is not applying (WCAG 3.2.2)
    page.click(".language-switcher button")
    page.wait_for_selector("html[lang=fr]")
    assert page.locator("h1").inner_text() == "Membres"

    page.select_option("#id_kind", "local")
    page.fill("#id_search", "Tbilissi")
    page.click("button:has-text('Appliquer')")
    page.wait_for_url("**/members/?*kind=local*")
    rows = page.locator("table.data-table tbody tr")
    assert rows.count() == 1 and "Tbilissi" in rows.first.inner_text()


def test_point_of_contact_signs_in_and_adds_a_commitment(page, live_server):
    member = MemberFactory(name="Madrid", slug="madrid", kind="local", country="ES")
    UserFactory(email="contact@madrid.example", point_of_contact_of=member)
    plan = ActionPlanFactory(member=member, title="Madrid 2026–2028")

    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=login]", "contact@madrid.example")
    page.fill("input[name=password]", DEFAULT_PASSWORD)
    page.click("form.form button[type=submit]")
    page.wait_for_url("**/workspace/members/madrid/")  # a point of contact lands in their workspace

    page.goto(f"{live_server.url}/workspace/")
    page.wait_for_url("**/workspace/members/madrid/")
    page.click("text=Madrid 2026–2028")
    page.click("text=Add a commitment")
    page.fill("#id_number", "1")
    page.fill("#id_title", "Extend the lobby register to district boards")
    page.fill("#id_lead_institution_name", "Transparency Department")
    page.click("form.form button[type=submit]")
    page.wait_for_url(f"**{plan.get_workspace_url()}*")
    assert "The commitment was added." in page.locator(".messages").inner_text()

    commitment = Commitment.objects.get(action_plan=plan)
    page.goto(f"{live_server.url}{commitment.get_absolute_url()}")
    assert "Extend the lobby register" in page.locator("h1").inner_text()
    assert "Transparency Department" in page.locator(".facts").inner_text()
