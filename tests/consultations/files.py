"""Files for upload tests: real PDF documents and images (generated), and impostors."""

import io
import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, PngImagePlugin
from pypdf import PdfWriter
from pypdf.actions import JavaScript
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject


def pdf_bytes(*, pages=1, padding=0, javascript=False, embedded=False, password="") -> bytes:
    """A PDF document written by pypdf: blank pages, optionally a script, an attached file or a password."""
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    if padding:
        writer.add_metadata({"/Subject": "x" * padding})
    if javascript:
        writer.add_open_action(JavaScript("app.alert('hello');"))
    if embedded:
        writer.add_attachment("payload.exe", b"MZ payload")
    if password:
        writer.encrypt(password)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


MINIMAL_PDF = pdf_bytes()


class EscapedName(NameObject):
    """A name written with #xx escapes only (/JavaScript as /#4A#61…), as a hostile file may: readers decode it."""

    def renumber(self) -> bytes:
        return b"/" + b"".join(b"#%02X" % byte for byte in self[1:].encode())


def _name(value: str, escaped: bool) -> NameObject:
    return EscapedName(value) if escaped else NameObject(value)


def pdf_dict(entries: dict) -> DictionaryObject:
    """A PDF dictionary from {"/Key": value}: the keys become names."""
    return DictionaryObject({key if isinstance(key, NameObject) else NameObject(key): v for key, v in entries.items()})


def pdf_with_action(where: str, kind: str = "/JavaScript", *, escaped: bool = True) -> bytes:
    """A one-page PDF written by pypdf with one action of `kind` (a script by default; names #xx-escaped so that
    no raw byte gives it away) at `where`: page (opening the page), link (clicking an annotation), annotation
    (an annotation's additional action), next (run after a harmless link), field (a form field's action),
    outline (a bookmark)."""
    action = DictionaryObject({NameObject("/S"): _name(kind, escaped)})
    if kind == "/JavaScript":
        action[_name("/JS", escaped)] = TextStringObject("app.alert(1)")
    else:
        action[NameObject("/F")] = TextStringObject("https://example.org/collect")
    writer = PdfWriter()
    page = writer.add_blank_page(width=200, height=200)
    link = {"/Type": NameObject("/Annot"), "/Subtype": NameObject("/Link"), "/Rect": ArrayObject()}
    if where == "page":
        page[NameObject("/AA")] = pdf_dict({"/O": action})
    elif where == "link":
        writer.add_annotation(page, pdf_dict({**link, "/A": action}))
    elif where == "annotation":
        writer.add_annotation(page, pdf_dict({**link, "/AA": pdf_dict({"/E": action})}))
    elif where == "next":
        uri = pdf_dict({"/S": NameObject("/URI"), "/URI": TextStringObject("https://example.org"), "/Next": action})
        writer.add_annotation(page, pdf_dict({**link, "/A": uri}))
    elif where == "field":
        widget = pdf_dict({"/AA": pdf_dict({"/D": action})})
        field = pdf_dict({"/FT": NameObject("/Btn"), "/T": TextStringObject("send"), "/Kids": ArrayObject([widget])})
        writer.root_object[NameObject("/AcroForm")] = pdf_dict({"/Fields": ArrayObject([writer._add_object(field)])})
    elif where == "outline":
        writer.add_outline_item(title="Start", page_number=0).get_object()[NameObject("/A")] = action
    else:
        raise ValueError(where)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


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


def png_claiming(width: int, height: int) -> bytes:
    """A small PNG whose header claims width × height pixels (as a decompression bomb's would)."""
    data = bytearray(png_bytes((1, 1)))
    header = b"IHDR" + struct.pack(">II", width, height) + bytes(data[24:29])
    data[12:29] = header
    data[29:33] = struct.pack(">I", zlib.crc32(header))
    return bytes(data)


def camera_jpeg(size=(40, 20)) -> bytes:
    """A photo as a phone writes it: EXIF with the camera, the GPS position and a 90° orientation, and XMP."""
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0112] = 6  # Orientation: turn 90° clockwise to view
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (40.0, 25.0, 1.5), "W", (3.0, 42.0, 2.5)
    buffer = io.BytesIO()
    Image.new("RGB", size, (10, 120, 200)).save(
        buffer, format="JPEG", exif=exif.tobytes(), xmp=b"<x:xmpmeta>Calle Mayor 1, Madrid</x:xmpmeta>"
    )
    return buffer.getvalue()


def annotated_png() -> bytes:
    """A PNG with text chunks (an author, a comment, XMP) as editors write them."""
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Amina Bello")
    info.add_itxt("Comment", "taken at home, Calle Mayor 1")
    info.add_itxt("XML:com.adobe.xmp", "<x:xmpmeta>GPS 40.4168 -3.7038</x:xmpmeta>")
    buffer = io.BytesIO()
    Image.new("RGB", (20, 10), (200, 30, 30)).save(buffer, format="PNG", pnginfo=info)
    return buffer.getvalue()
