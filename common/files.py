"""Private files: stored under unguessable names, served only by a view that has checked the permission.

Nothing under MEDIA_ROOT is published by the web server. A view hands the file over with
`private_file_response`: behind nginx (PRIVATE_FILES_ACCEL_PREFIX set) Django answers with an
X-Accel-Redirect to nginx's `internal` location, which streams the file; otherwise Django streams it.
"""

import secrets
from urllib.parse import quote

from django.conf import settings
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404, HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header


def new_file_token() -> str:
    """A random folder name (128 bits) that makes a stored file's path impossible to guess."""
    return secrets.token_hex(16)


def private_file_response(
    field_file: FieldFile, *, content_type: str, filename: str | None = None, as_attachment: bool = False
) -> HttpResponse:
    """The stored file as a response (404 when it is missing); never cached by shared caches."""
    if not field_file:
        raise Http404
    filename = filename or field_file.name.rsplit("/", 1)[-1]
    prefix = getattr(settings, "PRIVATE_FILES_ACCEL_PREFIX", "")
    if prefix:
        if not field_file.storage.exists(field_file.name):
            raise Http404
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = prefix.rstrip("/") + "/" + quote(field_file.name)
        response["Content-Disposition"] = content_disposition_header(as_attachment, filename)
    else:
        try:
            handle = field_file.open("rb")
        except FileNotFoundError as exc:
            raise Http404 from exc
        response = FileResponse(handle, as_attachment=as_attachment, filename=filename, content_type=content_type)
    patch_cache_control(response, private=True, no_cache=True)
    return response
