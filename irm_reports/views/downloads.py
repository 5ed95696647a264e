"""PDF downloads: a report's current PDF for its team, and every published version for everyone."""

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.views.generic import View

from irm_reports.models import PublishedVersion
from irm_reports.views.workspace import ReportMixin


def file_response(field, filename: str) -> FileResponse:
    try:
        handle = field.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    return FileResponse(handle, as_attachment=False, filename=filename, content_type="application/pdf")


class ReportPdfView(ReportMixin, View):
    """The current PDF of a report, for its team (a version may be previewed before it is published)."""

    permission_required = "irm_reports.work_on_report"

    def get(self, request, *args, **kwargs):
        if not self.report.pdf:
            raise Http404
        return file_response(self.report.pdf, self.report.pdf.name.rsplit("/", 1)[-1])


class PublishedVersionPdfView(View):
    """A published version's PDF: public, and kept when later versions are published."""

    def get(self, request, pk: int, version: int):
        published = get_object_or_404(PublishedVersion.objects.select_related("report"), report_id=pk, version=version)
        return file_response(published.pdf, published.pdf.name.rsplit("/", 1)[-1])
