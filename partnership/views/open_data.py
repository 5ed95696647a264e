"""Open data: the data dictionary page, streamed bulk downloads of commitments, and the archive of the whole
public record (built by a worker: partnership.services)."""

from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from commitments.models import Member
from common.files import private_file_response
from common.views import PostActionView
from partnership import exports, selectors, services
from partnership.bundle.archive import RESOURCES


class OpenDataView(TemplateView):
    template_name = "commitments/open_data.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            columns=exports.COLUMNS,
            archive=selectors.open_data_archive(),
            latest_build=selectors.open_data_latest_build() if self.request.user.is_staff else None,
            resources=RESOURCES,
            **kwargs,
        )


def archive_download(request):
    """The archive of the whole public record, as last built; a page saying so (404) before the first build."""
    build = selectors.open_data_archive()
    if build is None:
        return render(request, "partnership/open_data_pending.html", status=404)
    return private_file_response(
        build.archive, content_type="application/zip", filename=services.ARCHIVE_NAME, as_attachment=True
    )


class OpenDataBuildView(PostActionView):
    """Staff ask for a new build of the archive now (its progress shows on the open-data page)."""

    permission_required = "partnership.add_opendatabuild"
    success_message = _("The archive is being built: its progress shows below.")

    def get_target(self):
        return None

    def get_success_url(self) -> str:
        return reverse("commitments:open-data") + "#archive"

    def perform(self, form):
        return services.open_data_build_request()


def commitments_download(request, fmt: str):
    """All commitments (or one member's, with ?member=<slug>) as CSV or JSON, streamed row by row."""
    member = None
    if request.GET.get("member"):
        member = get_object_or_404(Member, slug=request.GET["member"])
    rows = exports.export_rows(exports.export_queryset(member=member))
    stem = f"ogp-commitments-{member.slug if member else 'all'}-{timezone.now():%Y%m%d}"
    if fmt == "csv":
        chunks = exports.csv_chunks(rows, bom=request.GET.get("bom") in ("1", "true", "yes"))
        response = StreamingHttpResponse(chunks, content_type="text/csv; charset=utf-8")
    else:
        response = StreamingHttpResponse(exports.json_chunks(rows), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{stem}.{fmt}"'
    return response
