"""Accessibility as a test: axe-core on every page a person reads, in each language, on desktop and phone.

The pages are the GET routes of the permission matrix (tests/security/matrix.py): public pages as a
visitor (and, in one language each, as a participant), private pages as the first role allowed to read
them, all in one world of objects. Each page is loaded once per language and checked at 1366 px; in one
of the three languages, in turn, it is then narrowed to 390 px (the phone layout applies on resize) and
checked again, so every page and role is checked on a phone once, at a third of the cost. WCAG 2.1 A
and AA rules only; a violation names its rule, page and elements.
"""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.conftest import require
from tests.security.endpoint import ANONYMOUS, PUBLIC
from tests.security.matrix import ENDPOINTS, acting_role

pytestmark = [pytest.mark.browser]

try:  # axe-core as shipped in the axe-playwright-python package (requirements-dev.txt)
    from axe_playwright_python.base import AXE_SCRIPT
except ImportError:  # the browser fixture says what is missing
    AXE_SCRIPT = ""

LANGUAGES = ("en", "fr", "es")
WIDTHS = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
# GET routes that answer with a file or JSON, not a page (their content is checked elsewhere).
NOT_PAGES = {
    "healthz",
    "profile-data",
    "api-schema",
    "commitments:open-data-csv",
    "analytics:analytics-csv",
    "commitments:open-data-json",
    "commitments:open-data-archive",  # a ZIP file (tests/partnership/test_open_data_archive.py)
    "commitments:consultation-responses-csv",  # CSV and PDF of a closed consultation (test_reasoned_responses.py)
    "commitments:consultation-responses-pdf",
    "consultations:proposal-attachment",
    "grants:application-attachment",
    "consultations:proposal-similar",  # JSON for the proposal form
    "monitoring:evidence",  # a file
    "irm_reports:report-status",  # JSON polled by the report page
    "cycle:member-ics",  # an iCalendar feed (tests/cycle/test_ical.py)
}
# Pages whose document is in its own language, not the visitor's: the report preview is the PDF's HTML, in the
# report's language (its <html lang> says so; axe still checks it).
OWN_LANGUAGE_PATHS = ("/preview/",)


@pytest.fixture
def world(settings, tmp_path, transactional_db):
    """The objects of the permission matrix (tests/security/world.py), in the live server's database."""
    from tests.security.world import build_world

    settings.MEDIA_ROOT = tmp_path / "media"
    return build_world()


def readable_pages(world, language: str) -> list[tuple[str, str, str, tuple[str, ...]]]:
    """(URL name, role, path, widths) of every page of the matrix someone may read.

    Public pages are read by a visitor in every language, and by a signed-in participant (who sees the
    forms and buttons of taking part) in one of the three languages, in turn: each page once, at a third
    of the cost. Every page is checked on desktop; on a phone too in its turn's language.
    """
    pages = []
    for index, (name, endpoint) in enumerate(sorted(ENDPOINTS.items())):
        if endpoint.read is None or endpoint.api or name in NOT_PAGES:
            continue
        path = reverse(name, kwargs=endpoint.url_kwargs(world))
        in_turn = LANGUAGES[index % len(LANGUAGES)] == language
        widths = tuple(WIDTHS) if in_turn else ("desktop",)
        if endpoint.read != PUBLIC:
            pages.append((name, acting_role(endpoint.read), path, widths))
            continue
        pages.append((name, ANONYMOUS, path, widths))
        if in_turn:
            pages.append((name, "owner", path, widths))
    return pages


def _session_cookie(user) -> str:
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def _pages_by_role(browser, live_server, world, roles, language):
    """One page per role (its assets stay cached), signed in through a session cookie, in the given language."""
    pages_by_role = {}
    for role in roles:
        context = browser.new_context(viewport=WIDTHS["desktop"])
        context.add_init_script(script=AXE_SCRIPT)  # parsed once per page, before the page's own scripts
        cookies = [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}]
        if role != ANONYMOUS:
            cookies.append(
                {"name": settings.SESSION_COOKIE_NAME, "value": _session_cookie(world[role]), "url": live_server.url}
            )
        context.add_cookies(cookies)
        pages_by_role[role] = context.new_page()
    return pages_by_role


def _describe(violation, path: str, width: str) -> str:
    targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:3])
    return f"{path} [{width}] {violation['id']} ({violation['impact']}): {violation['help']} — {targets}"


# Attributes that name other elements by id: each id must exist in the page (axe does not check them all).
MISSING_REFERENCES = """() => {
  const attributes = ["aria-describedby", "aria-labelledby", "aria-controls", "aria-errormessage"];
  return Array.from(document.querySelectorAll(attributes.map(a => `[${a}]`).join(","))).flatMap(el =>
    attributes.flatMap(a => (el.getAttribute(a) || "").split(/\\s+/)
      .filter(id => id && !document.getElementById(id))
      .map(id => `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""} ${a}="${id}"`)));
}"""


def _check(page, path: str, width: str) -> list[str]:
    page.set_viewport_size(WIDTHS[width])
    results = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
    return [_describe(violation, path, width) for violation in results["violations"]]


@pytest.mark.timeout(600)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_meets_wcag_21_aa(browser, live_server, transactional_db, world, language):
    require(bool(AXE_SCRIPT), "needs axe-playwright-python (requirements-dev.txt)")
    pages = readable_pages(world, language)
    pages_by_role = _pages_by_role(
        browser, live_server, world, {role for _name, role, _path, _widths in pages}, language
    )
    problems = []
    try:
        for name, role, path, widths in pages:
            page = pages_by_role[role]
            page.set_viewport_size(WIDTHS["desktop"])
            response = page.goto(f"{live_server.url}{path}")
            assert response.status == 200, f"{name} as {role}: {response.status}"
            assert response.header_value("content-type").startswith("text/html"), f"{name} is not a page: NOT_PAGES?"
            own_language = path.endswith(OWN_LANGUAGE_PATHS)
            if not own_language and page.locator("html").get_attribute("lang") != language:
                problems.append(f"{path} ({role}) is not marked as {language}")
            problems += [f"{path} ({role}): {ref} names no element" for ref in page.evaluate(MISSING_REFERENCES)]
            for width in widths:
                problems += _check(page, f"{path} ({role})", width)
    finally:
        for page in pages_by_role.values():
            page.context.close()
    assert not problems, f"{len(problems)} WCAG 2.1 A/AA violations in {language}:\n" + "\n".join(problems)


def test_tables_keep_their_labels_and_roles_on_phones(browser, live_server, transactional_db):
    """Below 40rem a row is stacked: each value is led by its column's name, and stays a table cell."""
    from tests.factories import MemberFactory

    MemberFactory(name="Georgia", slug="georgia", country="GE", region="asia_pacific")
    context = browser.new_context(viewport=WIDTHS["phone"], locale="en-GB")
    page = context.new_page()
    page.goto(f"{live_server.url}/members/")
    kind = page.locator("table.data-table tbody tr").first.locator("td").first
    label = kind.evaluate("cell => getComputedStyle(cell, '::before').content")
    assert label == '"Kind: "'
    assert kind.evaluate("cell => getComputedStyle(cell).display") == "block"  # stacked
    assert page.get_by_role("columnheader", name="Kind").count() == 1  # the header row, for screen readers
    assert page.get_by_role("cell").count() >= 5 and page.get_by_role("rowheader", name="Georgia").count() == 1
    context.close()
