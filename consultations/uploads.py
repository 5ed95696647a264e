"""Attachments: PDF documents and images only, recognised from their content, within a size limit and a quota.

PDF documents are parsed; images are checked by their size in pixels, then stored without their metadata.
"""

import io
import re
import warnings
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation, ValidationError
from django.core.files.base import ContentFile, File
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Sum
from django.template.defaultfilters import filesizeformat
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

IMAGE_FORMATS = {
    "PNG": ("image/png", ".png"),
    "JPEG": ("image/jpeg", ".jpg"),
    "GIF": ("image/gif", ".gif"),
    "WEBP": ("image/webp", ".webp"),
}
# What an image keeps of its metadata when stored again: how to draw it, nothing about who, where or how.
KEPT_IMAGE_INFO = {"icc_profile", "transparency", "dpi", "background", "loop", "duration"}
# Names that only scripts, actions and attached files use in a PDF; found anywhere in the raw bytes, the file
# is refused. An extra only: names written with #xx escapes and objects in compressed streams escape it, so the
# parsed document's actions are checked too (`_pdf_runs_actions`).
ACTIVE_PDF_MARKERS = re.compile(rb"/(JavaScript|JS[\s(<\[]|EmbeddedFile|Launch|RichMedia)")
# Actions a document may not carry: scripts, programs, rich media, forms that send or load data.
REFUSED_PDF_ACTIONS = {"/JavaScript", "/Launch", "/RichMediaExecute", "/SubmitForm", "/ImportData"}


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


def _resolve(value):
    return value.get_object() if isinstance(value, IndirectObject) else value


def _values(value) -> list:
    """The entries of a dictionary (an /AA) or of an array (/Annots, /Kids), resolved; [] for anything else."""
    value = _resolve(value)
    if isinstance(value, DictionaryObject):
        return [_resolve(item) for item in value.values()]
    if isinstance(value, ArrayObject):
        return [_resolve(item) for item in value]
    return []


def _refused_action(action, seen: set) -> bool:
    """Whether the action, or one chained after it by /Next, is one a document may not carry (or has a
    script, as a rendition's /JS). Names are decoded by the parser: /J#61vaScript is /JavaScript."""
    pending = [action]
    while pending:
        item = pending.pop()
        if isinstance(item, IndirectObject):
            if (item.idnum, item.generation) in seen:  # a /Next chain that loops
                continue
            seen.add((item.idnum, item.generation))
            item = item.get_object()
        if not isinstance(item, DictionaryObject):
            continue
        if _resolve(item.get("/S")) in REFUSED_PDF_ACTIONS or "/JS" in item:
            return True
        following = item.get("/Next")
        pending.extend(_resolve(following) if isinstance(_resolve(following), ArrayObject) else [following])
    return False


def _tree(root, children: tuple[str, ...]) -> list[DictionaryObject]:
    """Every dictionary reached from root through the given keys (field /Kids, outline /First and /Next)."""
    found, pending, seen = [], [root], set()
    while pending:
        item = pending.pop()
        if isinstance(item, IndirectObject):
            if (item.idnum, item.generation) in seen:
                continue
            seen.add((item.idnum, item.generation))
            item = item.get_object()
        if isinstance(item, ArrayObject):
            pending.extend(item)
        elif isinstance(item, DictionaryObject):
            found.append(item)
            pending.extend(item[key] for key in children if key in item)
    return found


def _pdf_runs_actions(reader: PdfReader) -> bool:
    """Whether the document has a script, an attached file or a refused action anywhere a reader runs one: the
    catalog (opening action, document actions, names), each page's actions, its annotations' actions (links,
    widgets), the form fields' actions and the outline's entries."""
    catalog = reader.trailer["/Root"]
    names = _resolve(catalog.get("/Names"))
    if isinstance(names, DictionaryObject) and ("/JavaScript" in names or "/EmbeddedFiles" in names):
        return True
    holders = [catalog]  # dictionaries whose /A and /AA are actions
    for page in reader.pages:
        holders.append(page)
        holders.extend(annotation for annotation in _values(page.get("/Annots")) if isinstance(annotation, dict))
    form = _resolve(catalog.get("/AcroForm"))
    if isinstance(form, DictionaryObject):
        holders.extend(_tree(form.get("/Fields"), ("/Kids",)))
    outlines = _resolve(catalog.get("/Outlines"))
    if isinstance(outlines, DictionaryObject):
        holders.extend(_tree(outlines.get("/First"), ("/First", "/Next")))
    actions = [catalog.get("/OpenAction")]
    for holder in holders:
        actions.append(holder.get("/A"))
        actions.extend(_values(holder.get("/AA")))
    seen: set = set()
    return any(_refused_action(action, seen) for action in actions)


def _pdf_problem(upload: UploadedFile) -> str | None:
    """Why the PDF cannot be attached (it does not parse, has no page, is encrypted, carries scripts or
    files), or None. The document is parsed for real: a header and an end marker prove nothing."""
    upload.seek(0)
    if ACTIVE_PDF_MARKERS.search(upload.read()):
        return _("“%(name)s” contains scripts or embedded files, which attachments may not carry.")
    upload.seek(0)
    try:
        reader = PdfReader(upload, strict=False)
        if reader.is_encrypted:
            return _("“%(name)s” is protected by a password or encrypted: attach a version that opens freely.")
        pages = len(reader.pages)
        active = _pdf_runs_actions(reader)
    except Exception:  # noqa: BLE001 - a hostile file may break the parser in any way: it is not a PDF we can show
        return _("“%(name)s” is not a valid PDF document.")
    if active:
        return _("“%(name)s” contains scripts or embedded files, which attachments may not carry.")
    if not pages:
        return _("“%(name)s” is a PDF document without any page.")
    return None


