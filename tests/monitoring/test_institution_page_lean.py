"""The institution contact's page reads only the columns it shows (commitments, reports to answer, referrals): the
same HTML, in every language, as with whole rows, and no more queries."""

import re
from datetime import date

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from commitments import contact_selectors
from common.compiled_models import CompiledModels
from consultations import referral_selectors, services
from monitoring import institution_selectors
from monitoring.views import institutions as views
from tests.factories import CommitmentFactory, InstitutionContactFactory, InstitutionFactory, UserFactory
from tests.factories.consultations import ConsultationFactory, ProposalFactory
from tests.factories.monitoring import MonitoringReportFactory

pytestmark = pytest.mark.django_db
WHOLE_ROWS = {
    (contact_selectors, "contact_commitments"): lambda qs: qs.defer(None).select_related("action_plan__member"),
    (institution_selectors, "contact_reports_to_answer"): lambda qs: qs.defer(None).select_related(
        "commitment__action_plan__member"
    ),
    (referral_selectors, "contact_referrals"): lambda qs: qs.defer(None),
}


@pytest.fixture
def contact(member, implementing, point_of_contact):
    member.name_fr, member.name_es = "Madrid (fr)", ""
    member.save()
    lead = InstitutionFactory(member=member, name="Ministerio de <Hacienda> & Función")
    for i in range(4):
        commitment = CommitmentFactory(
            action_plan=implementing, number=str(i + 1), title=f"Abrir <presupuestos> & \"datos\" {i}",
            lead_institution=lead,
        )  # fmt: skip
        MonitoringReportFactory(commitment=commitment)
    contact = InstitutionContactFactory(institution=lead)
    consultation = ConsultationFactory(action_plan=implementing)
    for i in range(3):
        proposal = ProposalFactory(consultation=consultation, title=f"Propuesta <{i}> & más")
        referral = services.referral_create(
            proposal=proposal, institution_name=lead.name, requested_by=point_of_contact
        )
        if i == 1:
            referral.opinion, referral.opinion_received_on = "De acuerdo", date(2026, 3, 1)
            referral.save()
    return contact


def _page(client, language) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse("monitoring:institution-home"), HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return re.sub(r'(value|nonce)="[^"]*"', "", response.content.decode()), len(ctx.captured_queries)


def _whole_rows(read, whole):
    return lambda *, user: whole(read(user=user))


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_the_page_is_the_same_with_whole_rows(contact, monkeypatch, language):
    client = Client()
    client.force_login(UserFactory._meta.model.objects.get(pk=contact.user_id))
    lean, lean_queries = _page(client, language)
    for (module, name), whole in WHOLE_ROWS.items():
        monkeypatch.setattr(module, name, _whole_rows(getattr(module, name), whole))
    # The statements kept from the lean pass are written again from the whole rows.
    for module, name in ((contact_selectors, "_FIRST_CONTACT_COMMITMENTS"), (views, "_REPORTS"), (views, "_REFERRALS")):
        monkeypatch.setattr(module, name, CompiledModels(getattr(module, name).build))
    full, full_queries = _page(client, language)
    assert lean == full and lean_queries == full_queries
    assert lean.count("Abrir &lt;presupuestos&gt;") == 8 and lean.count("Propuesta &lt;") == 3
