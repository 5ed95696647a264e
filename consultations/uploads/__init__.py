"""Attachments: PDF documents and images only, recognised from their content, within a size limit and a quota.

PDF documents are parsed (pdf.py); images are checked by their size in pixels, then stored without their
metadata (images.py).
"""

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation, ValidationError
from django.core.files.base import File
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from common import uploads as quota
from consultations.uploads.images import IMAGE_FORMATS, attachment_strip_metadata, check_image
from consultations.uploads.pdf import pdf_problem

__all__ = [
    "CheckedUpload",
    "attachment_strip_metadata",
    "check_attachment",
    "check_attachment_count",
    "check_attachments",
    "check_upload_quota",
]


@dataclass(frozen=True)
class CheckedUpload:
    upload: File
    name: str
    content_type: str
    size: int


def _safe_stem(name: str | None) -> str:
    try:
        return get_valid_filename(Path(name or "").stem)[:100]
    except SuspiciousFileOperation:  # nothing usable left of the name
        return ""


def check_attachment(upload: UploadedFile) -> CheckedUpload:
    """The upload's real type and a safe file name, or a ValidationError saying what is wrong with it.

    A PDF is stored as sent once parsed; an image is stored decoded again, upright and without metadata.
    """
    size = upload.size or 0
    limit = settings.CONSULTATION_ATTACHMENT_MAX_BYTES
    if size == 0:
        raise ValidationError(_("“%(name)s” is empty.") % {"name": upload.name})
    if size > limit:
        raise ValidationError(
            _("“%(name)s” is %(size)s; attachments are limited to %(limit)s.")
            % {"name": upload.name, "size": filesizeformat(size), "limit": filesizeformat(limit)}
        )
    upload.seek(0)
    if upload.read(1024).lstrip(b"\r\n\t ").startswith(b"%PDF-"):
        problem = pdf_problem(upload)
        if problem:
            raise ValidationError(problem % {"name": upload.name})
        content_type, extension, content = "application/pdf", ".pdf", upload
    else:
        checked_image = check_image(upload)
        if checked_image is None:
            raise ValidationError(
                _("“%(name)s” is neither a PDF document nor an image (PNG, JPEG, GIF, WebP): it cannot be attached.")
                % {"name": upload.name}
            )
        image_format, content = checked_image
        content_type, extension = IMAGE_FORMATS[image_format]
        size = content.size
    content.seek(0)
    return CheckedUpload(
        upload=content,
        name=f"{_safe_stem(upload.name) or 'attachment'}{extension}",
        content_type=content_type,
        size=size,
    )


def check_upload_quota(*, user, checked: list[CheckedUpload], freed: int = 0) -> None:
    """The person's files, all apps together, stay within UPLOAD_QUOTA_BYTES_PER_USER (common.uploads).

    `freed`: bytes of the person's files that the same change removes."""
    quota.check_upload_quota(user=user, incoming=sum(item.size for item in checked), freed=freed)


def check_attachment_count(*, count: int, already: int = 0) -> None:
    """A proposal has at most CONSULTATION_ATTACHMENT_MAX_COUNT attachments, `already` stored ones included."""
    limit = settings.CONSULTATION_ATTACHMENT_MAX_COUNT
    if already + count > limit:
        raise ValidationError(
            {"attachments": _("A proposal can have at most %(limit)d attachments.") % {"limit": limit}}
        )


def check_attachments(uploads, *, already: int = 0) -> list[CheckedUpload]:
    """Check every upload first, so that a bad one leaves nothing saved.

    Images are decoded here (seconds for a large one): call it before locking any row."""
    uploads = [u for u in uploads if u]
    check_attachment_count(count=len(uploads), already=already)
    errors, checked = [], []
    for upload in uploads:
        try:
            checked.append(check_attachment(upload))
        except ValidationError as error:
            errors.extend(error.messages)
    if errors:
        raise ValidationError({"attachments": errors})
    return checked
