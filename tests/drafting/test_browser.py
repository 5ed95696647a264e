"""The acceptance journey of co-drafting in headless Chromium: the point of contact publishes draft version 1; a
participant comments on a paragraph and proposes new wording; another supports it; the point of contact accepts
it with a reason and publishes version 2; the diff shows the amended words; the submitted plan's commitment shows
the amendment in its provenance; the author's e-mail is written."""

import pytest

from commitments.models import Commitment
from common.models import OutgoingEmail
from drafting.models import Amendment
from tests.browser.session import sign_in
from tests.factories import ActionPlanFactory, CommitmentFactory, MemberFactory, UserFactory
from tests.factories.drafting import draft_review

pytestmark = [pytest.mark.browser]


def _next_version(page, base, review):
    page.goto(f"{base}/workspace/consultations/{review.pk}/drafts/new/")
    page.click("form.form button[type=submit]")
    page.wait_for_url("**/drafts/*/")


def test_a_draft_is_commented_amended_and_the_next_version_shows_the_change(new_page, live_server):
    base = live_server.url
    member = MemberFactory(name="Madrid", slug="madrid", kind="local", country="ES")
    plan = ActionPlanFactory(member=member, title="Madrid plan 2026–2028")
    commitment = CommitmentFactory(action_plan=plan, number="1", objective="Publish the contracts.")
    review = draft_review(action_plan=plan, title="Review of the draft plan")
    UserFactory(email="contact@madrid.example", point_of_contact_of=member)
    UserFactory(email="amina@example.org", full_name="Amina Bello")
    UserFactory(email="luis@example.org", full_name="Luis Ortega")

    contact = new_page()
    sign_in(contact, base, "contact@madrid.example")
    _next_version(contact, base, review)
    assert "Version 1 of the draft is published" in contact.content()
    version_url = contact.url

    amina = new_page()
    sign_in(amina, base, "amina@example.org")
    amina.goto(version_url)
    amina.click("text=0 comments")
    amina.fill("#id_body", "Which contracts, from which date?")
    amina.click(".draft-thread form.form button[type=submit]")
    amina.wait_for_selector("text=Which contracts, from which date?")
    assert "1 comment" in amina.content()
    amina.click("a:text-is('Propose new wording')")
    amina.fill("#id_text", "Publish every contract within 30 days.")
    amina.click("form.form button[type=submit]")
    amina.wait_for_url("**/amendments/*/")
    amendment = Amendment.objects.get()

    luis = new_page()
    sign_in(luis, base, "luis@example.org")
    luis.goto(f"{base}/amendments/{amendment.pk}/")
    luis.click("text=Support this amendment")
    luis.wait_for_selector("text=your support is counted")

    contact.goto(f"{base}/amendments/{amendment.pk}/")
    contact.click("a.button:text-is('Decide')")
    contact.check("input[name=state][value=accepted]")
    contact.fill("#id_reason", "Clearer and measurable.")
    contact.click("form.form button[type=submit]")
    contact.wait_for_selector("text=Clearer and measurable.")
    _next_version(contact, base, review)
    contact.click("text=changes since version 1")
    diff = contact.locator(".draft-diff ins").all_inner_texts()
    assert any("every" in text and "within 30 days." in text for text in diff), diff
    assert contact.locator(".draft-diff del").count() == 1

    contact.goto(f"{base}/workspace/plans/{plan.pk}/")
    contact.click("button:text-is('Move to “Submitted”')")
    contact.wait_for_selector(".badge-submitted")
    assert Commitment.objects.get(pk=commitment.pk).objective == "Publish every contract within 30 days."
    amina.goto(f"{base}{commitment.get_absolute_url()}")
    shaped = amina.locator("section[aria-labelledby=drafting-title]").inner_text()
    for text in ("Publish every contract within 30 days.", "Clearer and measurable.", "Amina Bello", "1 comment on"):
        assert text in shaped, shaped

    [mail] = OutgoingEmail.objects.filter(to=["amina@example.org"])
    assert "Accepted" in mail.subject and "Clearer and measurable." in mail.body_text
