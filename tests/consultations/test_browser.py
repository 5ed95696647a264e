"""The co-creation journey in headless Chromium: register, propose with an attachment, support, comment,
answer with a commitment, and read the response as an anonymous visitor."""

import re

import pytest

from consultations.models import Proposal
from tests.browser.session import sign_in
from tests.consultations.files import MINIMAL_PDF
from tests.factories import ActionPlanFactory, CommitmentFactory, MemberFactory, UserFactory
from tests.factories.consultations import ConsultationFactory

pytestmark = [pytest.mark.browser]


def _register(page, base, mailoutbox):
    """Sign up as Amina Bello and verify the e-mail address from the link sent."""
    page.goto(f"{base}/accounts/signup/")
    page.fill("input[name=email]", "amina@example.org")
    page.fill("input[name=full_name]", "Amina Bello")
    page.fill("input[name=password1]", "a-strong-passphrase-42")
    page.fill("input[name=password2]", "a-strong-passphrase-42")
    page.click("form.form button[type=submit]")
    page.wait_for_url("**/accounts/confirm-email/")
    link = re.search(r"https?://[^/\s]+(/\S+)", mailoutbox[0].body).group(1)
    page.goto(f"{base}{link}")
    page.click("main form button[type=submit]")  # not the language switcher's button
    page.wait_for_url(f"{base}/")  # a new participant lands on the home page, which lists what is open


def _propose(page, base, consultation) -> Proposal:
    """Write the proposal with an attachment, preview it, submit it."""
    page.goto(f"{base}{consultation.get_absolute_url()}")
    page.click("text=Submit a proposal")
    page.fill("#id_title", "Publish district board agendas a week ahead")
    page.fill("#id_problem", "Residents learn about decisions too late.")
    page.fill("#id_solution", "Publish every agenda **seven days** before the meeting.")
    page.set_input_files(
        "#id_attachments", files=[{"name": "survey.pdf", "mimeType": "application/pdf", "buffer": MINIMAL_PDF}]
    )
    page.click("text=Save the draft and preview")
    page.wait_for_selector("text=Preview of your draft")
    assert "seven days" in page.locator(".prose strong").first.inner_text()
    page.click("text=Submit the proposal")
    page.wait_for_selector("text=Your proposal is submitted")
    return Proposal.objects.get(title="Publish district board agendas a week ahead")


def _support_and_comment(page, base, proposal):
    sign_in(page, base, "carlos@example.org")
    page.goto(f"{base}{proposal.get_absolute_url()}")
    page.click("text=Support this proposal")
    page.wait_for_selector("text=You support this proposal.")
    page.fill("#id_body", "Yes, and send them by e-mail too.")
    page.click("text=Post the comment")
    page.wait_for_selector("text=Your comment is posted.")
    assert "send them by e-mail too" in page.locator(".comments").inner_text()


def _publish_response(page, base, proposal, commitment):
    """The point of contact publishes the response, linked to the commitment."""
    sign_in(page, base, "contact@madrid.example")
    page.goto(f"{base}{proposal.get_absolute_url()}")
    page.click("text=Write the response")
    page.check("input[name=outcome][value=merged]")
    page.fill("#id_reasons", "Merged into commitment 3.1: agendas will be published seven days ahead.")
    page.check(f"input[name=commitments][value='{commitment.pk}']")
    page.click("text=Publish the response")
    page.wait_for_selector("text=The response is published.")


def test_the_co_creation_journey_in_a_browser(new_page, live_server, mailoutbox):
    base = live_server.url
    member = MemberFactory(name="Madrid", slug="madrid", kind="local", country="ES")
    UserFactory(email="contact@madrid.example", point_of_contact_of=member)
    UserFactory(email="carlos@example.org", full_name="Carlos Ruiz")
    plan = ActionPlanFactory(member=member, title="Madrid 2026–2028")
    commitment = CommitmentFactory(action_plan=plan, number="3.1", title="Lobby register for district boards")
    consultation = ConsultationFactory(action_plan=plan, title="Your proposals for Madrid")

    page = new_page()
    _register(page, base, mailoutbox)
    proposal = _propose(page, base, consultation)
    assert proposal.status == Proposal.Status.SUBMITTED and proposal.attachments.count() == 1

    # Another participant supports it and comments.
    _support_and_comment(new_page(width=390), base, proposal)

    mailoutbox.clear()
    _publish_response(new_page(), base, proposal, commitment)

    # The author gets the e-mail; an anonymous visitor reads the response where it belongs.
    assert [m.to for m in mailoutbox] == [["amina@example.org"]]
    visitor = new_page()
    visitor.goto(f"{base}{consultation.get_absolute_url()}")
    assert "Merged into commitment 3.1" in visitor.locator(".proposal-card").first.inner_text()
    visitor.goto(f"{base}{commitment.get_absolute_url()}")
    assert "Publish district board agendas a week ahead" in visitor.locator(".source-proposals").inner_text()
    visitor.click("text=Publish district board agendas a week ahead")
    assert "Became commitment 3.1" in visitor.locator(".became-badge").inner_text()
    assert visitor.locator(".attachments a").inner_text() == "survey.pdf"


def test_too_many_attachments_are_refused_by_the_browser_before_sending(new_page, live_server):
    """More files than a proposal takes: the browser keeps the form (and its text) and says the limit,
    instead of sending a body the server would refuse whole."""
    consultation = ConsultationFactory()
    UserFactory(email="amina@example.org")
    page = new_page()
    sign_in(page, live_server.url, "amina@example.org")
    page.goto(f"{live_server.url}/consultations/{consultation.pk}/propose/")
    page.fill("#id_title", "Publish district board agendas a week ahead")
    page.fill("#id_problem", "Residents learn about decisions too late.")
    page.fill("#id_solution", "Publish every agenda seven days before the meeting.")
    files = [{"name": f"p{i}.pdf", "mimeType": "application/pdf", "buffer": MINIMAL_PDF} for i in range(6)]
    page.set_input_files("#id_attachments", files=files)
    page.click("text=Save the draft and preview")
    message = page.eval_on_selector("#id_attachments", "field => field.validationMessage")
    assert message == "PDF documents or images, up to 5 files of 5.0\xa0MB each."
    assert page.input_value("#id_title") == "Publish district board agendas a week ahead"
    assert not Proposal.objects.exists()
