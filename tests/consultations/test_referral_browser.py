"""Issue 14's second journey in headless Chromium: the point of contact refers a proposal to an institution, the
institution's contact is notified and gives its opinion in the portal, and the point of contact publishes the
response with it."""

import re

import pytest

from tests.browser.session import sign_in
from tests.factories import ActionPlanFactory, InstitutionContactFactory, InstitutionFactory, MemberFactory, UserFactory
from tests.factories.consultations import ConsultationFactory, ProposalFactory

pytestmark = [pytest.mark.browser]


def test_a_referral_is_answered_in_the_portal_and_published_with_the_response(new_page, live_server, mailoutbox):
    base = live_server.url
    member = MemberFactory(name="Madrid", slug="madrid", kind="local", country="ES")
    UserFactory(email="contact@madrid.example", point_of_contact_of=member)
    institution = InstitutionFactory(member=member, name="Madrid Procurement Office")
    InstitutionContactFactory(institution=institution, user__email="pablo@procurement.example")
    consultation = ConsultationFactory(action_plan=ActionPlanFactory(member=member), title="Proposals for Madrid")
    proposal = ProposalFactory(consultation=consultation, title="Open data on district contracts")

    # The point of contact refers the proposal to the institution.
    poc = new_page()
    sign_in(poc, base, "contact@madrid.example")
    poc.goto(f"{base}/workspace/proposals/{proposal.pk}/respond/")
    poc.click("text=Ask an institution")
    poc.fill("#id_institution_name", "Madrid Procurement Office")
    poc.fill("#id_question", "Can you publish them monthly?")
    poc.click("text=Send for an opinion")
    poc.wait_for_selector("text=The proposal is sent for an opinion")

    # The contact is notified through the outbox, with the link to the referral.
    [mail] = [m for m in mailoutbox if m.to == ["pablo@procurement.example"]]
    link = re.search(r"https?://[^/\s]+(/referrals/\d+/)", mail.body).group(1)

    contact = new_page()
    sign_in(contact, base, "pablo@procurement.example")
    contact.goto(f"{base}{link}")
    assert "Can you publish them monthly?" in contact.locator(".facts").inner_text()
    contact.fill("#id_opinion", "**Feasible** from 2026, in OCDS.")
    contact.click("text=Send the opinion")
    contact.wait_for_selector("text=The opinion is sent")

    # The point of contact reads it before publishing the response, and publishes it with the response.
    poc.goto(f"{base}/workspace/proposals/{proposal.pk}/respond/")
    assert poc.locator(".referral .prose strong").inner_text() == "Feasible"
    poc.check("input[name=outcome][value=accepted]")
    poc.fill("#id_reasons", "Accepted: the procurement office confirms it is feasible.")
    poc.check("#id_shows_opinions")
    poc.click("text=Publish the response")
    poc.wait_for_selector("text=The response is published.")

    visitor = new_page()
    visitor.goto(f"{base}{proposal.get_absolute_url()}")
    published = visitor.locator(".response-box").inner_text()
    assert "Madrid Procurement Office" in published and "Feasible from 2026, in OCDS." in published
