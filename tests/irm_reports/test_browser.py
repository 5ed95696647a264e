"""The report page in headless Chromium: the PDF's progress updates in place, then the page shows the result."""

import pytest

from irm_reports import services
from irm_reports.services.rendering import report_rendering_run
from tests.factories import UserFactory
from tests.factories.accounts import DEFAULT_PASSWORD
from tests.factories.irm_reports import complete_results_report

pytestmark = [pytest.mark.browser]


@pytest.fixture
def page(browser, live_server, transactional_db):
    context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(20000)
    yield page
    context.close()


def test_the_report_page_follows_the_rendering_and_then_offers_the_download(page, live_server):
    researcher = UserFactory(email="researcher@irm.example", researcher=True)
    report = complete_results_report(commitments=3, researcher=researcher)
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=login]", "researcher@irm.example")
    page.fill("input[name=password]", DEFAULT_PASSWORD)
    page.click("form.form button[type=submit]")
    page.wait_for_url(f"{live_server.url}/irm-reports/workspace/")  # a researcher lands among their reports

    report = services.report_request_render(
        report=report, requested_by=researcher, enqueue=False
    )  # queued, as in a worker's queue
    page.goto(f"{live_server.url}{report.get_absolute_url()}")
    assert page.locator("[data-role=status]").inner_text() == "Queued for rendering"
    assert page.locator("[data-role=download]").is_hidden()
    publish = page.get_by_role("button", name="Publish this version")
    assert publish.count() == 0  # nothing offered that would be refused while rendering
    assert page.get_by_role("progressbar").get_attribute("aria-valuenow") == "0"
    page.evaluate("window.stillTheSamePage = true")

    report_rendering_run(rendering_id=report.rendering_id)  # what the worker does
    publish.wait_for(state="visible")
    assert page.evaluate("window.stillTheSamePage") is None  # the page was shown again, with the result
    assert page.locator("[data-role=status]").inner_text() == "Ready to publish"
    assert page.locator("[data-role=progress]").is_hidden()
    assert publish.is_visible()
    href = page.locator("[data-role=download-link]").get_attribute("href")
    assert href.endswith(f"/irm-reports/{report.pk}/pdf/")
