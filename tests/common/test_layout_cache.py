"""The layout rendered from its cached parts is the page the full base.html rendered, byte for byte.

tests/common/reference_templates holds base.html and its language switcher as they were before the
constant parts were cached: rendering a page with those templates first in the search path gives the
reference, on the same data, in every language and for every kind of visitor.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.messages import constants, get_messages
from django.test import override_settings
from django.urls import reverse

from tests.factories import CommitmentFactory, PolicyAreaFactory, UserFactory
from tests.factories.consultations import ConsultationFactory, ProposalFactory

REFERENCE_DIR = Path(__file__).parent / "reference_templates"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
LANGUAGES = ("en", "fr", "es")


def reference_templates():
    engine = settings.TEMPLATES[0]
    return override_settings(TEMPLATES=[{**engine, "DIRS": [REFERENCE_DIR, *engine["DIRS"]]}])


def page(client, url: str, language: str) -> str:
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code in (200, 404)
    return CSRF.sub('name="csrfmiddlewaretoken" value="…"', response.content.decode())


@pytest.fixture
def content(plan):
    area = PolicyAreaFactory(name="Open contracting", slug="open-contracting")
    commitment = CommitmentFactory(action_plan=plan)
    commitment.policy_areas.add(area)
    consultation = ConsultationFactory(action_plan=plan)
    ProposalFactory(consultation=consultation, problem="**Bold** and a [link](https://example.org)")
    return plan


def urls() -> list[str]:
    return [
        reverse("home"),
        reverse("commitments:member-list"),
        reverse("commitments:commitment-list") + "?completion=complete",
        reverse("consultations:consultation-list"),
        reverse("consultations:proposal-list") + "?sort=supported",
        reverse("irm_reports:report-list"),
        "/no-such-page/",
    ]


@pytest.mark.parametrize("visitor", ["anonymous", "participant", "point_of_contact", "staff"])
def test_pages_render_as_with_the_full_layout(client, content, visitor, request):
    if visitor != "anonymous":
        user = request.getfixturevalue(visitor if visitor != "staff" else "staff_user")
        client.force_login(user)
    addresses = urls()
    for language in LANGUAGES:
        fast = [page(client, url, language) for url in addresses]
        with reference_templates():
            reference = [page(client, url, language) for url in addresses]
        for url, got, expected in zip(addresses, fast, reference, strict=True):
            assert got == expected, (visitor, language, url)


def test_menu_marks_the_page_and_shows_the_workspace_to_whom_it_may_concern(client, content, point_of_contact):
    html = page(client, reverse("commitments:commitment-list"), "fr")
    assert f'<a href="{reverse("commitments:commitment-list")}" aria-current="page">' in html
    assert html.count('aria-current="page"') == 1
    assert reverse("commitments:workspace") not in html
    client.force_login(point_of_contact)
    html = page(client, reverse("commitments:member-list"), "en")
    assert reverse("commitments:workspace") in html
    assert f'<a href="{reverse("commitments:member-list")}" aria-current="page">' in html
    assert f'<a href="{reverse("commitments:commitment-list")}">' in html


def test_each_visitor_gets_own_csrf_token_name_and_messages(client, content):
    alice, bob = UserFactory(full_name="Alice Example"), UserFactory(full_name="Bob Example")
    client.force_login(alice)
    first = client.get(reverse("commitments:member-list")).content.decode()
    client.force_login(bob)
    second = client.get(reverse("commitments:member-list")).content.decode()
    assert alice.get_short_name() in first and bob.get_short_name() not in first
    assert bob.get_short_name() in second and alice.get_short_name() not in second
    token = client.cookies[settings.CSRF_COOKIE_NAME].value
    assert token and 'name="csrfmiddlewaretoken" value="' in second
    # A message queued for the next page shows on it, once.
    response = client.post(reverse("set_language"), {"language": "fr", "next": "/members/"})
    assert response.status_code == 302
    request = response.wsgi_request
    storage = get_messages(request)
    storage.add(constants.SUCCESS, "Saved.")
    storage.update(response)
    client.cookies.update(response.cookies)
    html = client.get(reverse("commitments:member-list")).content.decode()
    assert 'class="message message-success">Saved.</li>' in html
    assert 'lang="fr" selected>Français' in html
    assert "Saved." not in client.get(reverse("commitments:member-list")).content.decode()


@override_settings(
    CACHES={
        "default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
        "limits": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
)
def test_layout_and_filters_make_no_query_of_their_own(client, content, participant):
    """Signed in, the menu asks no permission table; on a list, the filter's options come from memory
    (no page or fragment cache here: every request renders the page)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = reverse("commitments:commitment-list")
    client.force_login(participant)
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    tables = " ".join(query["sql"] for query in queries.captured_queries)
    assert "auth_permission" not in tables
    assert 'FROM "commitments_member" ORDER BY' not in tables  # the member filter's options
    assert 'FROM "commitments_policyarea" ORDER BY' not in tables  # the policy area filter's options
