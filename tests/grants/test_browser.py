"""The micro-grant journey in headless Chromium: an organisation applies with a budget that does not add up
(clear error, nothing lost), fixes it and submits; two reviewers score; staff award; the award is public."""

import pytest

from grants.models import GrantApplication
from tests.browser.session import sign_in
from tests.factories import OrganisationFactory, UserFactory
from tests.factories.grants import GrantCallFactory

pytestmark = [pytest.mark.browser]


def _apply(page, base, call):
    page.goto(f"{base}{call.get_absolute_url()}")
    page.click("a.button:has-text('Apply')")
    page.fill("#id_title", "Consultations beyond the capital")
    page.fill("#id_summary", "Meetings in three regions, with a report of what people asked for.")
    page.fill("#id_amount_requested", "6000")
    page.fill(f"#id_answer_{call.questions.get().pk}", "The consultation step of the 2026 plan.")
    page.fill("#id_budget-0-description", "Part-time coordinator")
    page.fill("#id_budget-0-amount", "4000")
    page.fill("#id_budget-1-description", "Meetings and travel")
    page.fill("#id_budget-1-amount", "1500")
    page.click("form.form button[type=submit]")

    summary = page.locator(".error-summary")
    assert "The budget lines add up to USD 5,500.00, not to the USD 6,000.00 requested" in summary.inner_text()
    # Nothing lost: every value typed is still there.
    assert page.input_value("#id_title") == "Consultations beyond the capital"
    assert page.input_value(f"#id_answer_{call.questions.get().pk}") == "The consultation step of the 2026 plan."
    assert page.input_value("#id_budget-0-description") == "Part-time coordinator"
    assert page.input_value("#id_budget-1-amount") == "1500"
    assert not GrantApplication.objects.exists()

    page.fill("#id_budget-1-amount", "2000")
    page.click("form.form button[type=submit]")
    page.wait_for_selector("text=Your draft is saved.")
    page.click("button:has-text('Submit the application')")
    page.wait_for_selector("text=Your application is submitted.")
    assert "Submitted, under review" in page.locator(".page-header").inner_text()
    return GrantApplication.objects.get()


def _score(page, base, application, values):
    page.goto(f"{base}/grants/review/")
    page.click(f"text={application.title}")
    page.click("a.button:has-text('Score')")
    for criterion, value in zip(application.call.criteria.all(), values, strict=True):
        page.check(f"input[name=score_{criterion.pk}][value='{value}']")
    page.click("form.form button[type=submit]")
    page.wait_for_selector("text=Your scores are saved.")


def test_an_organisation_applies_two_reviewers_score_and_staff_award(new_page, live_server):
    base = live_server.url
    call = GrantCallFactory(title="Micro-grants for co-creation 2026")
    UserFactory(email="amina@example.org", member_of=OrganisationFactory(name="Red Ciudadana"))
    UserFactory(email="reviewer.one@example.org", staff=True)
    UserFactory(email="reviewer.two@example.org", staff=True)

    applicant = new_page()
    sign_in(applicant, base, "amina@example.org")
    application = _apply(applicant, base, call)

    first = new_page()
    sign_in(first, base, "reviewer.one@example.org")
    _score(first, base, application, [5, 3])
    second = new_page()
    sign_in(second, base, "reviewer.two@example.org")
    _score(second, base, application, [3, 3])
    assert "Average weighted score 3.67 / 5 from 2 reviewers." in second.locator("main").inner_text()

    first.goto(f"{base}{application.get_absolute_url()}")
    first.click("a.button:has-text('Decide')")
    first.check("input[name=decision][value=award]")
    first.fill("#id_amount_awarded", "6000")
    first.fill("#id_reasons", "A strong, inclusive coalition reaching three regions.")
    first.click("form.form button[type=submit]")
    first.wait_for_selector("text=The decision is recorded and the applicant informed.")

    applicant.goto(f"{base}{application.get_absolute_url()}")
    assert "Awarded" in applicant.locator(".page-header").inner_text()
    assert "Weighted score" not in applicant.locator("main").inner_text()  # reviews stay internal

    visitor = new_page()
    visitor.goto(f"{base}/grants/")
    row = visitor.locator("table.data-table tbody tr").first
    assert "Red Ciudadana" in row.inner_text() and "USD 6,000.00" in row.inner_text()
