"""Every e-mail names the portal and links to its public address (SITE_URL), never to example.com.

The e-mail templates are found on disk (the portal's own and those of installed apps such as allauth),
and the test checks that each one was rendered by the code that sends it: a new template is covered
as soon as it exists, and fails here until a scenario below sends it.
"""

import re
from datetime import timedelta
from pathlib import Path
from unittest import mock
from urllib.parse import unquote, urlsplit

import pytest
from allauth.account.adapter import get_adapter
from allauth.core.context import request_context
from django.apps import apps
from django.conf import settings
from django.contrib.sites.models import Site
from django.core.cache import cache
from django.test import RequestFactory
from django.test.signals import template_rendered
from django.urls import resolve, reverse
from django.utils import timezone

from accounts import services as ogp_services
from consultations import services as consultation_services
from irm_reports.models import Report
from tests.accounts.email_scenarios_apps import send_app_emails
from tests.accounts.email_scenarios_more import send_more_emails
from tests.factories import UserFactory
from tests.factories.accounts import DEFAULT_PASSWORD, OrganisationFactory
from tests.factories.consultations import ConsultationFactory, ProposalFactory
from tests.factories.irm_reports import complete_results_report, render_now

pytestmark = pytest.mark.django_db

SITE_URL = "https://pgo.portal.test"
SITE_NAME = "Portail du gouvernement ouvert"
PASSWORD = "a-strong-passphrase-42"
LINK = re.compile(r"""https?://[^\s"'<>]+""")
HREF = re.compile(r"""href=["']([^"']*)["']""")


def email_templates() -> set[str]:
    """Every e-mail template of the portal and of its installed apps (`<app>/email/…`, `<app>/emails/…`)."""
    labels = {app.label for app in apps.get_app_configs()}
    roots = [Path(folder) for folder in settings.TEMPLATES[0]["DIRS"]]
    roots += [Path(app.path) / "templates" for app in apps.get_app_configs()]
    found = set()
    for root in roots:
        for pattern in ("*/email/*", "*/emails/*"):
            for path in root.glob(pattern):
                name = path.relative_to(root).as_posix()
                if path.is_file() and name.split("/")[0] in labels:
                    found.add(name)
    return found


@pytest.fixture
def portal(settings):
    settings.SITE_URL = SITE_URL
    settings.SITE_NAME = SITE_NAME
    settings.ACCOUNT_EMAIL_NOTIFICATIONS = True  # allauth's security notices, off by default: covered too


@pytest.fixture
def rendered():
    names = set()

    def record(sender, template, context, **kwargs):
        names.add(template.name)

    template_rendered.connect(record)
    yield names
    template_rendered.disconnect(record)


def _signup(client, email):
    data = {"email": email, "password1": PASSWORD, "password2": PASSWORD, "full_name": "Léa Martin"}
    return client.post(reverse("account_signup"), data)


def send_account_emails(client):
    """allauth's e-mails: through the web flows where the portal uses them, through the adapter otherwise."""
    registered = UserFactory(email="amina@example.org")
    _signup(client, "lea@example.org")  # email_confirmation_signup
    cache.clear()  # allauth allows one confirmation e-mail per address every few minutes
    client.post(reverse("account_login"), {"login": "lea@example.org", "password": PASSWORD})  # email_confirmation
    _signup(client, "amina@example.org")  # account_already_exists
    client.post(reverse("account_reset_password"), {"email": "amina@example.org"})  # password_reset_key
    client.post(reverse("account_reset_password"), {"email": "nobody@example.org"})  # unknown_account
    client.force_login(registered)
    client.post(
        reverse("account_change_password"),
        {"oldpassword": DEFAULT_PASSWORD, "password1": PASSWORD, "password2": PASSWORD},
    )  # password_changed
    request = RequestFactory().get("/", REMOTE_ADDR="203.0.113.9", HTTP_USER_AGENT="Firefox")
    with request_context(request):
        adapter = get_adapter(request)
        for name, context in {
            "password_reset": {},
            "password_set": {},
            "email_confirm": {},
            "email_changed": {"from_email": "old@example.org", "to_email": "amina@example.org"},
            "email_deleted": {"deleted_email": "old@example.org"},
        }.items():
            adapter.send_notification_mail(f"account/email/{name}", registered, context)
        for name in ("login_code", "password_reset_code"):
            adapter.send_mail(f"account/email/{name}", registered.email, {"code": "K7Q2M4", "user": registered})


