"""Attachments are recognised from their content, not from their name or declared type."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from consultations.uploads import check_attachment, check_attachments
from tests.consultations.files import MINIMAL_PDF, fake_pdf_upload, pdf_upload, png_bytes, png_upload


def test_a_real_pdf_and_a_real_image_pass():
    assert check_attachment(pdf_upload()).content_type == "application/pdf"
    checked = check_attachment(png_upload("My photo!.PNG"))
    assert checked.content_type == "image/png" and checked.name == "My_photo.png"


def test_the_extension_follows_the_content():
    """An image sent as .pdf is stored as what it is."""
    checked = check_attachment(SimpleUploadedFile("scan.pdf", png_bytes(), content_type="application/pdf"))
    assert checked.content_type == "image/png" and checked.name == "scan.png"


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (fake_pdf_upload(), "neither a PDF document nor an image"),
        (SimpleUploadedFile("fake.pdf", b"%PDF-1.7\n<script>alert(1)</script>"), "not a valid PDF"),
        (SimpleUploadedFile("page.png", b"<html><body>hi</body></html>", content_type="image/png"), "neither a PDF"),
        (SimpleUploadedFile("empty.pdf", b""), "is empty"),
        (SimpleUploadedFile("run.exe", b"MZ\x90\x00" + b"\x00" * 100), "neither a PDF"),
    ],
)
def test_impostors_are_refused_with_a_clear_message(upload, message):
    with pytest.raises(ValidationError, match=message):
        check_attachment(upload)


def test_oversized_files_are_refused(settings):
    settings.CONSULTATION_ATTACHMENT_MAX_BYTES = 1000
    big = SimpleUploadedFile("big.pdf", MINIMAL_PDF + b" " * 2000)
    with pytest.raises(ValidationError, match="limited to 1000"):
        check_attachment(big)


def test_every_problem_is_reported_at_once():
    with pytest.raises(ValidationError) as error:
        check_attachments([fake_pdf_upload("a.pdf"), pdf_upload(), fake_pdf_upload("b.pdf")])
    messages = error.value.message_dict["attachments"]
    assert len(messages) == 2 and "a.pdf" in messages[0] and "b.pdf" in messages[1]


def test_a_file_name_made_only_of_symbols_gets_a_plain_name():
    assert check_attachment(pdf_upload("???.pdf")).name == "attachment.pdf"
