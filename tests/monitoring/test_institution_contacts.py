"""The contacts of a commitment's lead institution are told of reports on it and may answer them."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from monitoring.models import ReportAnswer
from monitoring.services.notifications import report_submitted_emails
from notifications.models import Notification
from tests.factories import (
    ActionPlanFactory,
    CommitmentFactory,
    InstitutionContactFactory,
    InstitutionFactory,
)
from tests.factories.monitoring import MonitoringReportFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def lead(commitment, member):
    commitment.lead_institution = InstitutionFactory(member=member, name="Ministry of Finance")
    commitment.save()
    return commitment.lead_institution


def test_a_lead_institution_contact_is_told_and_answers_until_removed(commitment, lead, monitor, member):
    contact = InstitutionContactFactory(institution=lead)
    supporter = InstitutionContactFactory(institution=InstitutionFactory(member=member))
    commitment.supporting_organisations.add(supporter.institution)
    report = MonitoringReportFactory(commitment=commitment, author=monitor)
    report_submitted_emails(report=report)
    assert Notification.objects.filter(recipient=contact.user, kind="monitoring.report_submitted").exists()
    assert not Notification.objects.filter(recipient=supporter.user).exists()

    url = reverse("monitoring:report-answer", args=[report.pk])
    refused = Client()
    refused.force_login(supporter.user)
    assert refused.post(url, {"kind": "disputed", "text": "No."}).status_code == 403

    client = Client()
    client.force_login(contact.user)
    assert "Answer this report" in client.get(report.get_absolute_url()).content.decode()
    assert client.post(url, {"kind": "corrected", "text": "The status is corrected."}).status_code == 302
    assert ReportAnswer.objects.get(report=report).written_by == contact.user
    contact.delete()
    assert client.post(url, {"kind": "disputed", "text": "Changed."}).status_code == 403
    assert ReportAnswer.objects.get(report=report).kind == "corrected"


def test_the_contact_page_lists_the_reports_to_answer_and_the_commitments(commitment, lead, monitor):
    contact = InstitutionContactFactory(institution=lead)
    report = MonitoringReportFactory(commitment=commitment, author=monitor)
    client = Client()
    client.force_login(contact.user)
    page = client.get(reverse("monitoring:institution-home")).content.decode()
    assert report.get_absolute_url() in page and "Open the district budgets" in page
    assert reverse("commitments:workspace-progressupdate-create", args=[commitment.pk]) in page


def test_someone_who_is_no_contact_sees_an_empty_page(participant):
    client = Client()
    client.force_login(participant)
    assert (
        "You are not a contact of any institution"
        in client.get(reverse("monitoring:institution-home")).content.decode()
    )


def test_the_contact_page_pages_through_every_commitment_of_a_large_ministry(member, other_member):
    ministry = InstitutionFactory(member=member, name="Ministry of Finance")
    contact = InstitutionContactFactory(institution=ministry)
    plans = {m: ActionPlanFactory(member=m, implementing=True) for m in (member, other_member)}
    led = [CommitmentFactory(action_plan=plans[member], number=str(n), lead_institution=ministry) for n in range(1, 29)]
    supported = CommitmentFactory(action_plan=plans[other_member], number="1")
    supported.supporting_organisations.add(ministry)
    CommitmentFactory(action_plan=plans[member], number="99")  # neither led nor supported: not listed
    client = Client()
    client.force_login(contact.user)
    url = reverse("monitoring:institution-home")
    first = client.get(url)
    second = client.get(url, {"cursor": first.context["page"].next_cursor})
    listed = [c.pk for c in first.context["commitments"]] + [c.pk for c in second.context["commitments"]]
    # By member (Madrid before Paris), then in the plan's order (2 after 1, 10 after 9).
    assert listed == [c.pk for c in led] + [supported.pk]
    assert len(first.context["commitments"]) == 25 and not second.context["page"].next_cursor
    assert 'rel="next"' in first.content.decode() and 'rel="prev"' in second.content.decode()
    back = client.get(url, {"cursor": second.context["page"].previous_cursor})
    assert [c.pk for c in back.context["commitments"]] == listed[:25]


def test_someone_who_is_no_contact_costs_no_commitment_query(participant):
    client = Client()
    client.force_login(participant)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("monitoring:institution-home")).status_code == 200
    assert not [q for q in queries if "commitments_commitment" in q["sql"]]


def test_each_contacts_first_page_is_the_keyset_page_read_by_one_kept_statement(member, other_member, monkeypatch):
    """The first page and the count come from one statement kept per process (the contact's id stands twice in
    it): for contacts of many, few and no commitments, the page keyset_page reads through the ORM."""
    from commitments import contact_selectors as selectors
    from common.compiled_models import CompiledModels
    from common.pagination import keyset_page

    kept = CompiledModels(selectors._FIRST_CONTACT_COMMITMENTS.build)
    monkeypatch.setattr(selectors, "_FIRST_CONTACT_COMMITMENTS", kept)
    plans = {m: ActionPlanFactory(member=m, implementing=True) for m in (member, other_member)}
    drafting = ActionPlanFactory(member=member)
    contacts = []
    for n, size in enumerate((27, 3, 0, 24)):  # 28 rows, 4, none, 25: one page exactly
        ministry = InstitutionFactory(member=member, name=f"Ministry {n}")
        contacts.append(InstitutionContactFactory(institution=ministry))
        CommitmentFactory(action_plan=drafting, number=f"{n}", lead_institution=ministry)  # not implemented
        if not size:
            continue
        for i in range(size):
            CommitmentFactory(action_plan=plans[member], number=f"{n}.{i}", lead_institution=ministry)
        both = CommitmentFactory(action_plan=plans[other_member], number=f"{n}", lead_institution=ministry)
        both.supporting_organisations.add(ministry)  # led and supported: listed once
    client = Client()
    url = reverse("monitoring:institution-home")
    for contact in contacts + contacts:
        client.force_login(contact.user)
        with CaptureQueriesContext(connection) as queries:
            page = client.get(url).context["page"]
        orm = keyset_page(selectors.contact_commitments(user=contact.user), ordering=selectors.CONTACT_COMMITMENT_ORDER,
                          cursor=None)  # fmt: skip
        assert [c.pk for c in page] == [c.pk for c in orm]
        assert [c.member_name for c in page] == [c.member_name for c in orm]
        assert (page.count, page.count_is_capped, page.next_cursor, page.previous_cursor) == (
            orm.count, orm.count_is_capped, orm.next_cursor, orm.previous_cursor
        )  # fmt: skip
        assert len([q for q in queries if "UNION" in q["sql"]]) == 1  # the led and the supported, page and count
    assert isinstance(kept.compiled, tuple)  # (statement, places): kept, not refused nor waiting
    assert [len(kept(contact.user_id)) for contact in contacts] == [26, 4, 0, 25]
    assert [kept(contact.user_id)[0].matching for contact in contacts if contact is not contacts[2]] == [28, 4, 25]
