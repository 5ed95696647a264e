"""Small text normalisations shared by the apps."""

import unicodedata


def single_line(text: str) -> str:
    """The text on one line: every run of whitespace (line breaks, tabs, Unicode separators) is one space.

    E-mail headers such as the subject must not contain a line break (Django refuses to send them).
    """
    return " ".join(str(text).split())


def sort_key(text: str) -> str:
    """Names in the order a reader expects, whatever the database's collation: accents and case aside
    ("Énergie" beside "Energy", before "Zoning"; "agency" before "Ministry")."""
    text = str(text)
    if text.isascii():  # nothing to decompose nor to read as another letter
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().translate(_UNDECOMPOSED)


# Latin letters whose stroke or ligature Unicode does not decompose: Ø, Ł, Đ, Ħ stay apart from O, L, D, H
# after NFKD ("Łódź" sorted after "Zagreb"); read as the letter they are written on.
_UNDECOMPOSED = str.maketrans({"ø": "o", "ł": "l", "đ": "d", "ð": "d", "ħ": "h", "ı": "i", "ŧ": "t",
                               "æ": "ae", "œ": "oe", "þ": "th"})  # fmt: skip


# The largest key a 64-bit integer column holds: a longer number in a query string matches no row (and SQLite
# cannot even bind it).
_MAX_ID = 2**63 - 1


def as_id(value) -> int | None:
    """A request parameter read as a row id: ASCII digits within a 64-bit key, else None."""
    text = str(value or "")
    if not (text.isascii() and text.isdigit()):
        return None
    number = int(text)
    return number if number <= _MAX_ID else None
