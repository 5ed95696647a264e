"""Any extract of OGP's sheet imports the same way: other members and identifiers, edge values, bad rows."""

from collections import Counter

import pytest
from django.db import DatabaseError
from django_countries import countries

from commitments.models import ActionPlan, Commitment, Member
from irm_reports.importing import OGP_SAMPLE, import_ogp_data
from irm_reports.importing.assessments import AssessmentWriter
from irm_reports.models import CommitmentAssessment, Report
from irm_reports.scales import ReportType
from tests.irm_reports.sheets import ogp_latest_star, sample, write_csv

pytestmark = pytest.mark.django_db

# Countries that are not in the sample, for its 29 national members.
OTHER_COUNTRIES = [
    *("BRA", "MEX", "NOR", "ZAF", "GBR", "USA", "IDN", "CHL", "URY", "PRY", "CRI", "PAN", "HND", "GTM", "SLV"),
    *("TUN", "MAR", "SEN", "NGA", "LKA", "PHL", "KOR", "AUS", "DEU", "ESP", "PRT", "FIN", "DNK", "LTU"),
]
ID = "Commitment Unique Identifier"


def other_extract() -> tuple[list[str], list[dict]]:
    """The sample rewritten for other members, with other identifiers, in another order."""
    header, rows = sample()
    codes = sorted({r["Code"] for r in rows if r["National Or Local"] == "National"})
    new = {code: OTHER_COUNTRIES[i] for i, code in enumerate(codes)}
    new["PHSC"] = "TZKG"
    prefixes = {}
    for row in rows:
        old_code, old_id = row["Code"], row[ID]
        code = new[old_code]
        prefix = old_id.rstrip("0123456789")
        prefixes.setdefault(prefix, countries.alpha2(code) or "TZKG")
        row[ID] = prefixes[prefix] + old_id[len(prefix) :]
        row["Code"] = code
        row["Action Plan ID"] = row["Action Plan ID"].replace(old_code, code)
        row["Country/Locality"] = "Kigoma, Tanzania" if code == "TZKG" else countries.name(countries.alpha2(code))
        row["Region"] = "Africa and the Middle East" if code == "TZKG" else row["Region"]
    return header, rows[::-1]


def test_an_extract_with_other_members_and_identifiers_imports_the_same_way(tmp_path):
    header, rows = other_extract()
    summary = import_ogp_data(write_csv(tmp_path / "other.csv", header, rows))
    assert summary.ok and summary.rows_imported == 269
    assert Member.objects.count() == 30 and ActionPlan.objects.count() == 100 and Commitment.objects.count() == 269
    assert Report.objects.count() == 153 and CommitmentAssessment.objects.count() == 402
    kigoma = Member.objects.get(code="TZKG")
    assert (kigoma.name, kigoma.kind, kigoma.country.code) == ("Kigoma", "local", "TZ")
    latest = {
        a.commitment.ogp_id: a.starred
        for a in CommitmentAssessment.objects.filter(is_latest=True).select_related("commitment")
    }
    compared = [(r[ID], ogp_latest_star(r)) for r in rows if ogp_latest_star(r) is not None]
    assert len(compared) == 123 and all(latest[i] is star for i, star in compared)
    assert [(d.column, d.ogp, d.portal) for d in summary.disagreements] == [("High Ambition", False, True)]
    assert not import_ogp_data(tmp_path / "other.csv").changed()


def _edge_rows() -> tuple[list[str], list[dict]]:
    header, rows = sample()
    ghana = [r for r in rows if r["Action Plan ID"] == "AP_GHA01"]  # 7 rows of a legacy plan with both reports
    first, second, third, fourth, fifth, sixth, seventh = ghana
    first.update(
        {
            "_Specificity": "NR",
            "Specificity": "NR",
            "Verifiable": "NR",
            "_Potential Impact": "NA",
            "Potential Impact": "NA",
        }
    )
    first.update({"_CompletionProgress": "NA", "Completion (Progress Report)": "NA", "Carried Forward": "ND"})
    second.update({"Start Date": "Quarter 2 2015", "End Date": "31/12/2016"})
    second.update(
        {"Lead Institution": "Ministry A\nMinistry B ", "Supporting Institution(s)": "• Agency C\n• NGO D\n\nNGO E"}
    )
    third.update({"Cluster": "3.2 & 3.3"})
    fourth.update({"Cluster": "2.2999999999999998", "Commitment Number": "1.1000000000000001"})
    fifth.update({"Specificity": "Very high"})  # unknown label
    sixth.update({"_Potential Impact": "7", "Open Parliaments": "maybe"})  # unknown code, not a yes/no tag
    seventh.update({"Region": "Europa"})
    return header, ghana


