"""Scenarios of test_email_links for the apps of the action-plan cycle: each sends its app's e-mails through
the app's real services and tasks (the e-mails each writes are counted in its comments)."""

from datetime import date, timedelta

from django.utils import timezone

from accounts import services as ogp_services
from accounts.apps import MEMBERSHIP_DECISION
from cycle.services import cycle_reminders_send, member_cycle_refresh
from monitoring.models import Finding, MonitoringReport
from monitoring.services.answers import report_answer
from monitoring.services.reports import report_create
from monitoring.tasks import answer_reminders_task
from notifications.models import Delivery, Preference
from notifications.tasks import notification_weekly_digests_task
from peers import services as peer_services
from support.models import SupportRequest
from support.services.requests import support_note_add, support_request_create, support_request_transition
from tests.factories import ActionPlanFactory, CommitmentFactory, MemberFactory, UserFactory
from tests.factories.accounts import OrganisationFactory
from tests.factories.support import RepresentativeFactory, ServiceOfferFactory


def send_support_emails() -> None:
    """A point of contact asks the support unit; its representative accepts, then writes a note."""
    member = MemberFactory(name="Sekondi-Takoradi")
    contact = UserFactory(point_of_contact_of=member)
    representative = RepresentativeFactory(member=member).user
    request = support_request_create(
        member=member,
        service=ServiceOfferFactory(drafting=True),
        requester=contact,
        description="Help us turn the forum's proposals into measurable commitments.",
    )  # request_acknowledged to the point of contact, request_received to the representative
    support_request_transition(
        request=request,
        to_status=SupportRequest.Status.ACCEPTED,
        actor=representative,
        due_date=timezone.localdate() + timedelta(days=21),
    )  # request_status
    support_note_add(request=request, author=representative, body="Could we meet on Tuesday?")  # request_note


def send_peer_emails() -> None:
    """A member's point of contact asks another member's for an exchange, which accepts it."""
    asked, asking = MemberFactory(name="Madrid"), MemberFactory(name="Paris")
    theirs = CommitmentFactory(action_plan=ActionPlanFactory(member=asked), title="Open contracting")
    asked_contact = UserFactory(point_of_contact_of=asked)
    exchange = peer_services.exchange_request_create(
        commitment=theirs, requester=UserFactory(point_of_contact_of=asking), message="How did you publish tenders?"
    )  # exchange_requested
    peer_services.exchange_answer(
        exchange=exchange, user=asked_contact, accept=True, answer="Gladly: write to Ana."
    )  # exchange_answered


def send_cycle_emails() -> None:
    """The point of contact is reminded of the end of the plan, 30 days ahead (the daily task's reminders)."""
    member = MemberFactory(name="Brittany", slug="bretagne", kind="local")
    ActionPlanFactory(
        member=member, number=1, start_date=date(2025, 1, 1), end_date=date(2026, 12, 31), implementing=True
    )
    member_cycle_refresh(member=member, today=date(2026, 12, 1))
    UserFactory(point_of_contact_of=member)
    assert cycle_reminders_send(today=date(2026, 12, 1)) == 1  # step_reminder


def send_monitoring_emails() -> None:
    """A participant files a report; its answer falls due, the point of contact is reminded, then answers."""
    plan = ActionPlanFactory(implementing=True)
    commitment = CommitmentFactory(action_plan=plan, number="1", title="Open the district budgets")
    contact = UserFactory(point_of_contact_of=plan.member)
    report = report_create(
        commitment=commitment,
        author=UserFactory(full_name="Amina Bello"),
        finding=Finding.DELAYED,
        text="Contracts signed since July are not published yet.",
        submit=True,
    )  # report_submitted to the point of contact
    MonitoringReport.objects.filter(pk=report.pk).update(response_due_on=timezone.localdate() + timedelta(days=3))
    assert answer_reminders_task() == 1  # answer_reminder
    report_answer(report=report, user=contact, kind="disputed", text="They are on the new portal.")  # answer_published


def send_digest_emails() -> None:
    """A person who chose a weekly digest of the decisions on their memberships gets the week's digest."""
    organisation = OrganisationFactory(name="Open Kaduna")
    confirmed = UserFactory(member_of=organisation)
    applicant = UserFactory()
    Preference.objects.create(user=applicant, kind=MEMBERSHIP_DECISION, email=Delivery.WEEKLY)
    ogp_services.organisation_membership_request(user=applicant, organisation=organisation)  # to `confirmed`
    ogp_services.organisation_membership_confirm(member=applicant, by=confirmed)  # kept for the digest
    assert notification_weekly_digests_task() == 1  # digest


def send_app_emails() -> None:
    """Every scenario above: 12 e-mails."""
    send_support_emails()  # 4
    send_peer_emails()  # 2
    send_cycle_emails()  # 1
    send_monitoring_emails()  # 3
    send_digest_emails()  # 2: the membership request, then the digest
