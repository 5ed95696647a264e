"""Hostile input through every form and API write: no server error, and nothing executable on a page.

The endpoints come from the permission matrix (tests/security/matrix.py), so a new form or API write is
fuzzed as soon as it has its line there. Each request is sent by a user allowed to make it, with the
fields of a legitimate payload replaced by values drawn from a corpus of XSS payloads, SQL-looking text,
overlong strings, NUL bytes, lone surrogates, invalid UTF-8 and (for JSON) values of the wrong type.
"""

import json
from html.parser import HTMLParser
from urllib.parse import quote_from_bytes

import pytest
from django.core.cache import cache
from django.db import transaction
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from common.markdown import render_markdown
from consultations.models import Comment
from tests.factories.consultations import CommentFactory, ProposalFactory
from tests.security.matrix import ANONYMOUS, ENDPOINTS, WRITES, acting_role

pytestmark = pytest.mark.django_db

XSS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
    "[click me](javascript:alert(1))",
    "[click me](JaVaScRiPt:alert(document.cookie))",
    "[x](&#106;avascript:alert(1))",
    "[x](java\tscript:alert(1))",
    "![img](javascript:alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '<a href="javascript:alert(1)">x</a>',
    "<<script>script>alert(1)<</script>/script>",
    "<iframe src=javascript:alert(1)></iframe>",
    "<details open ontoggle=alert(1)>",
    '<a href="x" onmouseover="alert(1)">x</a>',
    "<img src=x onerror=alert(1)//",
    "{{ 7*7 }}{% debug %}",
]
SQL = [
    "' OR '1'='1",
    "1; DROP TABLE consultations_proposal; --",
    '" OR 1=1 --',
    "1' UNION SELECT email, password FROM accounts_user --",
    "%' AND 1=0 UNION SELECT NULL --",
]
ODD = [
    "A" * 100_000,
    "é" * 50_000,
    "<b>" * 20_000,
    "\x00",
    "abc\x00def",
    "\ud800",
    "x\udfffy",
    "\u202e\u200b\ufeff",
    "𝕏" * 20,
    "-1",
    "0",
    "9" * 40,
    "1e309",
    "NaN",
    "",
    " ",
    "null",
    "2024-02-30",
    "../../etc/passwd",
]
CORPUS = XSS + SQL + ODD


def _nested(depth: int):
    value = "deep"
    for _ in range(depth):
        value = {"a": [value]}
    return value


WRONG_TYPES = [[], ["a", "b"], {}, {"a": {"b": 1}}, 0, -1, 10**30, 1.5, True, None, _nested(50)]

corpus_text = st.one_of(
    st.sampled_from(CORPUS),
    st.tuples(st.sampled_from(CORPUS), st.sampled_from(CORPUS)).map("".join),
    st.text(max_size=50),
)
form_value = st.one_of(corpus_text, st.lists(corpus_text, min_size=2, max_size=3))
json_value = st.one_of(corpus_text, st.sampled_from(WRONG_TYPES), st.lists(corpus_text, max_size=3))

