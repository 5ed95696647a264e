"""The acceptance points of the import of OGP's data, on the real sample shipped with the portal."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from pypdf import PdfReader
from rest_framework.test import APIClient

from commitments.models import ActionPlan, Commitment, Member, PolicyArea
from irm_reports import services
from irm_reports.importing import OGP_SAMPLE, import_ogp_data
from irm_reports.importing.columns import KNOWN
from irm_reports.models import CommitmentAssessment, Report
from irm_reports.scales import ReportType
from tests.irm_reports.sheets import ogp_latest_star, rows_by_id, sample, write_xlsx

pytestmark = pytest.mark.django_db

HISTORY = (Member.history, ActionPlan.history, Commitment.history)


@pytest.fixture(scope="module")
def _imported(django_db_setup, django_db_blocker):
    """The sample imported once for the module, in a transaction rolled back after it (each test runs in a
    savepoint of its own: what it writes is undone)."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield import_ogp_data(OGP_SAMPLE)
        transaction.set_rollback(True)


@pytest.fixture
def imported(_imported, db):
    assert _imported.ok, [str(e) for e in _imported.errors]
    return _imported


def test_the_sample_imports_its_members_plans_commitments_areas_and_assessments(imported):
    header, rows = sample()
    assert imported.rows_total == imported.rows_imported == 269 and imported.errors == []
    assert Member.objects.count() == 30 == len({r["Code"] for r in rows})
    assert set(ActionPlan.objects.values_list("ogp_id", flat=True)) == {r["Action Plan ID"] for r in rows}
    assert Commitment.objects.count() == 269
    areas = {a.name for a in PolicyArea.objects.all()}
    area_columns = [c for c in header if c in areas and c not in KNOWN]
    assert len(area_columns) == 86
    commitments = {c.ogp_id: c for c in Commitment.objects.prefetch_related("policy_areas", "irm_assessments__report")}
    for row in rows:
        commitment = commitments[row["Commitment Unique Identifier"]]
        assert commitment.action_plan.ogp_id == row["Action Plan ID"]
        assert {a.name for a in commitment.policy_areas.all()} == {c for c in area_columns if row[c] == "1"}
        types = {a.report.report_type for a in commitment.irm_assessments.all()}
        design = {ReportType.PROGRESS_REPORT, ReportType.ACTION_PLAN_REVIEW} & types
        results = {ReportType.END_OF_TERM_REPORT, ReportType.RESULTS_REPORT} & types
        assert bool(design) == row["Report Publication Year (Progress Report)"].isdigit()
        assert bool(results) == row["Report Publication Year (End Of Term)"].isdigit()
    assert CommitmentAssessment.objects.count() == 402
    assert (
        Report.objects.filter(source=Report.Source.IMPORTED, status=Report.Status.PUBLISHED, rendering=None).count()
        == 153
    )


def test_the_sheet_is_imported_as_written(imported):
    """Text fields, dates read leniently next to their raw text, sentinels and labels through codes."""
    rows = rows_by_id(sample()[1])
    kenya = Commitment.objects.get(ogp_id="KE0037")
    assert kenya.start_date_text == "7/16/1905" and kenya.start_date.year == 2024  # a year taken for a date
    assert kenya.full_text == rows["KE0037"]["Full Text"].strip()
    serbia = Commitment.objects.get(ogp_id="RS0006")
    assert serbia.end_date is None and serbia.end_date_text == "Ongoing"
    assert (
        Commitment.objects.get(ogp_id="MN0020")
        .irm_assessments.get(report__report_type=ReportType.END_OF_TERM_REPORT)
        .change_in_completion
        == "not_reviewed"
    )  # NR kept as "not reviewed", not as "no"
    slovak = ActionPlan.objects.get(ogp_id="AP_SVK01")
    assert (slovak.number, slovak.submission_year, slovak.end_year, slovak.duration_years) == (1, 2012, 2013, 1)
    too_early = CommitmentAssessment.objects.filter(diog_overall="too_early").count()
    assert too_early == sum(
        r["Did It Open Government (Overall)"] == "No early results to report yet" for r in rows.values()
    )
    local = Member.objects.get(code="PHSC")
    assert (local.name, local.kind, local.country.code, local.region) == (
        "South Cotabato",
        "local",
        "PH",
        "asia_pacific",
    )


def test_the_api_gives_the_imported_text_as_written(imported):
    rows = rows_by_id(sample()[1])
    kenya = Commitment.objects.get(ogp_id="KE0037")
    api = APIClient()
    item = api.get(f"/api/v1/commitments/{kenya.pk}/").json()
    assert item["full_text"] == rows["KE0037"]["Full Text"].strip()
    assert item["start_date_text"] == "7/16/1905" and item["start_date"].startswith("2024")
    serbia = api.get(f"/api/v1/commitments/{Commitment.objects.get(ogp_id='RS0006').pk}/").json()
    assert serbia["end_date"] is None and serbia["end_date_text"] == "Ongoing"
    slovak = api.get(f"/api/v1/action-plans/{ActionPlan.objects.get(ogp_id='AP_SVK01').pk}/").json()
    assert (slovak["submission_year"], slovak["end_year"], slovak["duration_years"]) == (2012, 2013, 1)


def test_a_second_import_changes_nothing(imported):
    history = [h.count() for h in HISTORY]
    latest = list(CommitmentAssessment.objects.filter(is_latest=True).values_list("pk", flat=True).order_by("pk"))
    again = import_ogp_data(OGP_SAMPLE)
    assert not again.changed()
    assert again.counts["commitments"]["unchanged"] == 269 and again.counts["assessments"]["unchanged"] == 402
    assert again.counts["members"]["unchanged"] == 30 and again.counts["action_plans"]["unchanged"] == 100
    assert [h.count() for h in HISTORY] == history
    assert (
        list(CommitmentAssessment.objects.filter(is_latest=True).values_list("pk", flat=True).order_by("pk")) == latest
    )