def _open_image(upload: UploadedFile) -> Image.Image | None:
    """The image, opened from its header only (no pixel decoded yet), or None when it is no known image."""
    upload.seek(0)
    try:
        with warnings.catch_warnings():  # the pixel limit is checked right after, below Pillow's warning
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(upload)
    except Image.DecompressionBombError:  # Pillow's own guard, far above the portal's limit
        raise ValidationError(
            _("“%(name)s” is an image of too many pixels; images are limited to %(limit)s megapixels.")
            % {"name": upload.name, "limit": settings.CONSULTATION_IMAGE_MAX_PIXELS // 1_000_000}
        ) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return None
    if image.format not in IMAGE_FORMATS:
        image.close()
        return None
    return image


def _clean_image(upload: UploadedFile, image: Image.Image) -> ContentFile:
    """The image decoded and encoded again, turned upright, without its metadata (EXIF with GPS, XMP, comments,
    PNG text chunks): what a camera or an editor wrote about the picture is not published with it."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            if getattr(image, "n_frames", 1) > 1:  # animations are kept as they are drawn, frame by frame
                pictures = [frame.copy() for frame in ImageSequence.Iterator(image)]
            else:
                pictures = [ImageOps.exif_transpose(image)]
    except (Image.DecompressionBombWarning, Image.DecompressionBombError, OSError, SyntaxError, ValueError):
        raise ValidationError(_("“%(name)s” could not be read as an image.") % {"name": upload.name}) from None
    durations = [picture.info.get("duration", 100) for picture in pictures]
    for picture in pictures:
        picture.info = {key: value for key, value in picture.info.items() if key in KEPT_IMAGE_INFO}
    first, *others = pictures
    output = io.BytesIO()
    options = {"format": image.format}
    if image.format == "JPEG":
        options["quality"] = 90
    if others:
        options.update(save_all=True, append_images=others, loop=image.info.get("loop", 0), duration=durations)
    first.save(output, **options)
    return ContentFile(output.getvalue())


def _check_image(upload: UploadedFile) -> tuple[str, ContentFile] | None:
    """(format, cleaned content) of an image within the pixel limit; None when it is no image."""
    image = _open_image(upload)
    if image is None:
        return None
    with image:
        limit = settings.CONSULTATION_IMAGE_MAX_PIXELS
        sizes = {"name": upload.name, "width": image.width, "height": image.height, "limit": limit // 1_000_000}
        if image.width * image.height > limit:
            raise ValidationError(
                _("“%(name)s” is %(width)d × %(height)d pixels; images are limited to %(limit)s megapixels.") % sizes
            )
        frames = getattr(image, "n_frames", 1)
        if image.width * image.height * frames > limit:
            raise ValidationError(
                _(
                    "“%(name)s” is an animation of %(frames)d images of %(width)d × %(height)d pixels; "
                    "images are limited to %(limit)s megapixels in all."
                )
                % {**sizes, "frames": frames}
            )
        return image.format, _clean_image(upload, image)


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
        problem = _pdf_problem(upload)
        if problem:
            raise ValidationError(problem % {"name": upload.name})
        content_type, extension, content = "application/pdf", ".pdf", upload
    else:
        checked_image = _check_image(upload)
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
    """A participant's stored attachments stay within UPLOAD_QUOTA_BYTES_PER_USER, all proposals together.

    The user's row is locked so that two uploads sent at once cannot both squeeze under the quota.
    `freed`: bytes of the user's attachments that the same change removes.
    """
    from accounts.models import User
    from consultations.models import ProposalAttachment

    incoming = sum(item.size for item in checked)
    if not incoming:
        return
    User.objects.select_for_update().filter(pk=user.pk).exists()
    stored = ProposalAttachment.objects.filter(proposal__author=user).aggregate(total=Sum("size"))["total"] or 0
    quota = settings.UPLOAD_QUOTA_BYTES_PER_USER
    if stored - freed + incoming > quota:
        raise ValidationError(
            {
                "attachments": _(
                    "Your attachments would take %(total)s; each participant may store at most %(quota)s. "
                    "Remove some attachments from your proposals first."
                )
                % {"total": filesizeformat(stored - freed + incoming), "quota": filesizeformat(quota)}
            },
            code="quota",
        )


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


# Information Pillow reads from an image's format itself, not written about the picture by a person or a device.
FORMAT_INFO = KEPT_IMAGE_INFO | {"jfif", "jfif_version", "jfif_unit", "jfif_density", "progressive", "progression"}


def attachment_strip_metadata(*, attachment) -> bool:
    """Store an image attachment saved before uploads were cleaned again, upright and without its metadata.

    True when the file changed; an image without metadata is left as it is, so running this twice changes
    nothing the second time. The cleaned image is saved under a new name first, the row then points to it
    and the old file is deleted last: a failed save leaves the original file and row as they were. The
    attachment's address (by its id) does not change; its recorded size follows.
    """
    if not attachment.content_type.startswith("image/"):
        return False
    storage, name = attachment.file.storage, attachment.file.name
    with storage.open(name, "rb") as handle:
        upload = File(io.BytesIO(handle.read()), name=attachment.original_name)
    image = _open_image(upload)
    if image is None:
        return False
    with image:
        if not (set(image.info) - FORMAT_INFO) and not image.getexif():
            return False
        cleaned = _clean_image(upload, image)
    stored = storage.save(attachment.file.field.generate_filename(attachment, Path(name).name), cleaned)
    try:
        type(attachment).objects.filter(pk=attachment.pk).update(file=stored, size=cleaned.size)
    except Exception:
        storage.delete(stored)
        raise
    transaction.on_commit(lambda: storage.delete(name))
    return True
