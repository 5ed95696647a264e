"""IRM reports through the API: published reports for everyone, the rest for the plan's IRM team."""

from django.http import Http404
from django.urls import reverse
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from common.api.ordering import OrderingFilter
from common.api.permissions import require_perm
from irm_reports import selectors, services
from irm_reports.api.filters import ReportFilter
from irm_reports.api.serializers import RenderAcceptedSerializer, ReportSerializer
from irm_reports.views.downloads import pdf_response


class ReportViewSet(viewsets.ReadOnlyModelViewSet):
    """IRM reports: status, type, language, and a link to the PDF."""

    lookup_value_regex = r"\d+"

    serializer_class = ReportSerializer
    filterset_class = ReportFilter
    filter_backends = [*viewsets.ReadOnlyModelViewSet.filter_backends, OrderingFilter]
    ordering_fields = ["published_at", "id"]
    ordering = ["-id"]

    def get_queryset(self):
        return selectors.report_api_queryset(user=self.request.user)

    def get_object(self):
        # The same rule as the report's page, on top of the list's visibility: a report this account may
        # not view does not exist for it.
        report = super().get_object()
        if not self.request.user.has_perm("irm_reports.view_report", report):
            raise Http404
        return report

    @extend_schema(
        request=None,
        responses={202: RenderAcceptedSerializer},
        description="Queue the rendering of the report's PDF (its IRM team only). Poll `status_url`.",
    )
    @action(detail=True, methods=["post"])
    def render(self, request, pk=None):
        report = self.get_object()
        require_perm(request, "irm_reports.render_report", report)
        report = services.report_request_render(report=report, requested_by=request.user)
        status_url = request.build_absolute_uri(reverse("api:report-detail", args=[report.pk]))
        return Response(
            {"status": report.status, "status_url": status_url},
            status=status.HTTP_202_ACCEPTED,
            headers={"Location": status_url},
        )

    @extend_schema(
        responses={(200, "application/pdf"): OpenApiResponse(description="The PDF of the current version.")},
    )
    @action(detail=True, methods=["get"], filterset_class=None, pagination_class=None)
    def pdf(self, request, pk=None):
        report = self.get_object()
        if not report.has_current_pdf:
            raise Http404
        return pdf_response(report.pdf)
