"""The acceptance journey in headless Chromium: a point of contact asks for assistance with drafting
commitments, the member's representative accepts it, then delivers it; the member's page shows it."""

import pytest

from common.models import OutgoingEmail
from support.models import SupportRequest
from tests.browser.session import sign_in
from tests.factories import MemberFactory, UserFactory
from tests.factories.support import RepresentativeFactory, ServiceOfferFactory

pytestmark = [pytest.mark.browser]


@pytest.fixture
def new_page(new_page, live_server, settings, tmp_path):
    """A page signed in as `email` (the shared fixture, tests/conftest.py), files under the test's folder."""
    settings.MEDIA_ROOT = tmp_path / "media"

    def make(email: str):
        page = new_page()
        sign_in(page, live_server.url, email)
        return page

    return make


def test_a_point_of_contact_asks_for_drafting_help_and_the_representative_delivers_it(new_page, live_server):
    member = MemberFactory(name="Madrid", slug="madrid", kind="local", country="ES")
    UserFactory(email="contact@madrid.example", full_name="Lucía Martín", point_of_contact_of=member)
    RepresentativeFactory(
        member=member, user=UserFactory(email="clara@ogp.example", full_name="Clara Nwosu", staff=True)
    )
    ServiceOfferFactory(drafting=True)
    ServiceOfferFactory(name="Peer exchange and learning", slug="peer-exchange")

    contact = new_page("contact@madrid.example")
    contact.goto(f"{live_server.url}/members/madrid/")
    contact.click("text=Ask the support unit for assistance")
    assert "Clara Nwosu" in contact.locator("main").inner_text()
    contact.select_option("#id_service", label="Assistance with drafting commitments (Basic)")
    contact.fill("#id_description", "Turn the forum's proposals on district budgets into measurable commitments.")
    contact.check("#id_is_public")
    contact.click("form.form button[type=submit]")
    contact.wait_for_url("**/support/requests/*/")
    assert "Your request was sent to the support unit." in contact.locator(".messages").inner_text()
    request = SupportRequest.objects.get()
    assert request.status == "received"

    representative = new_page("clara@ogp.example")
    representative.goto(f"{live_server.url}/support/queue/")
    representative.click("table.data-table a:has-text('Assistance with drafting commitments')")
    representative.select_option("#id_to_status", "accepted")
    representative.fill("#id_due_date", "2030-03-31")
    representative.click("section[aria-labelledby=decide-title] button[type=submit]")
    representative.wait_for_selector(".messages")
    assert "Accepted" in representative.locator(".messages").inner_text()
    representative.select_option("#id_to_status", "delivered")
    representative.fill("#id_outcome", "Two workshops with the forum; five commitments rewritten.")
    representative.click("section[aria-labelledby=decide-title] button[type=submit]")
    representative.wait_for_selector("text=Delivered")

    request.refresh_from_db()
    assert request.status == "delivered" and str(request.due_date) == "2030-03-31"
    assert OutgoingEmail.objects.filter(to=["contact@madrid.example"]).count() == 3  # received, accepted, delivered
    contact.goto(f"{live_server.url}/members/madrid/")
    assert "five commitments rewritten" in contact.locator("#support-title + ul").inner_text()