def test_edge_values_are_imported_and_bad_rows_reported_with_row_line_column_and_value(tmp_path):
    header, rows = _edge_rows()
    summary = import_ogp_data(write_csv(tmp_path / "edges.csv", header, rows))
    errors = {(e.row, e.column, e.value) for e in summary.errors}
    assert errors == {
        (6, "Specificity", "Very high"),
        (7, "_Potential Impact", "7"),
        (7, "Open Parliaments", "maybe"),
        (8, "Region", "Europa"),
    }
    assert all(e.line and e.identifier and e.message for e in summary.errors)
    assert summary.rows_skipped == 3 and summary.rows_imported == 4 and Commitment.objects.count() == 4
    assert summary.counts["commitments"]["skipped"] == 3

    first = Commitment.objects.get(ogp_id=rows[0][ID])
    progress = first.irm_assessments.get(report__report_type=ReportType.PROGRESS_REPORT)
    assert (progress.specificity, progress.verifiable, progress.completion) == (
        "not_reviewed",
        "not_reviewed",
        "not_applicable",
    )
    assert progress.potential_impact is None and progress.starred is None  # NA has no meaning for impact: left empty
    assert any(w.column == "_Potential Impact" and w.row == 2 for w in summary.warnings)
    second = Commitment.objects.get(ogp_id=rows[1][ID])
    assert (second.start_date_text, second.start_date.isoformat()) == ("Quarter 2 2015", "2015-04-01")
    assert (second.end_date_text, second.end_date.isoformat()) == ("31/12/2016", "2016-12-31")
    assert (
        second.lead_institution_text == "Ministry A\nMinistry B"
        and second.lead_institution.name == "Ministry A Ministry B"
    )
    assert second.supporting_institutions_text == "• Agency C\n• NGO D\n\nNGO E"
    clusters = dict(
        CommitmentAssessment.objects.filter(report__report_type=ReportType.PROGRESS_REPORT).values_list(
            "commitment__ogp_id", "cluster"
        )
    )
    assert clusters[rows[2][ID]] == "3.2 & 3.3" and clusters[rows[3][ID]] == "2.3"
    assert Commitment.objects.get(ogp_id=rows[3][ID]).number == "1.1"


def test_a_changed_row_updates_its_records_and_nothing_else(tmp_path):
    header, rows = sample()
    import_ogp_data(write_csv(tmp_path / "v1.csv", header, rows))
    history = Commitment.history.count()
    row = next(r for r in rows if r[ID] == "GH0001")
    row["Commitment Title"] = "Fiscal Responsibility Act"
    row["_CompletionEndTerm"], row["Completion (End Of Term)"] = "5", "Complete"
    row["Open Parliaments"] = "1" if row["Open Parliaments"] == "0" else "0"
    gone = next(r for r in rows if r[ID] == "GH0003")
    gone["Report Publication Year (End Of Term)"] = "NR"
    summary = import_ogp_data(write_csv(tmp_path / "v2.csv", header, rows))
    assert summary.counts["commitments"] == {"created": 0, "updated": 1, "unchanged": 268, "deleted": 0, "skipped": 0}
    assert summary.counts["assessments"]["updated"] == 1 and summary.counts["assessments"]["deleted"] == 1
    assert Commitment.history.count() == history + 1
    commitment = Commitment.objects.get(ogp_id="GH0001")
    assert commitment.title == "Fiscal Responsibility Act"
    assert commitment.irm_assessments.get(is_latest=True).completion == "complete"
    # GH0003's latest assessment is now its Progress Report's.
    latest = Commitment.objects.get(ogp_id="GH0003").irm_assessments.get(is_latest=True)
    assert latest.report.report_type == ReportType.PROGRESS_REPORT


def test_a_member_neither_national_nor_local_is_imported_as_other(tmp_path):
    header, rows = sample()
    rows = [r for r in rows if r["Code"] == "PHSC"]
    for row in rows:
        row.update({"Code": "XRB", "Country/Locality": "A Regional Body", "National Or Local": "Other"})
    summary = import_ogp_data(write_csv(tmp_path / "other.csv", header, rows))
    assert summary.ok
    member = Member.objects.get(code="XRB")
    assert (member.name, member.kind, member.country.code) == ("A Regional Body", "other", "")
    assert member.action_plans.get().commitments.count() == 2


