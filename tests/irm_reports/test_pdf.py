"""The report PDF, rendered for real with WeasyPrint and read back with pypdf."""

import io
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pypdf import PdfReader

from irm_reports.pdf import LocalOnlyFetcher, assets_dir, report_pdf_bytes
from tests.factories.irm_reports import complete_results_report

pytestmark = pytest.mark.django_db

ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"
# The French of the PDF's headings. The lead translates the real catalogue (locale/) after merging;
# this test catalogue, put first in LOCALE_PATHS, shows the French version uses the same data and
# translated headings (labels such as "Completion" already come from the real catalogue).
FRENCH = {
    "Table of contents": "Table des matières",
    "At a glance": "En bref",
    "Key observations": "Principales observations",
    "Results of promising commitments": "Résultats des engagements prometteurs",
    "Lessons and recommendations": "Enseignements et recommandations",
    "Methodology and IRM indicators": "Méthodologie et indicateurs du MEI",
    "Annex. Commitment data": "Annexe. Données des engagements",
    "Results Report": "Rapport sur les résultats",
    "starred commitments": "engagements étoilés",
}


def squash(text: str) -> str:
    """Text without whitespace: PDF text extraction does not keep the spaces between layout boxes."""
    return re.sub(r"\s+", "", text)


def pdf_pages(pdf: bytes) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(pdf)).pages]


def test_a_results_report_of_twelve_commitments_has_its_titles_counts_stars_and_page_numbers():
    report = complete_results_report(commitments=12)
    pdf = report_pdf_bytes(report, "en")
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "results-report-en.pdf").write_bytes(pdf)
    pages = pdf_pages(pdf)
    text = " ".join(pages)
    plan = report.action_plan
    assert plan.member.name in pages[0] and plan.title in pages[0] and "Results Report" in pages[0]
    for number in range(1, 13):
        assert f"Commitment title {number:02d}" in text
    glance = squash(pages[2])
    assert "Ataglance" in glance and squash(f"{plan.member.name} · Results Report {plan.period_label}") in glance
    for figure in [
        "12 commitments in the action plan",
        "8 substantially or fully completed",
        "2 with significant early results",
        "4 starred commitments",
        "Complete 2",
        "Substantial 6",
        "Limited 2",
        "Not started 2",
        "No evidence available 0",
        "Significant 2",
        "Moderate 4",
        "No notable results 0",
        "4 / 12 commitments are starred",
    ]:
        assert squash(figure) in glance, figure
    assert squash("12 commitments; starred: 4.") in squash(pages[-1])
    total = len(pages)
    for number, page in enumerate(pages[1:], start=2):
        assert re.search(rf"\b{number} / {total}\b", page), f"no page number on page {number}"
    contents = pages[1]
    assert "Table of contents" in contents and re.search(r"Key observations[\s.]*\d+", contents)


def test_the_french_version_has_french_headings_from_the_same_data(settings, tmp_path):
    catalogue = polib.POFile()
    catalogue.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "fr"}
    for english, french in FRENCH.items():
        catalogue.append(polib.POEntry(msgid=english, msgstr=french))
    folder = tmp_path / "locale" / "fr" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    catalogue.save_as_mofile(str(folder / "django.mo"))
    settings.LOCALE_PATHS = [tmp_path / "locale", *settings.LOCALE_PATHS]

    report = complete_results_report(commitments=12)
    pdf = report_pdf_bytes(report, "fr")
    (ARTIFACTS / "results-report-fr.pdf").write_bytes(pdf)
    text = " ".join(pdf_pages(pdf))
    for french in ["Table des matières", "En bref", "Principales observations", "Rapport sur les résultats"]:
        assert french in text
    assert "Réalisation" in text and "Substantielle6" in squash(text)  # labels of the real French catalogue
    assert "Table of contents" not in text and "Key observations" not in text
    assert "Commitment title 07" in text and report.action_plan.title in text


def test_the_queries_to_build_a_report_do_not_grow_with_its_commitments():
    counts = []
    for size in (12, 40):
        report = complete_results_report(commitments=size)
        with CaptureQueriesContext(connection) as queries:
            report_pdf_bytes(report, "en")
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_rendering_fetches_nothing_outside_the_report_assets():
    fetcher = LocalOnlyFetcher(assets_dir())
    assert fetcher.fetch((assets_dir() / "print.css").as_uri()).read().startswith(b"/*")
    for url in ["https://fonts.example.org/font.woff2", "http://127.0.0.1:8000/", "file:///etc/passwd"]:
        with pytest.raises(ValueError, match="Refused"):
            fetcher.fetch(url)


def test_the_report_css_uses_only_the_shipped_fonts():
    css = (assets_dir() / "print.css").read_text()
    fonts = re.findall(r"url\((fonts/[^)]+)\)", css)
    assert fonts and all((assets_dir() / font).exists() for font in fonts)
    assert "http" not in css
