"""Image attachments: checked by their size in pixels from the header, then stored again without metadata."""

import io
import warnings
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

IMAGE_FORMATS = {
    "PNG": ("image/png", ".png"),
    "JPEG": ("image/jpeg", ".jpg"),
    "GIF": ("image/gif", ".gif"),
    "WEBP": ("image/webp", ".webp"),
}
# What an image keeps of its metadata when stored again: how to draw it, nothing about who, where or how.
KEPT_IMAGE_INFO = {"icc_profile", "transparency", "dpi", "background", "loop", "duration"}


def open_image(upload: UploadedFile) -> Image.Image | None:
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


def clean_image(upload: UploadedFile, image: Image.Image) -> ContentFile:
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


def check_image(upload: UploadedFile) -> tuple[str, ContentFile] | None:
    """(format, cleaned content) of an image within the pixel limit; None when it is no image."""
    image = open_image(upload)
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
        return image.format, clean_image(upload, image)


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
    image = open_image(upload)
    if image is None:
        return False
    with image:
        if not (set(image.info) - FORMAT_INFO) and not image.getexif():
            return False
        cleaned = clean_image(upload, image)
    stored = storage.save(attachment.file.field.generate_filename(attachment, Path(name).name), cleaned)
    try:
        type(attachment).objects.filter(pk=attachment.pk).update(file=stored, size=cleaned.size)
    except Exception:
        storage.delete(stored)
        raise
    transaction.on_commit(lambda: storage.delete(name))
    return True
