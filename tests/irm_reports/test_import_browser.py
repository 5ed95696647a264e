"""The admin page of an import in headless Chromium: the progress moves, then the summary appears."""

import pytest
from django.core.files.base import ContentFile

from common.jobs import job_claim, job_heartbeat
from irm_reports.importing import OGP_SAMPLE
from irm_reports.models import ImportRun
from irm_reports.services.imports import import_run_execute
from tests.factories import UserFactory
from tests.factories.accounts import DEFAULT_PASSWORD

pytestmark = [pytest.mark.browser]


@pytest.fixture
def page(browser, live_server, transactional_db):
    context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(20000)
    yield page
    context.close()


def test_the_import_page_follows_the_worker_and_then_shows_the_summary(page, live_server):
    from playwright.sync_api import expect

    UserFactory(email="support@ogp.example", staff=True)
    run = ImportRun(filename="sample.csv")
    run.file.save("sample.csv", ContentFile(OGP_SAMPLE.read_bytes()), save=False)
    run.save()
    claimed = job_claim(ImportRun, run.pk)  # a worker has started
    job_heartbeat(claimed, rows_done=40, rows_total=269)
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "support@ogp.example")
    page.fill("#id_password", DEFAULT_PASSWORD)
    page.click("input[type=submit]")
    page.goto(f"{live_server.url}{run.get_absolute_url()}")
    assert page.locator(".import-progress-label").inner_text() == "40 of 269 rows"

    job_heartbeat(claimed, rows_done=120, rows_total=269)
    expect(page.locator(".import-progress-label")).to_have_text("120 of 269 rows")
    assert page.locator(".import-progress progress").evaluate("bar => bar.value") == 45

    ImportRun.objects.filter(pk=run.pk).update(status=ImportRun.Status.QUEUED)
    import_run_execute(run_id=run.pk)  # the worker finishes
    page.wait_for_selector(".import-summary")
    assert "269 rows read, 269 imported, 0 skipped" in page.locator(".import-summary").inner_text()
    assert page.locator(".import-progress").count() == 0
