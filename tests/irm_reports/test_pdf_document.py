"""What the PDF says and how it is built: tagged for screen readers, Markdown laid out, every section filled
from the data the report has (an imported report included), read back with poppler's tools."""

import shutil
import subprocess

import pytest
from django.urls import reverse

from irm_reports import services
from irm_reports.importing import OGP_SAMPLE, import_ogp_data
from irm_reports.models import Report
from irm_reports.pdf import report_pdf_bytes
from irm_reports.scales import ReportType
from tests.conftest import require
from tests.factories.irm_reports import complete_results_report

pytestmark = pytest.mark.django_db


def poppler(tool: str, pdf: bytes, tmp_path, *args: str) -> str:
    require(shutil.which(tool) is not None, f"{tool} (poppler-utils) is not installed: bin/system-deps installs it")
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    result = subprocess.run([tool, *args, str(path), *(["-"] if tool == "pdftotext" else [])], capture_output=True)  # noqa: S603
    assert result.returncode == 0, result.stderr
    return result.stdout.decode()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_pdf_is_tagged_with_its_language_and_title(tmp_path, language):
    report = complete_results_report(commitments=2)
    info = poppler("pdfinfo", report_pdf_bytes(report, language), tmp_path)
    fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
    assert fields["Tagged"].strip() == "yes"
    assert report.action_plan.member.name in fields["Title"]
    from pypdf import PdfReader

    catalog = PdfReader(tmp_path / "report.pdf").trailer["/Root"]
    assert catalog["/Lang"] == language and catalog["/ViewerPreferences"]["/DisplayDocTitle"]


def test_markdown_is_laid_out_in_the_pdf_and_in_the_preview(tmp_path, researcher_client, researcher):
    report = complete_results_report(commitments=2, researcher=researcher)
    services.report_update(
        report=report,
        overview="The plan was **well received** by civil society.\n\n- first point\n- second point",
    )
    text = poppler("pdftotext", report_pdf_bytes(report, "en"), tmp_path)
    assert "well received" in text and "**" not in text
    assert "first point" in text and "- first point" not in text
    preview = researcher_client.get(reverse("irm_reports:report-preview", args=[report.pk]))
    assert preview.status_code == 200
    assert "<strong>well received</strong>" in preview.text and "<li>first point</li>" in preview.text
    page = researcher_client.get(report.get_absolute_url())
    assert "<strong>well received</strong>" in page.text and "**" not in page.text


def test_an_imported_report_lists_each_commitments_assessment_and_says_what_it_lacks(tmp_path):
    summary = import_ogp_data(OGP_SAMPLE)
    assert summary.ok
    report = Report.objects.filter(report_type=ReportType.END_OF_TERM_REPORT, source=Report.Source.IMPORTED).first()
    assessments = list(report.assessments.select_related("commitment"))
    assert assessments
    pdf = report_pdf_bytes(report, "en")
    text = " ".join(poppler("pdftotext", pdf, tmp_path, "-f", "4").split())  # after the cover, contents, glance
    analysis = text[text.index("Analysis of the commitments") : text.index("III. Recommendations")]
    for assessment in assessments:
        title = " ".join(assessment.commitment.title.split())
        assert f"{assessment.commitment.number}. {title[:30]}" in analysis
        assert f"Completion: {assessment.get_completion_display()}" in analysis
    assert "records no recommendation" in text
    assert "holds the ratings of each commitment" in text
