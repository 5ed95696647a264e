"""Cells of OGP's sheet as Python values: text, years, numbers and leniently parsed dates."""

import calendar
import re
from datetime import date

from django.utils.translation import gettext as _

# OGP's placeholders (ND no data yet, NR not reviewed, NA not applicable) and other "no value" cells.
PLACEHOLDERS = {"", "ND", "NR", "NA", "N/A", "-", "—"}
NOT_DATES = {"ongoing", "in progress", "continuous", "continuously", "permanent", "tbd", "tbc", "n/a"}


def _numbered(names: str) -> dict[str, int]:
    return {name: number for number, name in enumerate(names.split(), start=1)}


MONTHS = {
    **_numbered(" ".join(calendar.month_name).lower()),
    **_numbered(" ".join(calendar.month_abbr).lower()),
    "sept": 9,
    # Plans written in Spanish or French keep their own month names.
    **_numbered("enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"),
    **_numbered("janvier février mars avril mai juin juillet août septembre octobre novembre décembre"),
}
ROMAN_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
NUMERIC_DATE = re.compile(r"(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{1,4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?")
# "July 2014", "31 December 2015", "December 31, 2015", "30 de junio de 2016"
MONTH_YEAR = re.compile(
    r"(?:(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+|de\s+)?)?([^\W\d_]+)\.?\s*(\d{1,2})?,?\s+(?:de\s+)?(\d{4})"
)
QUARTER = re.compile(
    r"(?:\bq\s*([1-4])\b|\bquarter\s*([1-4])\b|\b(i{1,3}|iv)\s*quarter\b|\b([1-4])(?:st|nd|rd|th)?\s*quarter\b)",
    re.IGNORECASE,
)
# Yes/no cells as people write them: OGP's codes, words in any case, spreadsheet booleans.
YES_WORDS = {"1", "yes", "y", "true", "t", "oui", "sí", "si"}
NO_WORDS = {"0", "no", "n", "false", "f", "non"}
DECIMAL_CODE = re.compile(r"(-?\d+)\.0+")
FLOAT_ARTEFACT = re.compile(r"-?\d+\.\d*?(?:0{6,}\d|9{6,}\d)")
EXCEL_EPOCH = date(1899, 12, 30)


def clean(raw) -> str:
    """The cell's text without surrounding blanks, with Unix line ends."""
    return str(raw or "").replace("\r\n", "\n").replace("\r", "\n").strip()


def is_placeholder(text: str) -> bool:
    return clean(text).upper() in PLACEHOLDERS


def text(raw) -> str:
    """Free text: the cell as written, or "" for a placeholder."""
    value = clean(raw)
    return "" if value.upper() in PLACEHOLDERS else value


def one_line(raw) -> str:
    return " ".join(text(raw).split())


def number_text(raw) -> str:
    """A commitment or cluster number, without the float artefacts of a spreadsheet (2.2999999999999998 → 2.3)."""
    value = text(raw)
    if FLOAT_ARTEFACT.fullmatch(value):
        value = f"{round(float(value), 6):g}"
    return value


def integer(raw) -> int | None:
    """A whole number ("4", "4.0"); None for a placeholder. Raises ValueError otherwise."""
    value = clean(raw)
    if value.upper() in PLACEHOLDERS:
        return None
    match = re.fullmatch(r"(\d+)(?:\.0+)?", value)
    if not match:
        raise ValueError(value)
    return int(match.group(1))


def code(raw) -> str:
    """A code cell as text, without the decimal part a spreadsheet adds to a whole number (2.0 → 2)."""
    value = clean(raw)
    match = DECIMAL_CODE.fullmatch(value)
    return match.group(1) if match else value


def yes_no(raw) -> bool | None:
    """A yes/no cell however it is written (1/0, 1.0, Yes/No, Y/N, TRUE/FALSE, in any case); None for a
    placeholder. Raises ValueError for anything else."""
    value = code(raw)
    if value.upper() in PLACEHOLDERS:
        return None
    if value.lower() in YES_WORDS:
        return True
    if value.lower() in NO_WORDS:
        return False
    raise ValueError(value)


def year(raw) -> int | None:
    """A year between 2000 and 2100; None for a placeholder. Raises ValueError otherwise."""
    value = integer(raw)
    if value is not None and not 2000 <= value <= 2100:
        raise ValueError(raw)
    return value


def _bound(year_: int, month: int, day: int | None, end: bool) -> date:
    if day is None:
        day = calendar.monthrange(year_, month)[1] if end else 1
    return date(year_, month, day)


def _year_bound(year_: int, end: bool) -> date:
    return date(year_, 12, 31) if end else date(year_, 1, 1)


def parse_date(raw, *, end: bool = False) -> tuple[date | None, str]:
    """A date from the many ways OGP's data writes one, and a note when it could not be read as written.

    Month/day/year is OGP's format (day/month when the first number is over 12). A month, a quarter
    or a year stands for its first day, or its last day when `end` is true. A "date" in 1905 is a
    year that a spreadsheet took for a day number (2023 → 15 July 1905): it is read as that year.
    """
    value = clean(raw)
    if value.upper() in PLACEHOLDERS:
        return None, ""
    if value.lower().rstrip(".") in NOT_DATES:
        return None, _("not a date; kept as written")
    try:
        result = _parse(value, end)
    except ValueError:
        result = None
    if result is None:
        return None, _("not a date that could be read; kept as written")
    parsed, note = result
    if not 1990 <= parsed.year <= 2100:
        return None, _("the year %(year)s is not plausible; kept as written") % {"year": parsed.year}
    return parsed, note


def _parse(value: str, end: bool) -> tuple[date, str] | None:
    match = NUMERIC_DATE.fullmatch(value)
    if match:
        return _numeric(*match.groups(), end=end)
    if re.fullmatch(r"\d{4}", value):
        return _year_bound(int(value), end), ""
    quarter = QUARTER.search(value)
    found_year = re.search(r"\b(\d{4})\b", value)
    if quarter and found_year:
        number = next(g for g in quarter.groups() if g)
        q = ROMAN_QUARTERS.get(number.lower()) or int(number)
        month = 3 * q if end else 3 * q - 2
        return _bound(int(found_year.group(1)), month, None, end), ""
    match = MONTH_YEAR.fullmatch(value.lower())
    if match and match.group(2) in MONTHS:
        day = match.group(1) or match.group(3)
        return _bound(int(match.group(4)), MONTHS[match.group(2)], int(day) if day else None, end), ""
    return None


def _numeric(a: str, b: str, c: str, *, end: bool) -> tuple[date, str]:
    if len(a) == 4:
        return date(int(a), int(b), int(c)), ""
    first, second, year_ = int(a), int(b), int(c)
    if year_ < 100:
        year_ += 2000
    month, day = (second, first) if first > 12 >= second else (first, second)
    parsed = date(year_, month, day)
    serial = (parsed - EXCEL_EPOCH).days
    if parsed.year < 1910 and 1990 <= serial <= 2100:
        return _year_bound(serial, end), _("read as the year %(year)s (a year a spreadsheet took for a date)") % {
            "year": serial
        }
    return parsed, ""
