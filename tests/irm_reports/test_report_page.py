"""The researcher's report page: its rows are read once, whatever the size of the plan."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from irm_reports import selectors
from tests.factories import CommitmentFactory

pytestmark = pytest.mark.django_db


def _page(client, report, language="en"):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse("irm_reports:report-detail", args=[report.pk]), HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return response, len(ctx.captured_queries)


def test_the_report_page_reads_its_rows_once_at_any_size(researcher_client, report):
    CommitmentFactory.create_batch(2, action_plan=report.action_plan)
    _, few = _page(researcher_client, report)
    CommitmentFactory.create_batch(8, action_plan=report.action_plan)
    _, many = _page(researcher_client, report)
    assert few == many
    with CaptureQueriesContext(connection) as ctx:
        selectors.commitment_rows(report=report)
    commitment_queries = [q["sql"] for q in ctx.captured_queries]
    assert len(commitment_queries) == 2  # the rows' own two queries…
    with CaptureQueriesContext(connection) as ctx:
        _page(researcher_client, report)
    # …run once by the page (its missing items reuse them).
    assert sum('FROM "commitments_commitment"' in q["sql"] for q in ctx.captured_queries) == 1


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_the_missing_items_are_those_the_render_check_sees(researcher_client, report, language):
    CommitmentFactory.create_batch(3, action_plan=report.action_plan)
    response, _ = _page(researcher_client, report, language)
    from django.utils import translation

    with translation.override(language):
        expected = selectors.report_missing(report=report)
        shown = response.context["missing"]
        assert [(str(i.label), [str(f) for f in i.fields], i.url) for i in shown] == [
            (str(i.label), [str(f) for f in i.fields], i.url) for i in expected
        ]
    assert expected


def test_the_page_asks_the_researchers_assignment_once(researcher_client, report):
    """Six permissions of one report on the page: the assignment is read once (irm_reports.rules)."""
    _page(researcher_client, report)
    with CaptureQueriesContext(connection) as ctx:
        _page(researcher_client, report)
    assert sum('FROM "irm_reports_researcherassignment"' in q["sql"] for q in ctx.captured_queries) == 1
