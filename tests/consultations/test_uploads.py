"""Attachments are recognised from their content, not from their name or declared type."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from pypdf import PdfWriter
from pypdf.generic import ArrayObject, NameObject, TextStringObject

from consultations.uploads import check_attachment, check_attachments
from tests.consultations.files import (
    MINIMAL_PDF,
    annotated_png,
    camera_jpeg,
    fake_pdf_upload,
    pdf_bytes,
    pdf_dict,
    pdf_upload,
    pdf_with_action,
    png_bytes,
    png_claiming,
    png_upload,
)


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


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"%PDF-1.7\n<html><script>alert(1)</script></html>\n%%EOF\n", "not a valid PDF"),
        (b"%PDF-1.4\n" + b"\x00" * 4000 + b"\n%%EOF", "not a valid PDF"),
        (pdf_bytes(pages=0), "without any page"),
        (pdf_bytes(password="secret"), "protected by a password"),
        (pdf_bytes(javascript=True), "scripts or embedded files"),
        (pdf_bytes(embedded=True), "scripts or embedded files"),
    ],
    ids=["html-between-markers", "garbage", "no-page", "encrypted", "javascript", "embedded-file"],
)
def test_a_pdf_is_parsed_and_refused_when_it_cannot_be_shown_safely(content, message):
    """Starting with %PDF- and ending with %%EOF is not enough: the document must parse, have a page,
    open without a password and carry no script nor attached file."""
    with pytest.raises(ValidationError, match=message):
        check_attachment(SimpleUploadedFile("evidence.pdf", content, content_type="application/pdf"))


@pytest.mark.parametrize("where", ["page", "link", "annotation", "next", "field", "outline"])
def test_a_script_anywhere_a_reader_runs_one_is_refused_even_with_escaped_names(where):
    """A script on a page, a link, an annotation, after another action, on a form field or a bookmark is
    refused, though its names are written /#4A#61… so that no raw byte spells /JavaScript."""
    content = pdf_with_action(where)
    assert b"JavaScript" not in content and b"/JS" not in content
    with pytest.raises(ValidationError, match="scripts or embedded files"):
        check_attachment(SimpleUploadedFile("evidence.pdf", content, content_type="application/pdf"))


@pytest.mark.parametrize("kind", ["/Launch", "/RichMediaExecute", "/SubmitForm", "/ImportData"])
@pytest.mark.parametrize("escaped", [True, False], ids=["escaped", "plain"])
def test_actions_that_run_programs_or_send_data_are_refused(kind, escaped):
    content = pdf_with_action("link", kind, escaped=escaped)
    with pytest.raises(ValidationError, match="scripts or embedded files"):
        check_attachment(SimpleUploadedFile("evidence.pdf", content, content_type="application/pdf"))


def test_a_pdf_with_links_bookmarks_and_a_form_is_accepted():
    """Web links, bookmarks and form fields without scripts are what reports have: they pass."""
    writer = PdfWriter()
    page = writer.add_blank_page(width=200, height=200)
    uri = pdf_dict({"/S": NameObject("/URI"), "/URI": TextStringObject("https://example.org")})
    writer.add_annotation(page, pdf_dict({"/Subtype": NameObject("/Link"), "/Rect": ArrayObject(), "/A": uri}))
    writer.add_outline_item(title="Start", page_number=0)
    field = writer._add_object(pdf_dict({"/FT": NameObject("/Tx"), "/T": TextStringObject("name")}))
    writer.root_object[NameObject("/AcroForm")] = pdf_dict({"/Fields": ArrayObject([field])})
    buffer = io.BytesIO()
    writer.write(buffer)
    assert check_attachment(SimpleUploadedFile("report.pdf", buffer.getvalue())).content_type == "application/pdf"


def test_a_pdf_of_several_pages_is_stored_as_sent():
    content = pdf_bytes(pages=3)
    checked = check_attachment(SimpleUploadedFile("plan.pdf", content))
    assert checked.content_type == "application/pdf" and checked.upload.read() == content


def test_an_image_claiming_144_megapixels_is_refused_from_its_header():
    """A 12,000 × 12,000 PNG is refused by its declared size, without decoding its pixels."""
    with pytest.raises(ValidationError, match="12000 × 12000 pixels; images are limited to 25 megapixels"):
        check_attachment(SimpleUploadedFile("bomb.png", png_claiming(12_000, 12_000)))


def test_an_image_beyond_pillow_s_own_bomb_guard_gets_the_same_clear_message():
    with pytest.raises(ValidationError, match="too many pixels; images are limited to 25 megapixels"):
        check_attachment(SimpleUploadedFile("bomb.png", png_claiming(30_000, 30_000)))


def test_the_pixel_limit_is_a_setting(settings):
    settings.CONSULTATION_IMAGE_MAX_PIXELS = 100
    with pytest.raises(ValidationError, match="20 × 10 pixels"):
        check_attachment(png_upload(size=(20, 10)))