def test_starred_flags_agree_with_ogps_star_of_the_latest_report_and_the_api_lists_them(imported):
    """Where OGP computed the star of a commitment's most recent report, the portal's latest assessment
    agrees; `?starred=true` lists exactly the commitments whose latest assessment is starred."""
    rows = sample()[1]
    latest = {
        a.commitment.ogp_id: a for a in CommitmentAssessment.objects.filter(is_latest=True).select_related("commitment")
    }
    compared = 0
    for row in rows:
        ogp = ogp_latest_star(row)
        if ogp is None:
            continue
        compared += 1
        assert latest[row["Commitment Unique Identifier"]].starred is ogp, row["Commitment Unique Identifier"]
    assert compared == 123
    # OGP's `Star - Most Recently Assessed` marks the rows of each member's latest plan with stars computed:
    # every one of them is among the rows compared.
    marked = {r["Commitment Unique Identifier"] for r in rows if r["Star - Most Recently Assessed"] == "1"}
    assert marked and all(ogp_latest_star(r) is not None for r in rows if r["Commitment Unique Identifier"] in marked)

    api = APIClient()
    listed, url = set(), "/api/v1/commitments/?starred=true&page_size=100"
    while url:
        page = api.get(url).json()
        listed |= {item["id"] for item in page["results"]}
        url = page["next"]
    starred = {a.commitment_id for a in latest.values() if a.starred}
    assert listed == starred
    ogp_starred = {
        Commitment.objects.get(ogp_id=r["Commitment Unique Identifier"]).pk for r in rows if ogp_latest_star(r)
    }
    assert ogp_starred <= listed and len(ogp_starred) == 17
    # The others are starred by the portal's rules where OGP computed no star (2018+ plans).
    for pk in listed - ogp_starred:
        row = next(r for r in rows if r["Commitment Unique Identifier"] == Commitment.objects.get(pk=pk).ogp_id)
        assert ogp_latest_star(row) is None


def test_the_import_reports_every_disagreement_with_ogps_columns(imported):
    assert imported.compared > 700
    assert [(d.identifier, d.column, d.ogp, d.portal) for d in imported.disagreements] == [
        ("JO0062", "High Ambition", False, True)  # OGP's `_Relevant` is ND while its three values are 1
    ]


def test_an_imported_end_of_term_report_renders_as_a_new_version_with_its_titles_and_ratings(
    imported, django_capture_on_commit_callbacks
):
    """The IRM team reopens OGP's report, writes what the portal's PDF needs, and renders it."""
    rows = [r for r in sample()[1] if r["Action Plan ID"] == "AP_GHA01"]
    report = Report.objects.get(action_plan__ogp_id="AP_GHA01", report_type=ReportType.END_OF_TERM_REPORT)
    report = services.report_new_version(report=report)
    services.report_update(report=report, overview="Ghana's first plan.", iap2_level_implementation="consult")
    services.recommendations_save(report=report, items=[{"kind": "implementation", "title": "Publish the audits"}])
    for assessment in report.assessments.filter(carried_forward__isnull=True).select_related("commitment"):
        services.assessment_save(
            report=report, commitment=assessment.commitment, carried_forward="no"
        )  # ND in OGP's data
    with django_capture_on_commit_callbacks(execute=True):
        services.report_request_render(report=report, requested_by=None)
    report.refresh_from_db()
    assert report.status == Report.Status.READY and report.version == 2
    text = "\n".join(page.extract_text() for page in PdfReader(report.pdf.path).pages)
    for row in rows:
        assert row["Commitment Title"] in text
    annex = text[text.index("Annex 1") :]
    assert "1 Fiscal Responsibility High Yes Yes Yes No Moderate Not started Did not change No" in annex
    assert "3 Right to Information High Yes Yes No No Transformative Limited Marginal No" in annex
    services.report_publish(report=report, published_by=None)
    assert CommitmentAssessment.objects.filter(report=report, is_latest=True).count() == len(rows) == 7


def test_a_preview_pdf_of_an_imported_results_report_shows_its_ratings(imported, tmp_path):
    report = Report.objects.filter(report_type=ReportType.RESULTS_REPORT, action_plan__ogp_id="AP_MKD05").first()
    report = report or Report.objects.filter(report_type=ReportType.RESULTS_REPORT).first()
    out = tmp_path / "preview.pdf"
    call_command("render_report", str(report.pk), "--preview", str(out), stdout=StringIO())
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    for assessment in report.assessments.select_related("commitment"):
        assert assessment.commitment.title[:25] in text.replace("\n", " ")
    report.refresh_from_db()
    assert report.status == Report.Status.PUBLISHED and not report.pdf  # nothing stored


def test_the_sample_as_an_excel_workbook_imports_the_same_as_its_csv(imported, tmp_path):
    """Importing the .xlsx after the .csv finds every record unchanged: both give the same data."""
    header, rows = sample()
    workbook = write_xlsx(tmp_path / "sample.xlsx", header, rows)
    again = import_ogp_data(workbook)
    assert again.ok and not again.changed()
    assert again.counts["commitments"]["unchanged"] == 269 and again.counts["assessments"]["unchanged"] == 402

    def where(issues):
        return [(w.row, w.column, w.value, w.message) for w in issues]

    assert where(again.warnings) == where(imported.warnings)
