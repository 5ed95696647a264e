"""Read-only viewsets of members, action plans and commitments, and the progress-update command."""

from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from commitments import selectors, services
from commitments.models import Commitment
from common.api.caching import PublicReadCacheMixin
from common.api.ordering import OrderingFilter
from common.api.pagination import CursorPagination, IdsFirstPagination
from common.api.permissions import require_perm
from common.api.rows import RowDetailMixin
from irm_reports.models import CommitmentAssessment
from partnership.api.rows import COMMITMENT_KEYS, MEMBER_KEYS, commitment_items, member_items
from partnership.api.serializers import (
    ActionPlanSerializer,
    CommitmentSerializer,
    MemberSerializer,
    ProgressUpdateInputSerializer,
    ProgressUpdateSerializer,
)
from partnership.api.writes import ActionPlanWriteMixin, CommitmentWriteMixin
from partnership.filters import ActionPlanFilter, CommitmentApiFilter, MemberFilter


class MemberViewSet(PublicReadCacheMixin, RowDetailMixin, viewsets.ReadOnlyModelViewSet):
    """OGP members: national governments and local governments (OGP Local)."""

    row_keys = MEMBER_KEYS

    lookup_value_regex = r"\d+"

    serializer_class = MemberSerializer
    pagination_class = IdsFirstPagination
    filterset_class = MemberFilter
    filter_backends = [*viewsets.ReadOnlyModelViewSet.filter_backends, OrderingFilter]
    ordering_fields = ["name", "joined_year", "country"]
    ordering = ["name"]

    def get_queryset(self):
        return selectors.member_api_queryset()

    def row_queryset(self):
        return selectors.member_api_rows()

    def build_items(self, rows):
        return member_items(self.request, rows)


class ActionPlanViewSet(ActionPlanWriteMixin, PublicReadCacheMixin, viewsets.ReadOnlyModelViewSet):
    """Action plans with their commitment and milestone counts; their points of contact write them
    (partnership/api/writes.py)."""

    lookup_value_regex = r"\d+"
    http_method_names = ["get", "post", "patch", "head", "options"]

    serializer_class = ActionPlanSerializer
    pagination_class = IdsFirstPagination
    filterset_class = ActionPlanFilter
    filter_backends = [*viewsets.ReadOnlyModelViewSet.filter_backends, OrderingFilter]
    ordering_fields = ["start_date", "end_date", "id"]
    ordering = ["-start_date", "id"]

    def get_queryset(self):
        return selectors.action_plan_api_queryset()


class CommitmentViewSet(CommitmentWriteMixin, PublicReadCacheMixin, RowDetailMixin, viewsets.ReadOnlyModelViewSet):
    """Commitments with their milestones, policy areas and actors; cursor-paginated. Their points of contact
    write them (partnership/api/writes.py)."""

    row_keys = COMMITMENT_KEYS
    cursor_ids_first = True
    http_method_names = ["get", "post", "patch", "head", "options"]

    lookup_value_regex = r"\d+"

    serializer_class = CommitmentSerializer
    filterset_class = CommitmentApiFilter
    pagination_class = CursorPagination
    filter_backends = [*viewsets.ReadOnlyModelViewSet.filter_backends, OrderingFilter]
    ordering_fields = ["id", "start_date", "end_date"]
    ordering = ["id"]

    def get_queryset(self):
        latest = CommitmentAssessment.objects.filter(is_latest=True).select_related("report")
        return (
            selectors.commitment_api_queryset()
            .select_related("monitoring")
            .prefetch_related(Prefetch("irm_assessments", queryset=latest, to_attr="latest_assessments"))
        )

    def row_queryset(self):
        return Commitment.objects.all()

    def build_items(self, rows):
        return commitment_items(self.request, rows)

    @extend_schema(responses={200: ProgressUpdateSerializer(many=True)})
    @action(detail=True, methods=["get"], url_path="progress-updates", pagination_class=None, filterset_class=None)
    def progress_updates(self, request, pk=None):
        """Progress history of the commitment, newest first."""
        commitment = self.get_object()
        updates = commitment.progress_updates.select_related("author")
        return Response(ProgressUpdateSerializer(updates, many=True).data)

    @extend_schema(request=ProgressUpdateInputSerializer, responses={201: ProgressUpdateSerializer})
    @progress_updates.mapping.post
    def post_progress_update(self, request, pk=None):
        """Post a progress update (point of contact of the member, or a contact of an institution leading or
        supporting the commitment; plan in implementation)."""
        commitment = self.get_object()
        require_perm(request, "commitments.add_progressupdate", commitment)
        data = ProgressUpdateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        update = services.progress_update_create(commitment=commitment, author=request.user, **data.validated_data)
        return Response(ProgressUpdateSerializer(update).data, status=status.HTTP_201_CREATED)
