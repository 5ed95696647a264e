"""A signed-in person's notifications through the API (`/api/v1/notifications/`): their own only."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from common.api.permissions import require_perm, signed_in_only
from notifications import kinds, selectors, services
from notifications.models import Notification


class NotificationSerializer(serializers.ModelSerializer):
    kind_label = serializers.SerializerMethodField()
    unread = serializers.BooleanField(source="is_unread", read_only=True)

    class Meta:
        model = Notification
        fields = ["id", "kind", "kind_label", "title", "text", "link", "created_at", "read_at", "unread"]
        read_only_fields = fields

    def get_kind_label(self, notification) -> str:
        return str(kinds.get(notification.kind).label)


class ReadAllSerializer(serializers.Serializer):
    marked_read = serializers.IntegerField()


class NotificationViewSet(viewsets.ReadOnlyModelViewSet):
    """The signed-in person's notifications, newest first; POST `read/` marks one read, `read-all/` all."""

    serializer_class = NotificationSerializer
    permission_classes = signed_in_only()
    lookup_value_regex = r"\d+"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema generator
            return Notification.objects.none()
        return selectors.notification_list(user=self.request.user)

    @extend_schema(request=None, responses={200: NotificationSerializer})
    @action(detail=True, methods=["post"])
    def read(self, request, pk=None):
        """Mark the notification read."""
        notification = self.get_object()
        require_perm(request, "notifications.read_notification", notification)
        services.notification_mark_read(notification=notification)
        notification.refresh_from_db(fields=["read_at"])
        return Response(NotificationSerializer(notification).data)

    @extend_schema(request=None, responses={200: ReadAllSerializer})
    @action(detail=False, methods=["post"], url_path="read-all")
    def read_all(self, request):
        """Mark every notification of the signed-in person read."""
        return Response({"marked_read": services.notifications_mark_all_read(user=request.user)})
