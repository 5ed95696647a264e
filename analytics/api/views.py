"""The analytics through the API: `/api/v1/analytics/?by=region` answers the rows of a breakdown."""

from django.http import Http404
from django.utils.translation import get_language
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from analytics import pages, selectors
from analytics.views import parse_member
from common.api.caching import PublicReadCacheMixin


class FigureRowSerializer(serializers.Serializer):
    """One group of a breakdown: its key and label, the commitments with a published IRM assessment, and the
    counts behind each share (see /analytics/ for the definitions)."""

    group = serializers.CharField(
        help_text="Region code, policy-area, member or challenge-area slug, kind, or start year."
    )
    label = serializers.CharField(help_text="The group's name in the language of the request.")
    commitments = serializers.IntegerField(help_text="Commitments with a published IRM assessment.")
    completion_assessed = serializers.IntegerField(help_text="Of these, with a rated completion.")
    completed = serializers.IntegerField(help_text="Latest completion substantial or complete.")
    impact_assessed = serializers.IntegerField(help_text="With a rated potential impact (legacy indicators).")
    transformative = serializers.IntegerField(help_text="Potential impact transformative.")
    starred = serializers.IntegerField(help_text="Starred in their latest assessment that decides it.")
    opened_government = serializers.IntegerField(help_text="Did it open government: major or outstanding.")


class AnalyticsViewSet(viewsets.ViewSet):
    """The partnership's figures from the IRM's assessments, one row per group of a breakdown (not paginated).

    A list only (no detail route): anonymous reads come from the rendered body cached per content version, as
    the other public lists (common.api.caching)."""

    serializer_class = FigureRowSerializer

    @extend_schema(
        parameters=[
            OpenApiParameter("by", OpenApiTypes.STR, enum=list(selectors.BREAKDOWNS), required=False),
            OpenApiParameter("member", OpenApiTypes.STR, required=False, description="A member's slug: its figures"),
        ],
        responses=FigureRowSerializer(many=True),
    )
    def list(self, request):
        return PublicReadCacheMixin._from_cache(self, request, lambda: self._rows(request))

    def _rows(self, request):
        by = request.query_params.get("by") or pages.DEFAULT_BY
        if by not in selectors.BREAKDOWNS:
            raise ValidationError({"by": [f"One of: {', '.join(selectors.BREAKDOWNS)}."]})
        try:
            member = parse_member(request.query_params.get("member"))
        except Http404:  # as the other lists' filters: an unknown choice is invalid input
            raise ValidationError({"member": ["No member has this identifier."]}) from None
        rows = pages.rows_cached(by=by, member=member, language=get_language())
        return Response([row.as_dict() for row in rows])
