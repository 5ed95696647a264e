"""The e-mail outbox: the one way an e-mail leaves the portal.

An e-mail is an `OutgoingEmail` row written in the transaction of the change that causes it; `email_send_task`
(common/tasks.py) sends it once that transaction commits, and `email_outbox_sweep_task` queues again what a
broker or worker outage left pending.
"""

import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import BadHeaderError, EmailMessage, EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from common.models import OutgoingEmail
from common.queue import enqueue_on_commit, registered_task
from common.text import single_line

logger = logging.getLogger(__name__)

EMAIL_MAX_ATTEMPTS = 5
# The one task that sends an outbox e-mail, queued by name: the outbox never imports a tasks module.
EMAIL_SEND_TASK = "common.tasks.email_send_task"


def email_enqueue(*, to: list[str], subject: str, body_text: str, body_html: str = "") -> OutgoingEmail:
    """Store an e-mail in the outbox, in the caller's transaction: the one way an e-mail leaves the portal.

    `email_send_task` is queued once that transaction commits; a rollback leaves neither row nor message.
    """
    if not to:
        raise ValidationError(_("An e-mail needs at least one recipient."))
    email = OutgoingEmail.objects.create(
        to=list(to), subject=single_line(subject)[:998], body_text=body_text, body_html=body_html
    )
    enqueue_on_commit(EMAIL_SEND_TASK, email.pk)
    return email


def email_enqueue_message(message: EmailMessage) -> OutgoingEmail:
    """Put a rendered Django e-mail message (for instance from allauth) in the outbox."""
    html = ""
    if isinstance(message, EmailMultiAlternatives):
        html = next((content for content, mimetype in message.alternatives if mimetype == "text/html"), "")
    body_text = message.body
    if message.content_subtype == "html":
        body_text, html = "", message.body
    return email_enqueue(to=message.to, subject=message.subject, body_text=body_text, body_html=html)


def email_send(*, email_id: int) -> OutgoingEmail | None:
    """Send one outbox e-mail. Sending twice is a no-op: the row is locked and marked sent.

    Every attempt is counted and its error recorded. A mail server or network failure is raised again
    for the task to retry, until EMAIL_MAX_ATTEMPTS marks the e-mail failed; a message that can never be
    sent (a line break in a header, an address that cannot be encoded) is marked failed at once.
    """
    failure = None
    with transaction.atomic():
        email = OutgoingEmail.objects.select_for_update().filter(pk=email_id).first()
        if email is None or email.status != OutgoingEmail.Status.PENDING:
            return email
        email.attempts += 1
        try:
            message = EmailMultiAlternatives(subject=single_line(email.subject), body=email.body_text, to=email.to)
            if email.body_html:
                message.attach_alternative(email.body_html, "text/html")
            message.send()
        except (BadHeaderError, ValueError) as exc:  # the message itself is malformed: no retry can help
            email.status = OutgoingEmail.Status.FAILED
            email.last_error = f"{type(exc).__name__}: {exc}"[:2000]
            email.save(update_fields=["attempts", "last_error", "status"])
            logger.error("E-mail %s cannot be sent: %s", email.pk, exc)
        except Exception as exc:  # SMTP and network errors (OSError), or anything unforeseen: retried
            failure = exc
            email.last_error = f"{type(exc).__name__}: {exc}"[:2000]
            if email.attempts >= EMAIL_MAX_ATTEMPTS:
                email.status = OutgoingEmail.Status.FAILED
            email.save(update_fields=["attempts", "last_error", "status"])
        else:
            email.status = OutgoingEmail.Status.SENT
            email.sent_at = timezone.now()
            email.save(update_fields=["attempts", "status", "sent_at"])
    if failure is not None:
        logger.warning("E-mail %s not sent (attempt %s): %s", email.pk, email.attempts, failure)
        raise failure
    return email


def email_outbox_sweep(*, older_than_seconds: int | None = None) -> int:
    """Queue again the e-mails still pending after a while (broker was down, worker died)."""
    if older_than_seconds is None:
        older_than_seconds = settings.EMAIL_OUTBOX_SWEEP_SECONDS
    cutoff = timezone.now() - timezone.timedelta(seconds=older_than_seconds)
    ids = list(
        OutgoingEmail.objects.filter(status=OutgoingEmail.Status.PENDING, created_at__lt=cutoff).values_list(
            "pk", flat=True
        )[:1000]
    )
    send = registered_task(EMAIL_SEND_TASK)
    for pk in ids:
        send.delay(pk)
    return len(ids)
