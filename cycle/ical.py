"""A member's cycle as an iCalendar feed (RFC 5545), written by hand: no iCalendar library is installed.

CRLF line ends, content lines folded at 75 octets (never inside a UTF-8 character), TEXT values escaped,
all-day events (`DTSTART;VALUE=DATE`, `DTEND` the next day, exclusive), a `UID` stable across
recomputations and a `DTSTAMP` in UTC (the row's last change, so the feed is the same until it changes).
"""

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from urllib.parse import urlsplit

from django.conf import settings

CRLF = "\r\n"
LINE_OCTETS = 75


def escape_text(value: str) -> str:
    """TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """One content line, folded so that no physical line exceeds 75 octets (§3.1)."""
    encoded = line.encode("utf-8")
    if len(encoded) <= LINE_OCTETS:
        return line
    parts, start, limit = [], 0, LINE_OCTETS
    while start < len(encoded):
        end = min(start + limit, len(encoded))
        while end < len(encoded) and (encoded[end] & 0xC0) == 0x80:  # a continuation byte: cut before its character
            end -= 1
        parts.append(encoded[start:end].decode("utf-8"))
        start, limit = end, LINE_OCTETS - 1  # continuation lines begin with one space
    return (CRLF + " ").join(parts)


def _date(value: date) -> str:
    return value.strftime("%Y%m%d")


def _utc(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def uid_domain() -> str:
    return urlsplit(settings.SITE_URL).hostname or "ogp-portal.invalid"


def calendar(*, name: str, events: Iterable[dict]) -> str:
    """The whole VCALENDAR. Each event: uid, day, summary, description, url, stamp (aware datetime)."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Open Government Partnership//OGP portal cycle calendar//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event['uid']}@{uid_domain()}",
            f"DTSTAMP:{_utc(event['stamp'])}",
            f"LAST-MODIFIED:{_utc(event['stamp'])}",
            f"DTSTART;VALUE=DATE:{_date(event['day'])}",
            f"DTEND;VALUE=DATE:{_date(event['day'] + timedelta(days=1))}",
            f"SUMMARY:{escape_text(event['summary'])}",
            f"DESCRIPTION:{escape_text(event['description'])}",
            f"URL:{event['url']}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)
