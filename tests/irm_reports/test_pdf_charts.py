"""The report's charts: accessible SVG (title and description) with their numbers as a table, in the PDF's HTML."""

import re

import pytest

from irm_reports.pdf import report_preview_html
from tests.factories.irm_reports import complete_results_report

pytestmark = pytest.mark.django_db


def test_each_chart_has_its_title_description_and_numbers_as_a_table():
    html = report_preview_html(complete_results_report(commitments=12), "en")
    svgs = re.findall(r"<svg [^>]*>.*?</svg>", html, flags=re.S)
    assert len(svgs) == 4
    for svg in svgs:
        assert 'role="img"' in svg and re.search(r'aria-labelledby="([\w-]+)-title \1-desc"', svg)
    assert '<title id="report-completion-title">Commitments by completion</title>' in html
    completion = re.search(r'<desc id="report-completion-desc">([^<]*)</desc>', html)[1]
    assert completion.startswith("Complete: 2; Substantial: 6; Limited: 2; Not started: 2;")
    assert completion.endswith("(of 12 commitments).")
    assert '<desc id="report-starred-desc">4 of 12 commitments are starred.</desc>' in html
    table = re.search(r"<caption>Commitments by completion: the numbers</caption>.*?</table>", html, flags=re.S)[0]
    cells = re.findall(r'<th scope="row">([^<]*)</th><td class="num">(\d+)</td><td class="num">([^<]*)</td>', table)
    assert cells[:2] == [("Complete", "2", "17 %"), ("Substantial", "6", "50 %")]
