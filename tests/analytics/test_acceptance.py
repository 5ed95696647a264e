"""Acceptance: the analytics of the imported OGP sheet match figures computed straight from the CSV."""

import csv
import io

import pytest
from rest_framework.test import APIClient

from irm_reports.importing import import_ogp_data
from tests.analytics import ogp_sheet

pytestmark = pytest.mark.django_db


def api_rows(client, by: str) -> dict[str, dict]:
    response = client.get(f"/api/v1/analytics/?by={by}", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    return {row["label"]: {k: row[k] for k in ogp_sheet.COUNTS} for row in response.json()}


def test_the_sheet_has_its_86_policy_areas_and_odd_rows():
    header, rows = ogp_sheet.read()
    assert len(ogp_sheet.area_columns(header)) == 86
    assert {"ND", "NR", "NA"} <= {r["_CompletionProgress"] for r in rows}
    assert any(len(r["Code"]) != 3 for r in rows)  # PHSC: South Cotabato, a locality without an ISO code
    assert sum(ogp_sheet.measures(r) is None for r in rows) == 28  # never assessed: left out


def test_the_api_and_csv_figures_of_the_imported_sheet_match_the_sheet():
    summary = import_ogp_data(str(ogp_sheet.SHEET))
    assert summary.ok, [str(e) for e in summary.errors]
    client = APIClient()
    for by, computed in (
        ("region", ogp_sheet.by_region),
        ("policy_area", ogp_sheet.by_policy_area),
        ("kind", ogp_sheet.by_kind),
        ("start_year", ogp_sheet.by_start_year),
    ):
        assert api_rows(client, by) == computed(), by
    regions = ogp_sheet.by_region()
    assert sum(r["commitments"] for r in regions.values()) == 241
    assert sum(r["completed"] for r in regions.values()) > 0
    assert sum(r["starred"] for r in regions.values()) > 0
    # The CSV has the same rows.
    response = client.get("/analytics/figures.csv?by=region")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert {row["label"]: {k: int(row[k]) for k in ogp_sheet.COUNTS} for row in rows} == regions


def test_a_repeated_row_and_a_repeated_import_change_no_figure(tmp_path):
    """A sheet that repeats a row (the same commitment twice) counts it once, and so does a second import."""
    header, rows = ogp_sheet.read()
    repeated = [r for r in rows if ogp_sheet.measures(r) and ogp_sheet.measures(r)["completed"]][0]
    path = tmp_path / "repeated.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header)
        writer.writeheader()
        writer.writerows([*rows, repeated])
    summary = import_ogp_data(str(path))
    assert [e.message for e in summary.errors] == [f"This commitment is already in row {rows.index(repeated) + 2}."]
    client = APIClient()
    first = api_rows(client, "policy_area")
    assert first == ogp_sheet.by_policy_area()
    import_ogp_data(str(ogp_sheet.SHEET))
    assert api_rows(client, "policy_area") == first
