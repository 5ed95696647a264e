"""Monitoring reports through the API: read by everyone (public ones), written by verified participants with the
rules and rate limits of the pages."""

import django_filters
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotAuthenticated, NotFound, PermissionDenied
from rest_framework.response import Response

from common.api.pagination import CursorPagination
from common.api.permissions import require_perm
from common.api.throttling import RateLimitedViewMixin
from monitoring import selectors
from monitoring.api import serializers as s
from monitoring.models import MonitoringReport
from monitoring.services import answers, reports


class ReportFilter(django_filters.FilterSet):
    commitment = django_filters.NumberFilter(field_name="commitment_id")
    finding = django_filters.CharFilter(field_name="finding")

    class Meta:
        model = MonitoringReport
        fields = ["commitment", "finding"]


class ReportPagination(CursorPagination):
    ordering = "-id"


class MonitoringReportViewSet(
    RateLimitedViewMixin, mixins.CreateModelMixin, mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet
):
    """Submitted, visible monitoring reports with their evidence and answers (filter `commitment`)."""

    lookup_value_regex = r"\d+"
    serializer_class = s.MonitoringReportSerializer
    filterset_class = ReportFilter
    pagination_class = ReportPagination
    http_method_names = ["get", "post", "patch", "head", "options"]
    rate_limits = {"create": "monitoring.report"}

    def get_queryset(self):
        return selectors.report_queryset().public()

    def get_object(self):
        report = selectors.report_get(pk=self.kwargs["pk"])
        require_perm(self.request, "monitoring.read_monitoringreport", report)
        return report

    def handle_exception(self, exc):
        if isinstance(exc, PermissionDenied | NotAuthenticated) and self.action == "retrieve":
            exc = NotFound()
        return super().handle_exception(exc)

    def _read(self, report, code=status.HTTP_200_OK) -> Response:
        return Response(self.get_serializer(selectors.report_get(pk=report.pk)).data, status=code)

    @staticmethod
    def _values(request, data) -> dict:
        values = dict(data.validated_data)
        if values.pop("on_behalf", False):
            values["organisation"] = request.user.confirmed_organisation
        return values

    @extend_schema(request=s.ReportInputSerializer, responses={201: s.MonitoringReportSerializer})
    def create(self, request, *args, **kwargs):
        """File a report on a commitment of a plan in implementation (verified participants)."""
        data = s.ReportInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = self._values(request, data)
        commitment = values.pop("commitment")
        require_perm(request, "monitoring.add_monitoringreport", commitment)
        report = reports.report_create(commitment=commitment, author=request.user, **values)
        return self._read(report, status.HTTP_201_CREATED)

    @extend_schema(request=s.ReportUpdateSerializer, responses={200: s.MonitoringReportSerializer})
    def partial_update(self, request, *args, **kwargs):
        """The author edits a draft, or a submitted report not answered yet."""
        report = self.get_object()
        require_perm(request, "monitoring.edit_monitoringreport", report)
        data = s.ReportUpdateSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        return self._read(reports.report_update(report=report, **self._values(request, data)))

    def update(self, request, *args, **kwargs):
        if not kwargs.get("partial"):
            return self.http_method_not_allowed(request, *args, **kwargs)
        return super().update(request, *args, **kwargs)

    @extend_schema(request=s.WithdrawSerializer, responses={200: s.MonitoringReportSerializer})
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        """The author withdraws a report, with a reason."""
        report = self.get_object()
        require_perm(request, "monitoring.withdraw_monitoringreport", report)
        data = s.WithdrawSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return self._read(reports.report_withdraw(report=report, **data.validated_data))

    @extend_schema(request=s.AnswerInputSerializer, responses={200: s.MonitoringReportSerializer})
    @action(detail=True, methods=["post"])
    def answer(self, request, pk=None):
        """The point of contact answers the report publicly."""
        report = self.get_object()
        require_perm(request, "monitoring.answer_monitoringreport", report)
        data = s.AnswerInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        answers.report_answer(report=report, user=request.user, **data.validated_data)
        return self._read(report)
