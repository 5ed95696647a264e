"""Reading OGP's sheet from a CSV or an Excel file into rows of text cells.

Both formats give the same cells: every value is text, as in OGP's CSV export (numbers without
a trailing ".0", dates as month/day/year). Each row carries its spreadsheet row number (the
header is row 1) and, for a CSV file, the line of the file it starts on (cells may span lines).
"""

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from django.utils.translation import gettext as _

ENCODINGS = ("utf-8-sig", "cp1252")


class FileRejected(Exception):
    """The whole file cannot be read (format, encoding, header): nothing is imported."""


@dataclass
class SheetRow:
    row: int
    line: int
    cells: dict[str, str]


@dataclass
class Sheet:
    header: list[str]
    rows: list[SheetRow]
    encoding: str = ""


def read_sheet(source, *, name: str = "") -> Sheet:
    """The sheet in `source` (a path, or a binary file object with `name` giving its extension)."""
    name = name or str(getattr(source, "name", source))
    if isinstance(source, (str, Path)):
        with open(source, "rb") as handle:
            data = handle.read()
    else:
        source.seek(0)
        data = source.read()
    if data[:4] == b"PK\x03\x04" or name.lower().endswith(".xlsx"):
        return _read_xlsx(data)
    return _read_csv(data)


def _decode(data: bytes) -> tuple[str, str]:
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise FileRejected(_("The file is neither UTF-8 nor Windows-1252 text."))


def _header(cells: list) -> list[str]:
    header = [str(c or "").strip() for c in cells]
    while header and not header[-1]:
        header.pop()
    duplicates = sorted({h for h in header if h and header.count(h) > 1})
    if duplicates:
        raise FileRejected(_("These columns appear twice: %(columns)s.") % {"columns": ", ".join(duplicates)})
    return header


def _read_csv(data: bytes) -> Sheet:
    text, encoding = _decode(data)
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)  # from the header line: cells below may hold any text
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = _header(next(reader))
    except StopIteration:
        raise FileRejected(_("The file is empty.")) from None
    except csv.Error as error:
        raise FileRejected(_("The file is not a readable CSV file: %(error)s") % {"error": error}) from None
    rows, row_number, line = [], 1, reader.line_num + 1
    try:
        for cells in reader:
            row_number += 1
            if any(c.strip() for c in cells):
                rows.append(SheetRow(row=row_number, line=line, cells=_cells(header, cells)))
            line = reader.line_num + 1
    except csv.Error as error:
        raise FileRejected(
            _("Line %(line)s is not valid CSV: %(error)s") % {"line": reader.line_num, "error": error}
        ) from None
    return Sheet(header=header, rows=rows, encoding=encoding)


def _cells(header: list[str], values) -> dict[str, str]:
    return {name: (values[i] if i < len(values) else "") for i, name in enumerate(header) if name}


def _text(value) -> str:
    """A cell of an Excel sheet as OGP's CSV export writes it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return f"{value.month}/{value.day}/{value.year}"
    return str(value)


def _read_xlsx(data: bytes) -> Sheet:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds of errors on a damaged file
        raise FileRejected(_("The file is not a readable Excel workbook: %(error)s") % {"error": error}) from None
    try:
        return _first_sheet_with_header(workbook)
    finally:
        workbook.close()


def _first_sheet_with_header(workbook) -> Sheet:
    from irm_reports.importing.columns import IDENTIFIER

    for worksheet in workbook.worksheets:
        values: Iterator = worksheet.iter_rows(values_only=True)
        first = next(values, None)
        if first is None or IDENTIFIER not in [str(c or "").strip() for c in first]:
            continue
        header = _header(list(first))
        rows = []
        for row_number, cells in enumerate(values, start=2):
            texts = [_text(c) for c in cells]
            if any(t.strip() for t in texts):
                rows.append(SheetRow(row=row_number, line=row_number, cells=_cells(header, texts)))
        return Sheet(header=header, rows=rows, encoding="xlsx")
    raise FileRejected(_("No sheet of the workbook has a “%(column)s” column.") % {"column": IDENTIFIER})
