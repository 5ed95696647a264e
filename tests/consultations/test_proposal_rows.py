"""The HTML proposal lists read the page's ids first, then those rows with only what a row shows: the rows are
the same as those of the reference query (every related row joined), in every language and sort order."""

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from common.pagination import keyset_page
from consultations import selectors
from consultations.filters import SORTS
from consultations.rows import proposal_rows
from tests.factories import OrganisationFactory, PolicyAreaFactory, UserFactory
from tests.factories.consultations import CommentFactory, ConsultationFactory, ProposalFactory, ResponseFactory

pytestmark = pytest.mark.django_db


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
    return made


def _rows(rows) -> list[str]:
    return [render_to_string("consultations/includes/_proposal_row.html", {"proposal": p, "show_consultation": True})
            for p in rows]  # fmt: skip


@pytest.mark.parametrize("language", ["en", "fr", "es"])
@pytest.mark.parametrize("sort", list(SORTS))
@pytest.mark.parametrize("scope", ["all", "consultation"])
def test_the_rows_are_those_of_the_reference_query(proposals, consultation, django_assert_num_queries, language, sort,
                                                   scope):  # fmt: skip
    within = consultation if scope == "consultation" else None
    cursor = None
    for _page in range(3):  # forward through the pages, as the cursor links do
        page, _filter = selectors.proposal_page(
            filters={"sort": sort}, ordering=SORTS[sort], cursor=cursor, consultation=within
        )
        reference = keyset_page(
            selectors.proposal_list(filters={"sort": sort}, consultation=within)[0], ordering=SORTS[sort], cursor=cursor
        )
        with translation.override(language):
            expected = _rows(reference.object_list)
            with django_assert_num_queries(0):  # nothing the row shows is left to load
                shown = _rows(page.object_list)
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
        page, _filter = selectors.proposal_page(filters={"sort": sort}, ordering=SORTS[sort], cursor=None)
        with translation.override(language):
            expected = [
                render_to_string(
                    "consultations/includes/_proposal_row.html",
                    {"proposal": p, "show_consultation": show_consultation},
                )
                for p in page.object_list
            ]
            assert proposal_rows(page.object_list, show_consultation=show_consultation) == "".join(expected)


def test_a_withdrawn_proposal_and_an_empty_list(consultation, client):
    ProposalFactory(consultation=consultation, withdrawn=True, title="Withdrawn <idea> & more", author=None)
    page, _filter = selectors.proposal_page(filters={}, ordering=SORTS["newest"], cursor=None)
    for language in ("en", "fr", "es"):
        with translation.override(language):
            expected = render_to_string("consultations/includes/_proposal_row.html", {"proposal": page.object_list[0]})
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

    from consultations.models import Proposal

    settings.TIME_ZONE = zone
    times = [datetime(2026, 3, 1, 0, 5, tzinfo=UTC), datetime(2026, 3, 1, 23, 55, 30, 123456, tzinfo=UTC),
             datetime(2026, 3, 2, 10, 0, tzinfo=UTC), datetime(2026, 12, 31, 23, 59, 59, tzinfo=UTC)]  # fmt: skip
    for at in times:
        Proposal.objects.filter(pk=ProposalFactory(consultation=consultation).pk).update(submitted_at=at)
    rows = selectors.proposal_rows(ids=list(Proposal.objects.order_by("pk").values_list("pk", flat=True)))
    for language in ("en", "fr", "es"):
        with translation.override(language):
            expected = [render_to_string("consultations/includes/_proposal_row.html", {"proposal": p}) for p in rows]
            assert proposal_rows(rows) == "".join(expected)
