"""The compliance journey in headless Chromium: a late member is found, the support unit places it under
procedural review with a reason, and a visitor reads it on the member's page with its calendar."""

from datetime import date

import pytest

from cycle.services import compliance_check, member_cycle_refresh
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


def test_staff_place_a_late_member_under_review_and_the_public_sees_it(page, live_server):
    member = MemberFactory(name="Ruritania", slug="ruritania")
    ActionPlanFactory(member=member, number=1, start_date=date(2023, 1, 1), end_date=date(2024, 12, 31), completed=True)
    member_cycle_refresh(member=member)
    compliance_check()
    staff = UserFactory(staff=True)
    base = live_server.url
    page.goto(f"{base}/accounts/login/?next=/compliance/")
    page.fill("input[name=login]", staff.email)
    page.fill("input[name=password]", DEFAULT_PASSWORD)
    page.click("form.form button[type=submit]")
    page.wait_for_url("**/compliance/")
    row = page.locator("tbody tr", has_text="Ruritania")
    assert "Action plan 2 was due on" in row.inner_text()
    row.get_by_role("link", name="Decide").click()
    page.get_by_label("Place under procedural review").check()
    page.get_by_label("Reason").fill("No action plan for a second cycle.")
    page.click("form.form button[type=submit]")
    page.wait_for_url("**/compliance/*/")
    assert "The decision is recorded." in page.content()
    page.context.clear_cookies()
    page.goto(f"{base}/members/ruritania/")
    history = page.locator("section[aria-labelledby=status-title]").inner_text()
    assert "Under procedural review" in history and "No action plan for a second cycle." in history
    href = page.get_by_role("link", name="Subscribe to this member's cycle (iCal)").get_attribute("href")
    feed = page.request.get(f"{base}{href}")
    assert feed.ok and feed.text().startswith("BEGIN:VCALENDAR\r\n")
