"""A draft version's page and diff read by statements kept once per process (drafting.selectors): each paragraph
opens under its own version with its own amendments, and the pages are those the ORM's reads give, in every
language."""

import re

import pytest
from django.urls import reverse

from drafting.models import Amendment
from drafting.models.version import DraftParagraph
from drafting.services import amendments
from drafting.services.versions import version_create
from tests.factories import UserFactory
from tests.factories.drafting import published_draft

pytestmark = pytest.mark.django_db


def test_each_paragraph_opens_under_its_own_version_with_its_own_amendments(
    client, plan, point_of_contact, monkeypatch
):
    """The opened paragraph and its amendments are read by statements kept per process: each paragraph shows its
    own amendments, again on a second visit, and a paragraph of another version opens no thread."""
    from common.compiled_models import CompiledModels
    from drafting import selectors

    kept = {name: CompiledModels(getattr(selectors, name).build) for name in ("_PARAGRAPH", "_PARAGRAPH_AMENDMENTS")}
    for name, statement in kept.items():
        monkeypatch.setattr(selectors, name, statement)
    first = published_draft(action_plan=plan, commitments=2, poc=point_of_contact)
    paragraphs = list(DraftParagraph.objects.filter(draft_commitment__version=first).order_by("id"))
    for n, paragraph in enumerate(paragraphs):
        for i in range(n):
            amendments.amendment_propose(author=UserFactory(), paragraph=paragraph, text=f"Wording {paragraph.pk}.{i}")
    second = version_create(consultation=first.consultation, user=point_of_contact)
    elsewhere = DraftParagraph.objects.filter(draft_commitment__version=second).first()
    client.force_login(point_of_contact)
    url = reverse("drafting:version-detail", args=[first.pk])
    for _visit in range(2):
        for n, paragraph in enumerate(paragraphs):
            page = client.get(f"{url}?paragraph={paragraph.pk}").content.decode()
            assert sorted(re.findall(r"Wording (\d+\.\d+)", page)) == [f"{paragraph.pk}.{i}" for i in range(n)]
            assert page.count('class="draft-thread"') == 1 and f'id="p-{paragraph.pk}"' in page
        page = client.get(f"{url}?paragraph={elsewhere.pk}").content.decode()
        assert 'class="draft-thread"' not in page and "Wording" not in page
    assert all(isinstance(statement.compiled, tuple) for statement in kept.values())  # (statement, places)


def _version_text_by_the_orm(*, version):
    """The reference: the version's commitments and paragraphs through the ORM's related manager and prefetch."""
    from django.db.models import Count, Prefetch, Q

    paragraphs = DraftParagraph.objects.annotate(
        open_amendments=Count("amendments", filter=Q(amendments__state=Amendment.State.PROPOSED))
    ).order_by("order", "id")
    prefetch = Prefetch("paragraphs", queryset=paragraphs, to_attr="shown_paragraphs")
    return list(version.commitments.prefetch_related(prefetch))


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_the_version_page_and_the_diff_read_by_kept_statements_are_those_of_the_orm(
    client, plan, point_of_contact, monkeypatch, language
):
    from common.compiled_models import CompiledModels
    from drafting import diff, selectors

    fresh = {
        name: CompiledModels(getattr(selectors, name).build) for name in ("_VERSION_COMMITMENTS", "_VERSION_PARAGRAPHS")
    }
    for name, statement in fresh.items():
        monkeypatch.setattr(selectors, name, statement)
    first = published_draft(action_plan=plan, commitments=3, poc=point_of_contact)
    paragraphs = list(DraftParagraph.objects.filter(draft_commitment__version=first).order_by("id"))
    for n, paragraph in enumerate(paragraphs[::2]):
        for i in range(n % 3):
            amendments.amendment_propose(author=UserFactory(), paragraph=paragraph, text=f"New <words> & {n}.{i}")
    second = version_create(consultation=first.consultation, user=point_of_contact)
    client.force_login(point_of_contact)
    urls = [
        reverse("drafting:version-detail", args=[first.pk]),
        reverse("drafting:version-detail", args=[first.pk]) + f"?paragraph={paragraphs[2].pk}",
        reverse("drafting:version-detail", args=[second.pk]),
        reverse("drafting:version-diff", args=[second.pk, first.pk]),
    ]

    def pages():
        return [
            re.sub(r'(value|nonce)="[^"]*"', "", client.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode())
            for url in urls
        ]

    pages()  # the statements are kept from the first calls
    kept = pages()
    monkeypatch.setattr(selectors, "version_text", _version_text_by_the_orm)
    monkeypatch.setattr(diff, "version_text", _version_text_by_the_orm)
    assert kept == pages()
    assert kept[0].count('<div class="draft-paragraph') == len(paragraphs)
    assert language != "en" or "2 amendments awaiting a decision" in kept[0]
    assert all(isinstance(statement.compiled, tuple) for statement in fresh.values())
