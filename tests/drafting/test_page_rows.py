"""drafting.page_rows writes a draft version's paragraphs: the same bytes as the reference template
(drafting/includes/_paragraph.html) on the same version, in every language, with a paragraph's thread opened or
none; and the page shows them."""

import re

import pytest
from django.template import engines
from django.urls import reverse

from drafting.models import DraftParagraph
from drafting.services import amendments
from tests.factories import UserFactory
from tests.factories.drafting import published_draft

pytestmark = pytest.mark.django_db
REFERENCE = (
    "{% for paragraph in paragraphs %}{% include 'drafting/includes/_paragraph.html' %}{% endfor %}"
)  # fmt: skip
WRITTEN = "{% load drafting_tags %}{% draft_paragraphs paragraphs opened %}"


@pytest.fixture
def version(plan, point_of_contact):
    """Paragraphs of every section, with odd texts, no comment, one, many; none, one or two amendments awaiting."""
    version = published_draft(action_plan=plan, commitments=3, poc=point_of_contact)
    paragraphs = list(DraftParagraph.objects.filter(draft_commitment__version=version).order_by("id"))
    sections = [value for value, _label in DraftParagraph.Section.choices]
    for n, paragraph in enumerate(paragraphs):
        paragraph.text = f'Publish <all> the "contracts" & l\'argent {n}'
        paragraph.section = sections[n % len(sections)]
        paragraph.comment_count = [0, 1, 2, 1234][n % 4]
        paragraph.save()
        for i in range(n % 3):
            amendments.amendment_propose(author=UserFactory(), paragraph=paragraph, text=f"Wording {n}.{i}")
    return version


def _both(client, url, language) -> tuple[list[str], list[str], str]:
    """Each commitment's paragraphs written and through the reference, in the page's context; the page."""
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    context = response.context[0].flatten()  # the page's own template's context
    engine, request = engines["django"], response.wsgi_request
    written, reference = [], []
    for copy in context["commitments"]:
        context["paragraphs"] = copy.shown_paragraphs
        written.append(engine.from_string(WRITTEN).render(context, request=request))
        reference.append(engine.from_string(REFERENCE).render(context, request=request))
    return written, reference, response.content.decode()


@pytest.mark.parametrize("language", ["en", "fr", "es"])
@pytest.mark.parametrize("opens", [False, True])
def test_the_paragraphs_written_in_python_are_the_templates(client, version, point_of_contact, language, opens):
    client.force_login(point_of_contact)
    paragraphs = list(DraftParagraph.objects.filter(draft_commitment__version=version).order_by("id"))
    url = reverse("drafting:version-detail", args=[version.pk]) + (f"?paragraph={paragraphs[4].pk}" if opens else "")
    blocks, reference, page = _both(client, url, language)
    assert blocks == reference and len(blocks) == 3
    strip = re.compile(r'(value|nonce)="[^"]*"')
    assert all(strip.sub("", block) in strip.sub("", page) for block in blocks)
    written = "".join(blocks)
    assert written.count('<div class="draft-paragraph') == len(paragraphs) == 9
    assert written.count('class="draft-thread"') == int(opens) and written.count("is-open") == int(opens)
    assert "Publish &lt;all&gt; the &quot;contracts&quot; &amp; l&#x27;argent 8" in written
    if language == "en":
        assert "1234 comments" in written and "1 comment," in written and "2 amendments awaiting a decision" in written


@pytest.mark.parametrize("visitor", ["anonymous", "participant", "point_of_contact"])
def test_a_version_costs_the_same_queries_for_one_commitment_or_many(
    client, member, point_of_contact, visitor, request
):
    """Nothing is read per commitment or per paragraph (the rules read the version the page read), for a visitor,
    a participant or the point of contact, with a thread opened."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import ActionPlanFactory

    if visitor != "anonymous":
        client.force_login(request.getfixturevalue(visitor))
    counts = []
    for size in (1, 4):
        version = published_draft(action_plan=ActionPlanFactory(member=member), commitments=size, poc=point_of_contact)
        opened = DraftParagraph.objects.filter(draft_commitment__version=version).first()
        url = reverse("drafting:version-detail", args=[version.pk]) + f"?paragraph={opened.pk}"
        client.get(url)  # the statements kept, the caches filled
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