FUZZ = settings(
    max_examples=12,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _form_body(fields: dict) -> bytes:
    """An urlencoded body as a browser (or an attacker) would send it: lone surrogates become invalid UTF-8."""
    pairs = []
    for key, value in fields.items():
        for item in value if isinstance(value, list) else [value]:
            raw = item.encode("utf-8", "surrogatepass")
            pairs.append(f"{quote_from_bytes(key.encode())}={quote_from_bytes(raw)}")
    return "&".join(pairs).encode("ascii")


def _json_body(fields) -> bytes:
    return json.dumps(fields).encode("ascii")  # ensure_ascii: lone surrogates travel as \\udxxx escapes


class _ExecutableMarkup(HTMLParser):
    """Collects what a browser would run: inline scripts, event handlers, javascript:/data: links, frames."""

    URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data"}

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        external = (attributes.get("src") or "").startswith("/static/")
        if tag == "script" and not external and attributes.get("type") != "application/json":
            self.found.append(f"<script {attrs}>")
        if tag in ("iframe", "object", "embed", "frame"):
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=…>")
            squeezed = "".join(ch for ch in (value or "") if ch > " ").lower()
            if name in self.URL_ATTRIBUTES and squeezed.startswith(("javascript:", "vbscript:", "data:text/html")):
                self.found.append(f"<{tag} {name}={value!r}>")


def executable_markup(html: str) -> list[str]:
    parser = _ExecutableMarkup()
    parser.feed(html)
    parser.close()
    return parser.found


@pytest.mark.parametrize(("name", "method"), WRITES, ids=[f"{n}-{m}" for n, m in WRITES])
@FUZZ
@given(data=st.data())
def test_hostile_values_in_every_write_never_cause_a_server_error(client, world, name, method, data):
    """Any field of any form or API write, filled with hostile values by an allowed user: 2xx–4xx only."""
    endpoint = ENDPOINTS[name]
    url = reverse(name, kwargs=endpoint.url_kwargs(world))
    payload = endpoint.payload(world) if callable(endpoint.payload) else dict(endpoint.payload)
    keys = sorted(payload) or ["title"]
    chosen = data.draw(st.lists(st.sampled_from(keys), min_size=1, unique=True), label="fields")
    value = json_value if endpoint.api else form_value
    hostile = {**payload, **{key: data.draw(value, label=key) for key in chosen}}
    role = acting_role(endpoint.writes[method])
    cache.clear()
    client.logout()
    if role != ANONYMOUS:
        client.force_login(world[role])
    if endpoint.api:
        body, content_type = _json_body(hostile), "application/json"
    else:
        body, content_type = _form_body(hostile), "application/x-www-form-urlencoded"
    with transaction.atomic():
        response = getattr(client, method)(url, data=body, content_type=content_type)
        transaction.set_rollback(True)
    assert response.status_code < 500, f"{method.upper()} {url} as {role}: {response.status_code}"


RAW_BODIES = [
    ("application/json", b'{"title": "\xff\xfe broken", "body": "\xc3\x28"}'),
    ("application/json", b'{"body": "nul \\u0000 byte"}'),
    ("application/json", b'{"body": "\\ud800 lone surrogate"}'),
    ("application/json", b"[" * 100_000 + b"]" * 100_000),
    ("application/json", b"{" + b'"a":' * 5000),
    ("application/json", b"\x00\x00\x00"),
    ("application/x-www-form-urlencoded", b"body=%FF%FE%00&title=%ED%A0%80"),
    (
        "multipart/form-data; boundary=xyz",
        b'--xyz\r\nContent-Disposition: form-data; name="body"\r\n\r\n\xff\x00\r\n--',
    ),
    ("text/plain", b"\xff" * 100),
]


@pytest.mark.parametrize(("content_type", "body"), RAW_BODIES, ids=range(len(RAW_BODIES)))
def test_undecodable_or_absurd_bodies_get_a_client_error(client, world, content_type, body):
    """Malformed UTF-8, NUL bytes, lone surrogates and 100,000-level nesting are refused with a 4xx, on every write."""
    failures = []
    for (name, method), endpoint in [((n, m), ENDPOINTS[n]) for n, m in WRITES]:
        url = reverse(name, kwargs=endpoint.url_kwargs(world))
        role = acting_role(endpoint.writes[method])
        cache.clear()
        client.logout()
        if role != ANONYMOUS:
            client.force_login(world[role])
        with transaction.atomic():
            response = getattr(client, method)(url, data=body, content_type=content_type)
            transaction.set_rollback(True)
        if response.status_code >= 500:
            failures.append(f"{method.upper()} {url}: {response.status_code}")
    assert not failures, failures


QUERY_KEYS = [
    "q", "search", "status", "state", "kind", "member", "country", "region", "policy_area", "year", "sort",
    "ordering", "page", "cursor", "page_size", "consultation", "action_plan", "report_type", "language", "outcome",
]  # fmt: skip
QUERY_VALUES = ["\x00", "a\x00b", "\ud800", "A" * 100_000, SQL[3], XSS[1], "-1", "9" * 40, "2024-02-30"]


@pytest.mark.parametrize("value", QUERY_VALUES, ids=range(len(QUERY_VALUES)))
def test_hostile_query_strings_on_every_page_never_cause_a_server_error(client, world, value):
    """Every page and API read, with every usual filter, sort and page parameter set to a hostile value."""
    query = "&".join(f"{key}={quote_from_bytes(value.encode('utf-8', 'surrogatepass'))}" for key in QUERY_KEYS)
    client.force_login(world["staff"])
    failures = []
    for name, endpoint in ENDPOINTS.items():
        if endpoint.read is None:
            continue
        url = reverse(name, kwargs=endpoint.url_kwargs(world))
        response = client.get(f"{url}?{query}")
        if response.status_code >= 500:
            failures.append(f"GET {url}: {response.status_code}")
        elif "\x00" in value:
            assert response.status_code == 400, f"GET {url} with a NUL character: {response.status_code}"
    assert not failures, failures


def test_a_nul_character_in_a_form_is_refused_before_any_view(client, world):
    """A 400 page (or the API's JSON error) that says why, and nothing saved."""
    client.force_login(world["owner"])
    url = reverse("consultations:proposal-update", args=[world["draft"].pk])
    response = client.post(
        url, data=b"title=a%00b&problem=x&solution=y", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 400 and "could not read this request" in response.content.decode()
    world["draft"].refresh_from_db()
    assert world["draft"].title != "a\x00b"
    response = client.get(reverse("api:proposal-list") + "?q=%00")
    assert response.status_code == 400 and response.json()["code"] == "parse_error"


# Rendering: what is stored (whatever its path into the database) is shown without executable markup.
markdown_text = st.lists(st.sampled_from(XSS + SQL + ["plain *words*", "\n\n", "> quote", "- item"]), max_size=6).map(
    "\n".join
)


@settings(max_examples=40, deadline=None, derandomize=True, database=None)
@given(text=markdown_text)
def test_markdown_never_renders_executable_markup(text):
    """The project's Markdown + nh3 filter, on any mix of the corpus."""
    assert executable_markup(str(render_markdown(text))) == []


@FUZZ
@given(text=markdown_text)
def test_proposal_comment_and_consultation_pages_show_no_executable_markup(client, world, text):
    """Hostile text stored in a proposal, a comment and a consultation's description is inert on their pages."""
    with transaction.atomic():
        consultation = world["consultation"]
        type(consultation).objects.filter(pk=consultation.pk).update(description=text)
        proposal = ProposalFactory(consultation=consultation, title=text[:200] or "t", problem=text, solution=text)
        Comment.objects.bulk_create([CommentFactory.build(proposal=proposal, author=world["participant"], body=text)])
        pages = [
            client.get(reverse("consultations:proposal-detail", args=[proposal.pk])),
            client.get(reverse("consultations:consultation-detail", args=[consultation.pk])),
        ]
        transaction.set_rollback(True)
    for page in pages:
        assert page.status_code == 200
        assert executable_markup(page.content.decode()) == []


def test_the_detector_finds_what_a_browser_would_run():
    """The check above can fail: raw payloads are caught, their escaped forms are not."""
    assert executable_markup('<p><img src=x onerror="alert(1)"></p>')
    assert executable_markup('<a href=" JaVa\tscript:alert(1)">x</a>')
    assert executable_markup("<script>alert(1)</script>")
    assert executable_markup('<script src="/static/js/portal.js" defer></script>') == []
    assert executable_markup("&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img onerror=x&gt;") == []
