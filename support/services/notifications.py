"""E-mails about assistance requests, each in its recipient's language, written with the change."""

from django.utils.translation import gettext_lazy as _

from accounts.services import email_to_user
from common.site import absolute_url
from support.models import SupportNote, SupportRequest


def _send(user, template: str, subject, request: SupportRequest, **context) -> None:
    if user is None or not user.is_active or not user.email:
        return
    email_to_user(
        user=user,
        template=f"support/emails/{template}",
        subject=subject,
        context={"request": request, "request_url": absolute_url(request.get_absolute_url()), **context},
        subject_args={"number": request.pk},
        kind="support.request",
        link=request.get_absolute_url(),
    )


def notify_request_received(request: SupportRequest) -> None:
    """The requester gets an acknowledgement; the member's representative, the request."""
    _send(request.requester, "request_acknowledged", _("Your assistance request #%(number)s was received"), request)
    if request.representative_id and request.representative_id != request.requester_id:
        _send(request.representative, "request_received", _("New assistance request #%(number)s"), request)


def notify_status_changed(request: SupportRequest) -> None:
    _send(request.requester, "request_status", _("Assistance request #%(number)s: new status"), request)


def notify_note(note: SupportNote) -> None:
    """A note goes to the other side: the support unit's to the requester, the member's to the representative."""
    request = note.request
    recipient = request.requester if note.author_id != request.requester_id else request.representative
    if recipient is not None and recipient.pk != note.author_id:
        _send(recipient, "request_note", _("New note on assistance request #%(number)s"), request, note=note)