def send_consultation_emails():
    proposal = ProposalFactory(title="Publish district agendas in advance")
    consultation_services.response_save(proposal=proposal, outcome="accepted", reasons="Yes.", publish=True)
    closed = ConsultationFactory(closed=True, action_plan=proposal.consultation.action_plan)
    closed.response_due_on = timezone.localdate() + timedelta(days=2)
    closed.save()
    ProposalFactory(consultation=closed)
    UserFactory(point_of_contact_of=closed.action_plan.member)
    consultation_services.response_reminders_send()


def send_report_emails():
    researcher = UserFactory(researcher=True)
    assert render_now(complete_results_report(commitments=1), researcher).status == Report.Status.READY
    with mock.patch("irm_reports.pdf.report_pdf", side_effect=RuntimeError("broken layout")):
        assert render_now(complete_results_report(commitments=1), researcher).status == Report.Status.FAILED


def send_membership_emails():
    organisation = OrganisationFactory(name="Vecinos de Lavapiés")
    member = UserFactory(member_of=organisation)
    confirmed, refused = UserFactory(), UserFactory()
    ogp_services.organisation_membership_request(user=confirmed, organisation=organisation)  # requested
    ogp_services.organisation_membership_confirm(member=confirmed, by=member)  # confirmed
    ogp_services.organisation_membership_request(user=refused, organisation=organisation)  # requested
    ogp_services.organisation_membership_refuse(member=refused, by=member)  # refused


def send_grant_emails():
    from grants import services as grant_services
    from tests.factories.grants import GrantApplicationFactory, ReviewFactory

    organisation = OrganisationFactory(name="Red Ciudadana")
    applicant = UserFactory(member_of=organisation)
    draft = GrantApplicationFactory(organisation=organisation, applicant=applicant)
    grant_services.application_submit(application=draft)  # application_submitted
    ReviewFactory(application=draft)
    ReviewFactory(application=draft)
    grant_services.application_decide(
        application=draft, decided_by=UserFactory(staff=True), decision="reject", reasons="Budget too thin."
    )  # application_decided


def _links(message) -> list[str]:
    html = "".join(content for content, mimetype in getattr(message, "alternatives", []) if mimetype == "text/html")
    if message.content_subtype == "html":
        html += message.body
    return LINK.findall(f"{message.subject}\n{message.body}\n{html}") + HREF.findall(html)


def test_every_email_names_the_portal_and_links_only_to_its_public_address(
    portal, rendered, client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send_account_emails(client)
        send_consultation_emails()
        send_report_emails()
        send_membership_emails()
        send_grant_emails()
        send_app_emails()
        send_more_emails()

    missing = {name for name in email_templates() if name not in rendered}
    # The base templates of allauth's e-mails are rendered through the e-mails that extend them.
    assert not missing, f"e-mail templates no scenario sent: {sorted(missing)}"
    # 13 from allauth, 2 from consultations, 2 from IRM reports, 5 about organisation memberships (the
    # second request reaches both confirmed members), 2 about a grant application, 12 from the apps of the cycle
    # (4 about an assistance request, 2 about a peer exchange, a step reminder, 3 about a monitoring report,
    # a membership request and a weekly digest), 10 from following, referrals and co-drafting (a follower's
    # progress, report, answer and overdue milestone; the report to the point of contact and its answer to the
    # author; the referral and its opinion; an amendment's decision and a reviewer's invitation)
    assert len(mailoutbox) == 46, [m.subject for m in mailoutbox]
    for message in mailoutbox:
        where = f"{message.subject!r} to {message.to}"
        text = "\n".join([message.subject, message.body, *(c for c, _m in getattr(message, "alternatives", []))])
        assert "example.com" not in text and "testserver" not in text, where
        assert "Hello from !" not in text and "Thank you for using !" not in text, where
        assert SITE_NAME in message.body, where
        assert all(SITE_NAME in content for content, _m in getattr(message, "alternatives", [])), where
        for link in _links(message):
            assert link == f"{SITE_URL}/" or link.startswith(f"{SITE_URL}/"), f"{link} in {where}"
            resolve(unquote(urlsplit(link).path))  # leads to a page of the portal


def test_the_site_row_follows_the_settings(settings):
    """allauth and the admin's "view on site" read the Site row: it says what the settings say."""
    from django.core.management import call_command

    settings.SITE_URL = "https://pgo.portal.test:8443"
    settings.SITE_NAME = SITE_NAME
    call_command("migrate", verbosity=0)
    site = Site.objects.get_current()
    assert (site.domain, site.name) == ("pgo.portal.test:8443", SITE_NAME)
