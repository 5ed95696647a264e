"""A report as a PDF: Django template → HTML → WeasyPrint. Writes nothing; the services store the result.

The template's stylesheet and fonts are read from `static/irm_reports/`; a URL fetcher refuses
every other URL, so rendering never reaches the network.
"""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

import weasyprint
from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils import translation
from weasyprint.urls import URLFetcher

from irm_reports.document import report_document
from irm_reports.models import RenderStep, Report

TEMPLATE = "irm_reports/pdf/report.html"
# Tagged PDF for screen readers (PDF/UA-1): the structure of headings, lists and tables, the document's
# language (the template's <html lang>) and its title (<title>, shown instead of the file name).
PDF_VARIANT = "pdf/ua-1"


@dataclass
class ReportPdf:
    pdf: bytes
    pages: int


def assets_dir() -> Path:
    """The folder of print.css and the fonts (the app's static folder, or STATIC_ROOT once collected)."""
    found = finders.find("irm_reports/print.css")
    if found:
        return Path(found).parent
    return Path(settings.STATIC_ROOT) / "irm_reports"


class LocalOnlyFetcher(URLFetcher):
    """WeasyPrint URL fetcher that reads files of the assets folder and data: URLs, and nothing else."""

    def __init__(self, root: Path):
        super().__init__(allowed_protocols=("file", "data"), allow_redirects=False)
        self.root = root.resolve()

    def fetch(self, url, headers=None):
        if url.startswith("file:"):
            path = Path(unquote(urlparse(url).path)).resolve()
            if not path.is_relative_to(self.root):
                raise ValueError(f"Refused to read {path}: outside the report's assets.")
        elif not url.startswith("data:"):
            raise ValueError(f"Refused to fetch {url!r}: a report only uses its own files.")
        return super().fetch(url, headers)


def report_pdf(report: Report, language: str, *, on_step: Callable[[str], None] | None = None) -> ReportPdf:
    """The report laid out as a PDF in `language`, with its number of pages; `on_step` is told each step
    (for the progress shown to users)."""
    step = on_step or (lambda name: None)
    step(RenderStep.COLLECTING)
    with translation.override(language):
        context = {**report_document(report=report), "language": language}
        step(RenderStep.RENDERING_HTML)
        html = render_to_string(TEMPLATE, context)
        step(RenderStep.LAYING_OUT)
        return html_pdf(html)


def html_pdf(html: str) -> ReportPdf:
    """Lay out HTML written for print (its stylesheet and fonts from the report's assets, nothing else) as a
    tagged PDF: the one rendering path of the portal's PDFs (IRM reports, reasoned-response reports)."""
    root = assets_dir()
    document = weasyprint.HTML(string=html, base_url=root.as_uri() + "/", url_fetcher=LocalOnlyFetcher(root)).render()
    return ReportPdf(pdf=document.write_pdf(pdf_variant=PDF_VARIANT), pages=len(document.pages))


def report_preview_html(report: Report, language: str) -> str:
    """The report's HTML as the PDF lays it out, for a browser (the stylesheet from the static files)."""
    with translation.override(language):
        context = {**report_document(report=report), "language": language}
        return render_to_string(TEMPLATE, {**context, "stylesheet": static("irm_reports/print.css")})


def report_pdf_bytes(report: Report, language: str) -> bytes:
    """The report's PDF in `language` (pure: reads the database, writes nothing)."""
    return report_pdf(report, language).pdf
