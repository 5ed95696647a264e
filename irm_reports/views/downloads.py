"""PDF downloads: a report's current PDF for its team, and every published version for everyone."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.generic import View

from common.files import private_file_response
from irm_reports.models import PublishedVersion
from irm_reports.views.workspace import ReportMixin


def pdf_response(field):
    """The PDF, named after its stored file (member, years, type, version and language)."""
    return private_file_response(field, content_type="application/pdf")


class ReportPdfView(ReportMixin, View):
    """The current PDF of a report, for its team (a version may be previewed before it is published)."""

    permission_required = "irm_reports.work_on_report"

    def get(self, request, *args, **kwargs):
        if not self.report.pdf:
            raise Http404
        return pdf_response(self.report.pdf)


class PublishedVersionPdfView(View):
    """A published version's PDF: public, and kept when later versions are published."""

    def get(self, request, pk: int, version: int):
        published = get_object_or_404(PublishedVersion.objects.select_related("report"), report_id=pk, version=version)
        return pdf_response(published.pdf)
