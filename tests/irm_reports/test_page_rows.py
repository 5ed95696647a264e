"""irm_reports.page_rows writes the commitments and the missing items of a researcher's report page: the same bytes
as the reference templates (workspace/includes/_assessment_row.html, _missing_item.html) on the same report, in
every language, with and without the right to change it; and the page shows them."""

import re

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from irm_reports import selectors
from irm_reports.models import CommitmentAssessment
from irm_reports.page_rows import assessment_rows, missing_items
from tests.factories import CommitmentFactory
from tests.factories.irm_reports import CommitmentAssessmentFactory

pytestmark = pytest.mark.django_db
LANGUAGES = ["en", "fr", "es"]


@pytest.fixture
def assessed(report):
    """Commitments not started, incomplete and complete, starred, not starred and unrated, with odd titles."""
    completion = CommitmentAssessment._meta.get_field("completion").choices[-1][0]
    for i in range(7):
        commitment = CommitmentFactory(
            action_plan=report.action_plan, number=f"{i + 1}<i>", title=f'Open <budgets> & "contracts" {i}'
        )
        if i % 3 == 0:
            continue  # not started
        assessment = CommitmentAssessmentFactory(report=report, commitment=commitment)
        if i % 3 == 2:  # complete: not verifiable, then its completion
            assessment.verifiable, assessment.completion = "no", completion
            assessment.save()
        starred = {1: True, 2: False, 4: None, 5: True}[i]
        CommitmentAssessment.objects.filter(pk=assessment.pk).update(starred=starred)
    return report


def _reference_rows(rows, report, can_change) -> str:
    return "".join(
        render_to_string(
            "irm_reports/workspace/includes/_assessment_row.html",
            {"row": row, "report": report, "can_change": can_change},
        )
        for row in rows
    )


def _reference_missing(items) -> str:
    return "".join(render_to_string("irm_reports/workspace/includes/_missing_item.html", {"item": i}) for i in items)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("can_change", [True, False])
def test_the_rows_written_in_python_are_the_templates(assessed, language, can_change):
    with translation.override(language):
        rows = selectors.commitment_rows(report=assessed)
        written = assessment_rows(rows, assessed, can_change)
        assert written == _reference_rows(rows, assessed, can_change)
        missing = selectors.report_missing(report=assessed, rows=rows)
        assert missing_items(missing) == _reference_missing(missing)
    states = {"not_started", "delayed", "complete"}
    assert all(f"badge-{state}" in written for state in states)
    starred = [row.assessment.starred for row in rows if row.assessment]
    assert {True, False, None} <= set(starred)
    assert written.count("<tr ") == len(rows) == 7
    assert ("/commitments/" in written) is can_change
    assert len(missing) > 3 and "&lt;budgets&gt;" in missing_items(missing)


def test_the_page_shows_each_commitment_and_what_is_missing(researcher_client, assessed):
    html = researcher_client.get(reverse("irm_reports:report-detail", args=[assessed.pk])).content.decode()
    for commitment in assessed.action_plan.commitments.all():
        assert reverse("irm_reports:assessment-edit", args=[assessed.pk, commitment.pk]) in html
    assert html.count('<tr id="commitment-') == 7
    assert 'id="missing-title"' in html and "Commitment 1&lt;i&gt;" in html


def test_a_plan_without_commitments_says_so(researcher_client, report):
    html = researcher_client.get(reverse("irm_reports:report-detail", args=[report.pk])).content.decode()
    assert "This action plan has no commitment." in html


def test_an_address_under_a_script_prefix_is_escaped_as_the_template_escapes_it(assessed):
    from django.urls import get_script_prefix, set_script_prefix

    previous = get_script_prefix()
    set_script_prefix("/o&g/")
    try:
        rows = selectors.commitment_rows(report=assessed)
        written = assessment_rows(rows, assessed, True)
        assert written == _reference_rows(rows, assessed, True) and 'href="/o&amp;g/' in written
        missing = selectors.report_missing(report=assessed, rows=rows)
        assert missing_items(missing) == _reference_missing(missing)
    finally:
        set_script_prefix(previous)


def test_the_report_pages_are_the_same_through_the_statements_compiled_once(client, monkeypatch, researcher):
    """A report's page reads its plan's commitments and researchers, its assessments, recommendations and published
    versions by statements written once per process (irm_reports.selectors): two reports' pages show, in each
    language, what they show when each of them goes through the ORM (each its own rows), and each was kept."""
    from django.utils import timezone

    from common import compiled_models
    from irm_reports import researcher_selectors
    from irm_reports.models import PublishedVersion
    from tests.factories import UserFactory
    from tests.factories.irm_reports import ResearcherAssignmentFactory, complete_results_report

    reports = [complete_results_report(commitments=n, researcher=researcher) for n in (4, 2)]
    ResearcherAssignmentFactory(action_plan=reports[0].action_plan, researcher=UserFactory(researcher=True))
    PublishedVersion.objects.create(
        report=reports[0], version=1, language="en", pdf="irm/v1.pdf", sha256="0" * 64, size=1,
        published_at=timezone.now(),
    )  # fmt: skip
    reports[1].recommendations.first().delete()
    kept = [selectors._RESEARCHERS, selectors._PLAN_COMMITMENTS, selectors._COMMITMENT_ASSESSMENTS,
            selectors._REQUIREMENT_ASSESSMENTS, selectors._RECOMMENDATIONS, selectors._PUBLISHED_VERSIONS,
            selectors._REQUIREMENTS_IN_SCOPE["implementation"], researcher_selectors._ASSIGNMENTS]  # fmt: skip
    client.force_login(researcher)

    def page(report, language):
        response = client.get(reverse("irm_reports:report-detail", args=[report.pk]), HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 200
        return re.sub(r'(value|nonce)="[^"]*"', "", response.content.decode())

    for statement in kept:
        monkeypatch.setattr(statement, "compiled", None)  # every query through the ORM
    by_orm = {(report.pk, language): page(report, language) for report in reports for language in LANGUAGES}
    first, second = (by_orm[(report.pk, "en")] for report in reports)
    assert first.count('<tr id="commitment-') == 4 and second.count('<tr id="commitment-') == 2
    assert "Published versions:" in first and "Published versions:" not in second
    assert "Publish the budget tracker data monthly" in first and "Publish the budget tracker" not in second
    for statement in kept:
        monkeypatch.setattr(statement, "compiled", compiled_models._UNCOMPILED)
        monkeypatch.setattr(statement, "first", None)
    for _round in range(2):  # the first calls compile, the next send the kept statements, keys alternating
        for (pk, language), expected in by_orm.items():
            assert page(next(r for r in reports if r.pk == pk), language) == expected, (pk, language)
    assert [s.build for s in kept if s.compiled in (None, compiled_models._UNCOMPILED)] == []
