"""Files for upload tests: a real (minimal) PDF, a real PNG, and impostors."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
    b"2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n"
)


def pdf_upload(name="evidence.pdf", content=MINIMAL_PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def png_bytes(size=(20, 10)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


def png_upload(name="photo.png", size=(20, 10)) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, png_bytes(size), content_type="image/png")


def fake_pdf_upload(name="report.pdf") -> SimpleUploadedFile:
    """A script renamed .pdf and sent as application/pdf."""
    return SimpleUploadedFile(name, b"<script>alert(1)</script>", content_type="application/pdf")