def test_a_photo_is_stored_upright_without_its_exif_gps_or_xmp():
    """What the phone wrote (position, camera, XMP) is not published; the photo shows as it was taken."""
    checked = check_attachment(SimpleUploadedFile("holiday.jpg", camera_jpeg(size=(40, 20))))
    stored = checked.upload.read()
    with Image.open(io.BytesIO(stored)) as image:
        assert image.format == "JPEG" and image.size == (20, 40)  # turned by the orientation
        assert not image.getexif() and "xmp" not in image.info and "exif" not in image.info
    assert b"Madrid" not in stored and b"PhoneMaker" not in stored
    assert checked.size == len(stored)


def test_png_text_chunks_are_removed():
    stored = check_attachment(SimpleUploadedFile("map.png", annotated_png())).upload.read()
    with Image.open(io.BytesIO(stored)) as image:
        assert image.size == (20, 10) and not image.text
    assert b"Amina" not in stored and b"Calle Mayor" not in stored and b"GPS" not in stored


def test_an_animation_keeps_its_frames():
    buffer = io.BytesIO()
    frames = [Image.new("RGB", (10, 10), colour) for colour in ((255, 0, 0), (0, 255, 0), (0, 0, 255))]
    frames[0].save(
        buffer, format="GIF", save_all=True, append_images=frames[1:], duration=[100, 200, 300], comment=b"secret place"
    )
    stored = check_attachment(SimpleUploadedFile("anim.gif", buffer.getvalue())).upload.read()
    with Image.open(io.BytesIO(stored)) as image:
        assert image.n_frames == 3 and "comment" not in image.info
        durations = []
        for frame in range(3):
            image.seek(frame)
            durations.append(image.info["duration"])
        assert durations == [100, 200, 300]


@pytest.mark.django_db
def test_images_stored_before_cleaning_lose_their_metadata_once(settings, tmp_path, django_capture_on_commit_callbacks):
    """`manage.py strip_image_metadata` cleans a photo already stored with its GPS position (saved under a new
    name, the old file deleted); a second run, and PDF documents, are left alone."""
    from django.core.files.base import ContentFile
    from django.core.management import call_command

    from consultations.models import ProposalAttachment
    from tests.factories.consultations import ProposalFactory

    settings.MEDIA_ROOT = tmp_path / "media"
    proposal = ProposalFactory()
    photo = ProposalAttachment(proposal=proposal, original_name="street.jpg", content_type="image/jpeg", size=1)
    photo.file.save("street.jpg", ContentFile(camera_jpeg()), save=True)
    document = ProposalAttachment(proposal=proposal, original_name="plan.pdf", content_type="application/pdf", size=1)
    document.file.save("plan.pdf", ContentFile(MINIMAL_PDF), save=True)
    name = photo.file.name

    with django_capture_on_commit_callbacks(execute=True):
        call_command("strip_image_metadata", stdout=io.StringIO())
    photo.refresh_from_db()
    stored = photo.file.read()
    assert photo.file.name != name and photo.size == len(stored)
    assert not photo.file.storage.exists(name)
    assert b"PhoneMaker" not in stored and b"Madrid" not in stored
    with Image.open(io.BytesIO(stored)) as image:
        assert image.size == (20, 40) and not image.getexif()

    output = io.StringIO()
    call_command("strip_image_metadata", stdout=output)
    assert output.getvalue().startswith("0 ")
    document.refresh_from_db()
    assert document.file.read() == MINIMAL_PDF


@pytest.mark.django_db
def test_a_failed_save_while_stripping_metadata_keeps_the_original_file_and_row(settings, tmp_path, monkeypatch):
    """The storage refuses to save the cleaned image (disk full, bucket down): the photo is still there, as it
    was, and its row still points to it."""
    from django.core.files.base import ContentFile
    from django.core.management import call_command

    from consultations.models import ProposalAttachment
    from tests.factories.consultations import ProposalFactory

    settings.MEDIA_ROOT = tmp_path / "media"
    photo = ProposalAttachment(
        proposal=ProposalFactory(), original_name="street.jpg", content_type="image/jpeg", size=1
    )
    photo.file.save("street.jpg", ContentFile(camera_jpeg()), save=True)
    name = photo.file.name

    def full_disk(*args, **kwargs):
        raise OSError("No space left on device")

    monkeypatch.setattr(photo.file.storage, "save", full_disk)
    with pytest.raises(OSError, match="No space left"):
        call_command("strip_image_metadata", stdout=io.StringIO())
    monkeypatch.undo()
    photo.refresh_from_db()
    assert photo.file.name == name and photo.size == 1
    assert photo.file.storage.exists(name) and photo.file.read() == camera_jpeg()
