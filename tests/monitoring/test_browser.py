"""The first acceptance journey in headless Chromium: a participant files a monitoring report with a photo and a
place; the point of contact sees it flagged in the workspace and answers it; the commitment page shows both
statuses and the dispute mark; a follower of the commitment gets the e-mail in French."""

import pytest

from commitments.services import commitment_follow
from common.models import OutgoingEmail
from monitoring.models import MonitoringReport
from tests.browser.session import sign_in
from tests.consultations.files import png_bytes
from tests.factories import ActionPlanFactory, CommitmentFactory, MemberFactory, OrganisationFactory, UserFactory

pytestmark = [pytest.mark.browser]


@pytest.fixture
def new_page(new_page, settings, tmp_path):
    """The shared one (tests/conftest.py), with the evidence files under the test's folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return new_page


def test_a_participant_files_a_report_and_the_point_of_contact_disputes_it(new_page, live_server, tmp_path):
    base = live_server.url
    member = MemberFactory(name="Madrid", slug="madrid", kind="local", country="ES")
    plan = ActionPlanFactory(member=member, implementing=True, title="Madrid plan 2024–2026")
    commitment = CommitmentFactory(
        action_plan=plan, number="1", title="Open the district budgets", completion="complete"
    )
    UserFactory(email="contact@madrid.example", point_of_contact_of=member)
    UserFactory(email="amina@example.org", full_name="Amina Bello", member_of=OrganisationFactory(name="Vecinos"))
    follower = UserFactory(email="claire@example.fr", full_name="Claire Martin", language="fr")
    commitment_follow(commitment=commitment, user=follower)
    photo = tmp_path / "site.png"
    photo.write_bytes(png_bytes((64, 48)))

    participant = new_page()
    sign_in(participant, base, "amina@example.org")
    participant.goto(f"{base}{commitment.get_absolute_url()}")
    participant.click("text=File a monitoring report")
    participant.select_option("#id_finding", "not_started")
    participant.fill("#id_observed_on", "2025-03-01")
    participant.fill("#id_text", "The budget pages of the districts are still **empty**.")
    participant.fill("#id_address", "Calle de Embajadores 35")
    participant.fill("#id_latitude", "40.40853")
    participant.fill("#id_longitude", "-3.70195")
    participant.check("#id_on_behalf")
    participant.set_input_files("#id_evidence", str(photo))
    participant.click("form.form button[type=submit]")
    participant.wait_for_url("**/monitoring/reports/*/")
    assert "Your report is submitted" in participant.content()
    assert participant.locator("img[alt='Photo: site.png']").count() == 1
    report = MonitoringReport.objects.get()
    assert report.has_point and report.organisation.name == "Vecinos"
    [mail] = [m for m in OutgoingEmail.objects.all() if follower.email in m.to]
    assert mail.body_text.startswith("Bonjour Claire")
    assert "Un rapport de suivi sur l'engagement 1, « Open the district budgets »" in mail.body_text

    contact = new_page()
    sign_in(contact, base, "contact@madrid.example")
    contact.goto(f"{base}/workspace/members/madrid/")
    contact.click("text=1 monitoring report awaits your answer")
    contact.wait_for_url("**/monitoring/?status=unanswered")
    contact.click(f"a[href$='/monitoring/reports/{report.pk}/answer/']")
    contact.check("input[name=kind][value=disputed]")
    contact.fill("#id_text", "The budgets moved to the new open data portal in February.")
    contact.click("form.form button[type=submit]")
    contact.wait_for_url(f"**/monitoring/reports/{report.pk}/")
    assert "Your answer is published" in contact.content()

    visitor = new_page()
    visitor.goto(f"{base}{commitment.get_absolute_url()}")
    panel = visitor.locator(".monitoring-panel")
    assert "Complete" in panel.locator(".monitoring-statuses").inner_text()
    assert "Not started" in panel.locator(".monitoring-statuses").inner_text()
    assert panel.locator("[data-disputed]").is_visible()
    assert "new open data portal" in panel.inner_text()
