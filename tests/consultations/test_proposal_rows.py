"""The HTML proposal lists read the page's ids first, then those rows with only what a row shows: the rows are
the same as those of the reference query (every related row joined), in every language and sort order."""

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from common.content_translations import translation_save
from common.pagination import keyset_page
from common.translations import page_translations
from consultations import row_selectors, selectors
from consultations.filters import SORTS
from consultations.models import Consultation, Proposal, ProposalResponse
from consultations.rows import proposal_rows
from tests.factories import OrganisationFactory, PolicyAreaFactory, UserFactory
from tests.factories.consultations import CommentFactory, ConsultationFactory, ProposalFactory, ResponseFactory

pytestmark = pytest.mark.django_db
ROW_TEMPLATE = "consultations/includes/_proposal_row.html"


@pytest.fixture
def proposals(consultation):
    area = PolicyAreaFactory(slug="open-contracting", name="Open contracting", name_fr="Contrats ouverts")
    other = ConsultationFactory(title="Budget 2026")
    organisation = OrganisationFactory(name="Transparencia Madrid")
    deleted = UserFactory(full_name="Gone Away")
    deleted.deleted_at = deleted.date_joined
    deleted.save()
    made = []
    for i in range(40):
        proposal = ProposalFactory(
            consultation=consultation if i % 4 else other,
            title=f"Idea {i}: publish the contracts",
            policy_area=area if i % 2 else None,
            organisation=organisation if i % 5 == 0 else None,
            author=deleted if i % 7 == 0 else UserFactory(full_name=f"Author {i}"),
            support_count=(i * 7) % 11,
        )
        if i % 4 == 0:
            ResponseFactory(
                proposal=proposal, reasons=f"**Agreed** for reason {i}: see [the plan](https://example.org)."
            )
        for hidden in (False, True)[: i % 3]:
            CommentFactory(proposal=proposal, is_hidden=hidden)
        made.append(proposal)
    ProposalFactory(consultation=consultation, draft=True)
    _translate(made, other)
    return made


def _translate(made, other):
    """Translations of every kind a row shows: a machine's and a person's titles, a published response's reasons, a
    draft response's (never shown) and a consultation's title."""
    editor = UserFactory()
    texts = {"problem": "Personne ne les voit.", "solution": "Les publier."}
    translation_save(made[1], language="fr", texts={**texts, "title": "Idée 1 : publier"}, translated_by=None,
                     machine_translated=True)  # fmt: skip
    translation_save(made[2], language="es", texts={**texts, "title": "Idea 2: publicar"}, translated_by=editor)
    translation_save(made[4].response, language="fr", texts={"reasons": "D'accord, *vraiment*."}, translated_by=editor)
    draft = ResponseFactory(proposal=made[5], status=ProposalResponse.Status.DRAFT, published_at=None, reasons="No.")
    translation_save(draft, language="fr", texts={"reasons": "Pas encore."}, translated_by=editor)
    spanish = {"title": "Presupuesto 2026", "description": "Ideas."}
    translation_save(other, language="es", texts=spanish, translated_by=None, machine_translated=True)


def _reference(queryset):
    """The reference rows: model instances, every related row joined, translations into the page's language."""
    return queryset.prefetch_related(
        page_translations(Proposal),
        selectors.response_translations(),
        page_translations(Consultation, through="consultation"),
    )


def _rendered(proposals, show_consultation=True) -> str:
    return "".join(
        render_to_string(ROW_TEMPLATE, {"proposal": p, "show_consultation": show_consultation}) for p in proposals
    )


@pytest.mark.parametrize("language", ["en", "fr", "es"])
@pytest.mark.parametrize("sort", list(SORTS))
@pytest.mark.parametrize("scope", ["all", "consultation"])
def test_the_rows_are_those_of_the_reference_query(proposals, consultation, django_assert_num_queries, language, sort,
                                                   scope):  # fmt: skip
    within = consultation if scope == "consultation" else None
    cursor = None
    for _page in range(3):  # forward through the pages, as the cursor links do
        with translation.override(language):
            page, _filter = selectors.proposal_page(
                filters={"sort": sort}, ordering=SORTS[sort], cursor=cursor, consultation=within
            )
            reference = keyset_page(
                _reference(selectors.proposal_list(filters={"sort": sort}, consultation=within)[0]),
                ordering=SORTS[sort],
                cursor=cursor,
            )
            # A consultation's page names no consultation in its rows, and reads no consultation's translation.
            expected = _rendered(reference.object_list, show_consultation=within is None)
            with django_assert_num_queries(0):  # nothing the row shows is left to load
                shown = proposal_rows(page.object_list, show_consultation=within is None)
        assert shown == expected
        assert (page.count, page.next_cursor, page.previous_cursor) == (
            reference.count,
            reference.next_cursor,
            reference.previous_cursor,
        )
        cursor = page.next_cursor
        if cursor is None:
            break
    assert _page > 0


