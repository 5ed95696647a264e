"""Open data: the data dictionary page and streamed bulk downloads of commitments."""

from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.generic import TemplateView

from commitments.models import Member
from partnership import exports


class OpenDataView(TemplateView):
    template_name = "commitments/open_data.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(columns=exports.COLUMNS, **kwargs)


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
