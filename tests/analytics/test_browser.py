"""The analytics in a browser: choosing a breakdown and a member, reading charts and tables, WCAG 2.1 AA."""

import pytest
from django.conf import settings
from django.test import Client

from tests.browser.test_accessibility import AXE_OPTIONS, AXE_SCRIPT, WIDTHS
from tests.conftest import require
from tests.factories import ActionPlanFactory, CommitmentFactory, MemberFactory, PolicyAreaFactory, UserFactory
from tests.factories.analytics import MID_TERM, assess

pytestmark = [pytest.mark.browser]


def _figures():
    ghana = MemberFactory(name="Ghana", slug="ghana", region="africa_middle_east", country="GH")
    # The names the migrations seed: the area is the seeded one unless an earlier transactional test flushed it.
    area = PolicyAreaFactory(slug="open-data", name="Open Data", name_fr="Données ouvertes", name_es="Datos abiertos")
    for index, member in enumerate([ghana, MemberFactory(name="Ireland", slug="ireland"), ghana]):
        commitment = CommitmentFactory(action_plan=ActionPlanFactory(member=member, start_date=f"{2014 + index}-01-01"))
        commitment.policy_areas.add(area)
        assess(commitment, report_type=MID_TERM, completion="limited", potential_impact="moderate")
        assess(commitment, completion="complete", potential_impact=("transformative", "minor")[index % 2])
    return ghana


def _violations(page) -> list[str]:
    problems = []
    for width in WIDTHS:
        page.set_viewport_size(WIDTHS[width])
        result = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
        problems += [f"{page.url} [{width}] {v['id']}: {v['help']}" for v in result["violations"]]
    return problems


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_a_visitor_picks_a_breakdown_and_a_member_and_every_page_meets_wcag(
    browser, live_server, transactional_db, language, tmp_path
):
    require(bool(AXE_SCRIPT), "needs axe-playwright-python (requirements-dev.txt)")
    _figures()
    staff = Client()
    staff.force_login(UserFactory(staff=True))
    context = browser.new_context(viewport=WIDTHS["desktop"])
    context.add_init_script(script=AXE_SCRIPT)
    context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}])
    page = context.new_page()
    page.goto(f"{live_server.url}/analytics/")
    problems = _violations(page)
    page.set_viewport_size(WIDTHS["desktop"])
    page.select_option("#analytics-by", "policy_area")
    page.select_option("#analytics-member", "ghana")
    page.locator("form.analytics-choice button[type=submit]").click()
    page.wait_for_url("**/analytics/?by=policy_area&member=ghana")
    assert page.locator("svg.analytics-chart").count() == 5  # comparison, 2 shares, 2 trends
    assert page.locator("svg.analytics-chart title").first.text_content()
    name = {"en": "Open Data", "fr": "Données ouvertes", "es": "Datos abiertos"}[language]
    assert page.get_by_role("rowheader", name=name).count() == 1
    if language == "en":
        page.screenshot(path=str(tmp_path / "analytics.png"), full_page=True)
    problems += _violations(page)
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": staff.cookies[settings.SESSION_COOKIE_NAME].value,
          "url": live_server.url}]
    )  # fmt: skip
    page.goto(f"{live_server.url}/analytics/dashboard/")
    problems += _violations(page)
    page.goto(f"{live_server.url}/members/ghana/")
    assert page.get_by_role("heading", level=2).filter(has_text="IRM").count() >= 1 or language != "en"
    problems += _violations(page)
    context.close()
    assert not problems, "\n".join(problems)