def test_the_list_pages_show_the_rows_in_two_queries_whatever_the_filters(client, proposals, consultation):
    page = client.get("/proposals/", {"sort": "supported", "search": "contracts", "policy_area": "open-contracting"})
    assert page.status_code == 200
    html = page.content.decode()
    assert "Idea 1: publish the contracts" in html and "Idea 2: publish" not in html
    assert client.get(consultation.get_absolute_url(), {"sort": "oldest"}).status_code == 200


@pytest.mark.parametrize("language", ["en", "fr", "es"])
@pytest.mark.parametrize("show_consultation", [True, False])
def test_the_rows_written_in_python_are_the_templates(proposals, consultation, language, show_consultation):
    """consultations.rows writes the markup of _proposal_row.html: the same bytes on the same rows (responses in
    Markdown, organisations, deleted authors, policy areas, counts), in every language."""
    for sort in SORTS:
        with translation.override(language):
            page, _filter = selectors.proposal_page(filters={"sort": sort}, ordering=SORTS[sort], cursor=None)
            reference = keyset_page(
                _reference(selectors.proposal_list(filters={"sort": sort})[0]), ordering=SORTS[sort], cursor=None
            )
            expected = _rendered(reference.object_list, show_consultation)
            assert proposal_rows(page.object_list, show_consultation=show_consultation) == expected


def test_a_withdrawn_proposal_and_an_empty_list(consultation, client):
    ProposalFactory(consultation=consultation, withdrawn=True, title="Withdrawn <idea> & more", author=None)
    for language in ("en", "fr", "es"):
        with translation.override(language):
            page, _filter = selectors.proposal_page(filters={}, ordering=SORTS["newest"], cursor=None)
            expected = _rendered(_reference(selectors.proposal_list()[0]), show_consultation=False)
            assert proposal_rows(page.object_list) == expected
    assert "Withdrawn &lt;idea&gt; &amp; more" in expected and "Awaiting" not in expected
    assert "No proposal matches these filters." in client.get("/proposals/", {"status": "merged"}).content.decode()


def test_rows_link_to_the_addresses_reverse_gives(proposals):
    proposal = proposals[1]
    assert proposal.get_absolute_url() == reverse("consultations:proposal-detail", args=[proposal.pk])
    parent = proposal.consultation
    assert parent.get_absolute_url() == reverse("consultations:consultation-detail", args=[parent.pk])


@pytest.mark.parametrize("zone", ["UTC", "Pacific/Kiritimati", "America/Los_Angeles"])
def test_submission_dates_are_the_templates_in_any_time_zone(consultation, settings, zone):
    """A day's label is written once per list: proposals of the same day (here, in UTC) and around midnight
    elsewhere, with and without microseconds, show the template's date and ISO time in every language."""
    from datetime import UTC, datetime

    settings.TIME_ZONE = zone
    times = [datetime(2026, 3, 1, 0, 5, tzinfo=UTC), datetime(2026, 3, 1, 23, 55, 30, 123456, tzinfo=UTC),
             datetime(2026, 3, 2, 10, 0, tzinfo=UTC), datetime(2026, 12, 31, 23, 59, 59, tzinfo=UTC)]  # fmt: skip
    for at in times:
        Proposal.objects.filter(pk=ProposalFactory(consultation=consultation).pk).update(submitted_at=at)
    ids = list(Proposal.objects.order_by("pk").values_list("pk", flat=True))
    for language in ("en", "fr", "es"):
        with translation.override(language):
            expected = _rendered(_reference(selectors.proposal_list()[0].order_by("pk")), show_consultation=False)
            assert proposal_rows(row_selectors.proposal_rows(ids=ids)) == expected
