"""The member's iCal feed: RFC 5545 framing (CRLF, folding at 75 octets, escaping, UID, DTSTAMP), parsed back."""

import re
from datetime import date

import pytest
from django.urls import reverse

from cycle import ical
from cycle.services import member_cycle_refresh
from tests.factories import ActionPlanFactory, MemberFactory

pytestmark = pytest.mark.django_db


def parse_ics(raw: bytes) -> list[dict]:
    """A strict reader: fails on a bare LF, a line over 75 octets, a split UTF-8 character or bad nesting.

    Returns the components as {"name": …, "props": [(name, params, value)], "children": […]}.
    """
    assert raw.endswith(b"\r\n"), "the stream ends with CRLF"
    physical = raw[:-2].split(b"\r\n")
    assert all(b"\n" not in line and b"\r" not in line for line in physical), "only CRLF line breaks"
    assert all(len(line) <= 75 for line in physical), "lines are folded at 75 octets"
    texts = [line.decode("utf-8") for line in physical]  # a character split across a fold fails here
    logical = []
    for text in texts:
        if text.startswith(" "):
            logical[-1] += text[1:]
        else:
            logical.append(text)
    root = {"name": None, "props": [], "children": []}
    stack = [root]
    for line in logical:
        match = re.match(r"^([A-Z][A-Z0-9-]*)((?:;[A-Z-]+=[^:;]+)*):(.*)$", line)
        assert match, f"not a content line: {line!r}"
        name, params, value = match.groups()
        if name == "BEGIN":
            component = {"name": value, "props": [], "children": []}
            stack[-1]["children"].append(component)
            stack.append(component)
        elif name == "END":
            assert stack.pop()["name"] == value, f"END:{value} closes another component"
        else:
            stack[-1]["props"].append((name, params, value))
    assert len(stack) == 1, "every BEGIN has its END"
    return root["children"]


def unescape(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m[1] in "nN" else m[1], value)


def props(component, name):
    return [value for prop, _params, value in component["props"] if prop == name]


def test_text_is_escaped_and_long_lines_fold_between_characters():
    assert ical.escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    line = "DESCRIPTION:" + "é" * 100
    folded = ical.fold(line)
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == line


def test_the_member_feed_validates_and_reads_back(client):
    member = MemberFactory(name="Saint-Denis, Seine; Île-de-France", slug="saint-denis", kind="local", country="FR")
    ActionPlanFactory(
        member=member,
        number=1,
        title="Plan d’action de Saint-Denis — transparence, participation et redevabilité " * 2,
        start_date=date(2024, 1, 1),
        end_date=date(2025, 12, 31),
        submitted=True,
    )
    member_cycle_refresh(member=member, today=date(2026, 12, 3))
    response = client.get(reverse("cycle:member-ics", args=[member.slug]))
    assert response.status_code == 200 and response["Content-Type"] == "text/calendar; charset=utf-8"
    (calendar,) = parse_ics(response.content)
    assert calendar["name"] == "VCALENDAR"
    assert props(calendar, "VERSION") == ["2.0"] and props(calendar, "PRODID")
    events = calendar["children"]
    assert events and all(event["name"] == "VEVENT" for event in events)
    uids = [props(event, "UID")[0] for event in events]
    assert len(set(uids)) == len(uids) and all(uid.startswith("saint-denis-") and "@" in uid for uid in uids)
    for event in events:
        assert re.fullmatch(r"\d{8}T\d{6}Z", props(event, "DTSTAMP")[0])
        assert [p for name, p, _v in event["props"] if name == "DTSTART"] == [";VALUE=DATE"]
    summaries = [unescape(props(event, "SUMMARY")[0]) for event in events]
    assert "Action plan due — Saint-Denis, Seine; Île-de-France" in summaries
    descriptions = [unescape(props(event, "DESCRIPTION")[0]) for event in events]
    assert any("Plan d’action de Saint-Denis" in text and "\n" in text for text in descriptions)


def test_a_feed_is_the_same_until_the_calendar_changes(client):
    member = MemberFactory(slug="stable")
    ActionPlanFactory(member=member, number=1)
    member_cycle_refresh(member=member)
    url = reverse("cycle:member-ics", args=[member.slug])
    assert client.get(url).content == client.get(url).content


def test_an_unknown_member_has_no_feed(client):
    assert client.get(reverse("cycle:member-ics", args=["nobody"])).status_code == 404