def test_seeded_members_are_matched_by_code_or_name_without_duplicates():
    from tests.factories import MemberFactory

    albania = MemberFactory(name="Albania", slug="albania", country="AL", code="ALB", region="europe")
    cotabato = MemberFactory(name="South Cotabato", slug="south-cotabato", kind="local", country="PH", code="")
    summary = import_ogp_data(OGP_SAMPLE)
    assert summary.ok and Member.objects.count() == 30
    assert summary.counts["members"] == {"created": 28, "updated": 1, "unchanged": 1, "deleted": 0, "skipped": 0}
    cotabato.refresh_from_db()
    assert cotabato.code == "PHSC" and cotabato.region == "asia_pacific" and cotabato.action_plans.count() == 1
    assert albania.action_plans.count() == 6


def test_a_plan_number_taken_by_another_period_is_reported_not_overwritten():
    from tests.factories import ActionPlanFactory, MemberFactory

    albania = MemberFactory(name="Albania", slug="albania", country="AL", code="ALB", region="europe")
    ActionPlanFactory(member=albania, number=1, title="Portal plan", start_date="2024-01-01", end_date="2026-12-31")
    summary = import_ogp_data(OGP_SAMPLE)
    errors = list(summary.errors)
    assert len(errors) == 4 and {e.column for e in errors} == {"Action Plan Number"}
    assert all("renumber it first" in e.message and e.value == "1" for e in errors)
    assert albania.action_plans.get(number=1).title == "Portal plan"
    assert summary.rows_imported == 265 and Commitment.objects.count() == 265


def test_a_report_reopened_in_the_portal_is_left_to_the_irm_team():
    from irm_reports import services

    import_ogp_data(OGP_SAMPLE)
    report = Report.objects.get(action_plan__ogp_id="AP_GHA01", report_type=ReportType.END_OF_TERM_REPORT)
    services.report_new_version(report=report)
    summary = import_ogp_data(OGP_SAMPLE)
    assert summary.counts["assessments"]["skipped"] == 7 and not summary.changed()
    assert any("written in the portal" in w.message for w in summary.warnings)
    report.refresh_from_db()
    assert report.status == Report.Status.DRAFT and report.version == 2


def test_a_plan_that_fails_is_rolled_back_alone(monkeypatch):
    write = AssessmentWriter.write

    def failing(self, kinds, rows):
        if self.plan.ogp_id == "AP_GHA01":
            raise DatabaseError("disk full")
        return write(self, kinds, rows)

    monkeypatch.setattr(AssessmentWriter, "write", failing)
    summary = import_ogp_data(OGP_SAMPLE)
    assert len(summary.errors) == 7 and all("disk full" in e.message for e in summary.errors)
    assert not ActionPlan.objects.filter(ogp_id="AP_GHA01").exists()
    assert ActionPlan.objects.count() == 99 and Commitment.objects.count() == 262
    counts = summary.counts
    assert counts["commitments"]["created"] == 262 and counts["commitments"]["skipped"] == 7
    assert counts["action_plans"]["created"] == 99
    assert (
        Counter(
            a.report.action_plan.member.code
            for a in CommitmentAssessment.objects.select_related("report__action_plan__member")
        )["GHA"]
        > 0
    )


def test_a_file_without_the_sheets_columns_is_refused_whole(tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("Name,Year\nA,2020\n", encoding="utf-8")
    summary = import_ogp_data(path)
    assert "Columns missing from the file" in summary.fatal and "Commitment Unique Identifier" in summary.fatal
    assert Member.objects.count() == 0
    binary = tmp_path / "bad.xlsx"
    binary.write_bytes(b"PK\x03\x04 not really a workbook")
    assert "not a readable Excel workbook" in import_ogp_data(binary).fatal


def test_a_commitment_twice_in_the_file_is_reported_the_second_time(tmp_path):
    header, rows = sample()
    rows.append(dict(rows[0]))
    summary = import_ogp_data(write_csv(tmp_path / "twice.csv", header, rows))
    assert [(e.row, e.column, e.value) for e in summary.errors] == [(271, ID, rows[0][ID])]
    assert "already in row 2" in summary.errors[0].message


def test_a_new_national_member_is_named_in_french_and_spanish_and_a_local_one_keeps_its_name():
    import_ogp_data(OGP_SAMPLE)
    netherlands, slovakia = Member.objects.get(code="NLD"), Member.objects.get(code="SVK")
    assert (netherlands.name, netherlands.name_fr, netherlands.name_es) == ("Netherlands", "Pays-Bas", "Países Bajos")
    assert (slovakia.name_fr, slovakia.name_es) == ("Slovaquie", "Eslovaquia")
    cotabato = Member.objects.get(code="PHSC")
    assert (cotabato.name, cotabato.name_fr, cotabato.name_es) == ("South Cotabato", "", "")
