"""Assistance requests: asked by a member's team, answered by its support-unit representative.

received → accepted (with a due date) or declined (with a reason) → in progress → delivered (with an outcome).
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from commitments.models import Member
from common.cache import bump_content_version
from common.db import set_fields
from common.uploads import check_upload_quota
from consultations.uploads import CheckedUpload, check_attachments
from support.eligibility import may_request, speaks_for_civil_society_of
from support.models import Representative, ServiceOffer, SupportAttachment, SupportNote, SupportRequest
from support.services.notifications import notify_note, notify_request_received, notify_status_changed

Status = SupportRequest.Status


def _store_attachments(request: SupportRequest, user: User, checked: list[CheckedUpload]) -> None:
    """Files are written last, after every check has passed, so a refused change leaves no file behind."""
    for item in checked:
        attachment = SupportAttachment(
            request=request, uploaded_by=user, original_name=item.name, content_type=item.content_type, size=item.size
        )
        attachment.file.save(item.name, item.upload, save=False)
        attachment.save()


def support_request_create(
    *,
    member: Member,
    service: ServiceOffer,
    requester: User,
    description: str,
    wanted_by: date | None = None,
    is_public: bool = False,
    attachments=(),
) -> SupportRequest:
    """A request reaches the member's named representative; requester and representative are told by e-mail."""
    if not service.is_active:
        raise ValidationError({"service": _("This service is not offered at the moment.")})
    if not may_request(requester, member, service):
        raise ValidationError({"service": _("Only the member's point of contact may ask for this service.")})
    if wanted_by is not None and wanted_by < timezone.localdate():
        raise ValidationError({"wanted_by": _("The date is in the past.")})
    checked = check_attachments(attachments)  # before any lock: images are decoded here
    with transaction.atomic():
        representative = Representative.objects.filter(member=member).select_related("user").first()
        request = SupportRequest(member=member, service=service, requester=requester)
        if speaks_for_civil_society_of(requester, member) and not requester.is_point_of_contact:
            request.organisation = requester.confirmed_organisation
        request.representative = representative.user if representative else None
        set_fields(request, description=description, wanted_by=wanted_by, is_public=is_public)
        check_upload_quota(user=requester, incoming=sum(item.size for item in checked))
        request.full_clean()
        request.save()
        _store_attachments(request, requester, checked)
        notify_request_received(request)
    return request


@transaction.atomic
def support_request_transition(
    *,
    request: SupportRequest,
    to_status: str,
    actor: User,
    due_date: date | None = None,
    reason: str = "",
    outcome: str = "",
) -> SupportRequest:
    """Move a request one step; declining needs a reason, delivering an outcome. The requester is told."""
    request = SupportRequest.objects.select_for_update().get(pk=request.pk)
    if to_status not in request.next_statuses():
        raise ValidationError(
            _("A request cannot go from “%(from)s” to “%(to)s”.")
            % {"from": request.get_status_display(), "to": Status(to_status).label}
        )
    if to_status == Status.DECLINED and not reason.strip():
        raise ValidationError({"reason": _("Say why the request is declined.")})
    if to_status == Status.DELIVERED and not outcome.strip():
        raise ValidationError({"outcome": _("Record the outcome of the support delivered.")})
    now = timezone.now()
    request.status = to_status
    if to_status in (Status.ACCEPTED, Status.DECLINED):
        request.decided_at = now
    if to_status == Status.ACCEPTED and due_date is not None:
        request.due_date = due_date
    if to_status == Status.DECLINED:
        request.decline_reason = reason.strip()
    if to_status == Status.DELIVERED:
        request.delivered_at = now
        request.outcome = outcome.strip()
    if request.representative_id is None and actor.is_staff:
        request.representative = actor
    request.full_clean()
    request.save()
    notify_status_changed(request)
    if to_status == Status.DELIVERED and request.is_public:
        bump_content_version()  # the member's page lists it
    return request


def support_note_add(*, request: SupportRequest, author: User, body: str, attachments=()) -> SupportNote:
    """A note (and files) on a request still open; the other side is told by e-mail."""
    if not body.strip():
        raise ValidationError({"body": _("Write a note.")})
    checked = check_attachments(attachments, already=request.attachments.count())
    with transaction.atomic():
        request = SupportRequest.objects.select_for_update().get(pk=request.pk)
        if not request.is_open:
            raise ValidationError(_("This request is closed; notes can no longer be added."))
        check_upload_quota(user=author, incoming=sum(item.size for item in checked))
        note = SupportNote(request=request, author=author, body=body.strip())
        note.full_clean()
        note.save()
        _store_attachments(request, author, checked)
        notify_note(note)
    return note
