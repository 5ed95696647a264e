"""The commitments the signed-in person follows, through the API: list, follow (POST), stop (DELETE)."""

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.response import Response

from commitments import services
from commitments.models import Commitment, CommitmentFollow
from common.api.pagination import CursorPagination
from common.api.permissions import signed_in_only
from common.api.rows import RowListMixin, serializer_fields
from common.api.throttling import RateLimitedViewMixin


class CommitmentFollowSerializer(serializers.ModelSerializer):
    commitment = serializers.PrimaryKeyRelatedField(queryset=Commitment.objects.select_related("action_plan"))
    commitment_title = serializers.CharField(source="commitment.title", read_only=True)
    followed_at = serializers.DateTimeField(source="created_at", read_only=True)

    class Meta:
        model = CommitmentFollow
        fields = ["id", "commitment", "commitment_title", "followed_at"]
        validators = []  # following twice is not an error: the service keeps one row


class FollowPagination(CursorPagination):
    ordering = "-id"


class CommitmentFollowViewSet(
    RateLimitedViewMixin,
    RowListMixin,
    mixins.CreateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.ReadOnlyModelViewSet,
):
    """The commitments the signed-in person follows (their followers are e-mailed the commitment's news).

    The list is read from values() rows (common.api.rows): a page's ids among the person's follows first, then
    their rows by a statement compiled once; the items are the serializer's."""

    row_keys = ["id", "commitment_id", "commitment__title", "created_at"]
    cursor_ids_first = True

    serializer_class = CommitmentFollowSerializer
    permission_classes = signed_in_only()
    pagination_class = FollowPagination
    lookup_value_regex = r"\d+"
    http_method_names = ["get", "post", "delete", "head", "options"]

    def row_queryset(self):
        return CommitmentFollow.objects.all()  # the person's alone: filter_queryset()

    def filter_queryset(self, queryset):
        return super().filter_queryset(queryset).filter(user=self.request.user)

    def build_items(self, rows):
        followed_at = serializer_fields(CommitmentFollowSerializer)["followed_at"].to_representation
        return [
            {
                "id": row["id"],
                "commitment": row["commitment_id"],
                "commitment_title": row["commitment__title"],
                "followed_at": followed_at(row["created_at"]),
            }
            for row in rows
        ]

    def rate_limit_scope(self, request) -> str:
        return "commitments.follow" if request.method in ("POST", "DELETE") else ""

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema generator
            return CommitmentFollow.objects.none()
        # What the items show: not the commitments' texts nor their search vectors.
        follows = CommitmentFollow.objects.filter(user=self.request.user).select_related("commitment")
        return follows.only("created_at", "user_id", "commitment__title")

    @extend_schema(responses={201: CommitmentFollowSerializer})
    def create(self, request, *args, **kwargs):
        """Follow a commitment; following it again changes nothing."""
        data = self.get_serializer(data=request.data)
        data.is_valid(raise_exception=True)
        follow = services.commitment_follow(commitment=data.validated_data["commitment"], user=request.user)
        return Response(self.get_serializer(follow).data, status=status.HTTP_201_CREATED)

    def perform_destroy(self, instance):
        services.commitment_unfollow(commitment=instance.commitment, user=self.request.user)
