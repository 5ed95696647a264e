"""PDF attachments: parsed for real, refused when encrypted, empty, or carrying scripts, files or actions."""

import re

from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

# Names that only scripts, actions and attached files use in a PDF; found anywhere in the raw bytes, the file
# is refused. An extra only: names written with #xx escapes and objects in compressed streams escape it, so the
# parsed document's actions are checked too (`_pdf_runs_actions`).
ACTIVE_PDF_MARKERS = re.compile(rb"/(JavaScript|JS[\s(<\[]|EmbeddedFile|Launch|RichMedia)")
# Actions a document may not carry: scripts, programs, rich media, forms that send or load data.
REFUSED_PDF_ACTIONS = {"/JavaScript", "/Launch", "/RichMediaExecute", "/SubmitForm", "/ImportData"}


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


def pdf_problem(upload: UploadedFile) -> str | None:
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
