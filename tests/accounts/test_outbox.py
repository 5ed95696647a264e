"""The e-mail outbox: stored with the change, sent once, retried when the server or broker fails."""

import re
from pathlib import Path
from unittest import mock

import pytest
from django.utils import timezone

from common.models import OutgoingEmail
from common.outbox import EMAIL_MAX_ATTEMPTS, email_enqueue, email_outbox_sweep, email_send
from common.tasks import email_send_task

pytestmark = pytest.mark.django_db


def test_an_email_is_sent_after_commit_and_only_once(mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        email = email_enqueue(to=["a@example.org"], subject="Hello", body_text="Body", body_html="<p>Body</p>")
    assert len(mailoutbox) == 1
    assert mailoutbox[0].alternatives[0][1] == "text/html"
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT and email.sent_at is not None
    email_send(email_id=email.pk)  # a duplicate delivery of the task
    assert len(mailoutbox) == 1


def test_nothing_is_sent_when_the_transaction_rolls_back(mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        email_enqueue(to=["a@example.org"], subject="Hello", body_text="Body")
    assert len(callbacks) == 1 and not mailoutbox  # queued only on commit


def test_a_mail_server_failure_keeps_the_email_pending_then_marks_it_failed(mailoutbox):
    email = OutgoingEmail.objects.create(to=["a@example.org"], subject="S", body_text="B")
    with mock.patch("django.core.mail.EmailMultiAlternatives.send", side_effect=ConnectionRefusedError("down")):
        for attempt in range(1, EMAIL_MAX_ATTEMPTS + 1):
            with pytest.raises(OSError):
                email_send(email_id=email.pk)
            email.refresh_from_db()
            assert email.attempts == attempt and "down" in email.last_error
    assert email.status == OutgoingEmail.Status.FAILED and not mailoutbox


def test_the_eager_task_does_not_fail_the_request_when_mail_is_down():
    email = OutgoingEmail.objects.create(to=["a@example.org"], subject="S", body_text="B")
    with mock.patch("django.core.mail.EmailMultiAlternatives.send", side_effect=ConnectionRefusedError("down")):
        assert email_send_task.delay(email.pk).get() == "pending"
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.PENDING


def test_a_broker_outage_does_not_lose_the_email(mailoutbox, django_capture_on_commit_callbacks):
    """The request still succeeds; the sweep sends the e-mail once the broker is back."""
    broker_down = mock.patch.object(email_send_task, "delay", side_effect=ConnectionError("broker down"))
    with broker_down, django_capture_on_commit_callbacks(execute=True):
        email = email_enqueue(to=["a@example.org"], subject="Queued later", body_text="B")
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.PENDING and not mailoutbox
    OutgoingEmail.objects.filter(pk=email.pk).update(created_at=timezone.now() - timezone.timedelta(minutes=10))
    assert email_outbox_sweep() == 1
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT and len(mailoutbox) == 1
    assert email_outbox_sweep() == 0


def test_a_message_that_can_never_be_sent_is_marked_failed_with_its_error_and_not_swept_again(mailoutbox):
    """A malformed message (a line break in a header) fails once, for good: counted, explained, left alone."""
    email = OutgoingEmail.objects.create(to=["a@example.org\r\nBcc: b@example.org"], subject="S", body_text="B")
    OutgoingEmail.objects.filter(pk=email.pk).update(created_at=timezone.now() - timezone.timedelta(minutes=10))
    assert email_send_task.delay(email.pk).get() == "failed"
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.FAILED and email.attempts == 1
    assert "newline" in email.last_error.lower() and not mailoutbox
    assert email_outbox_sweep() == 0


def test_an_unexpected_error_is_counted_and_ends_in_failure_after_the_last_attempt(mailoutbox):
    email = OutgoingEmail.objects.create(to=["a@example.org"], subject="S", body_text="B")
    with mock.patch("django.core.mail.EmailMultiAlternatives.send", side_effect=RuntimeError("template bug")):
        for attempt in range(1, EMAIL_MAX_ATTEMPTS + 1):
            with pytest.raises(RuntimeError):
                email_send(email_id=email.pk)
            email.refresh_from_db()
            assert email.attempts == attempt and "template bug" in email.last_error
    assert email.status == OutgoingEmail.Status.FAILED and not mailoutbox


@pytest.mark.parametrize("subject", ["Line one\r\nLine two", "Line one\rLine two", "Line one\u2028 Line\ttwo "])
def test_a_subject_is_written_on_one_line(subject, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        email = email_enqueue(to=["a@example.org"], subject=subject, body_text="B")
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT
    assert mailoutbox[0].subject == "Line one Line two"


def test_a_notification_to_a_user_is_written_in_their_language_with_the_portals_prefix(settings):
    """email_to_user, the one helper behind the memberships' and the consultations' e-mails."""
    from django.utils import translation
    from django.utils.translation import gettext_lazy

    from accounts.services import email_to_user
    from tests.factories import OrganisationFactory, UserFactory

    settings.ACCOUNT_EMAIL_SUBJECT_PREFIX = "[OGP] "
    user = UserFactory(full_name="Amina Bello", language="fr")
    organisation = OrganisationFactory(name="Open Kaduna")
    with translation.override("en"):
        email = email_to_user(
            user=user,
            template="account/emails/membership_confirmed",
            subject=gettext_lazy("You now speak for %(name)s"),
            context={"organisation": organisation, "requests_url": "https://example.org/"},
            subject_args={"name": organisation.name},
        )
    with translation.override("fr"):
        assert email.subject == "[OGP] " + gettext_lazy("You now speak for %(name)s") % {"name": "Open Kaduna"}
    assert email.subject != "[OGP] You now speak for Open Kaduna"
    assert email.to == [user.email] and email.body_text.startswith("Bonjour Amina,") and email.body_html


# Django's ways of sending an e-mail at once, bypassing the outbox (a definition, `def send_mail(`, is fine).
DIRECT_SENDING = re.compile(
    r"(?<!def )\b(send_mail|send_mass_mail|mail_admins|mail_managers|EmailMessage|EmailMultiAlternatives"
    r"|(?<!transaction\.)get_connection)\("
)


@pytest.mark.django_db(False)
def test_no_code_sends_an_email_but_the_outbox(settings):
    """Every e-mail is an outbox row written by `email_enqueue` in the transaction of its cause; only the
    outbox's sender (`email_send`) builds and sends a message. allauth's e-mails come in through the
    account adapter's `send_mail`, which enqueues them."""
    packages = [p for p in Path(settings.BASE_DIR).iterdir() if (p / "__init__.py").exists()]
    offenders = []
    for package in packages:
        if package.name in {"tests", "bench"}:
            continue
        for path in package.rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            if "def email_send(" in text:  # the outbox itself
                continue
            offenders += [f"{path.relative_to(settings.BASE_DIR)}: {m.group(1)}" for m in DIRECT_SENDING.finditer(text)]
    assert packages and offenders == []
