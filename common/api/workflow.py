"""The shape shared by the API's workflow objects (assistance requests, peer exchanges, grant applications): read
what the pages' selectors give the person, write through the pages' services, each action checked with the pages'
rules and counted against their rate limits, and answered with the object as read again."""

from django.db.models import Model, QuerySet
from django.shortcuts import get_object_or_404
from rest_framework import mixins, status, viewsets
from rest_framework.response import Response

from common.api.permissions import require_perm, signed_in_only
from common.api.throttling import RateLimitedViewMixin


class WorkflowViewSet(RateLimitedViewMixin, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """A subclass names `model`, `view_perm` (the rule reading one object), and gives `visible_to(user)` (the list)
    and `read_queryset()` (one object with what the serializer needs)."""

    lookup_value_regex = r"\d+"
    permission_classes = signed_in_only()
    model: type[Model]
    view_perm: str

    def visible_to(self, user) -> QuerySet:
        raise NotImplementedError

    def read_queryset(self) -> QuerySet:
        raise NotImplementedError

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema generator
            return self.model.objects.none()
        return self.visible_to(self.request.user)

    def get_object(self):
        """Any object (404 when there is none), then the page's rule (403)."""
        obj = get_object_or_404(self.read_queryset(), pk=self.kwargs["pk"])
        require_perm(self.request, self.view_perm, obj)
        return obj

    def validated(self, serializer_class) -> dict:
        """The request's body through an input serializer (400 with the fields' messages)."""
        data = serializer_class(data=self.request.data)
        data.is_valid(raise_exception=True)
        return dict(data.validated_data)

    def read(self, obj: Model, code=status.HTTP_200_OK) -> Response:
        """The object as the serializer shows it, read again after the write."""
        return Response(self.get_serializer(self.read_queryset().get(pk=obj.pk)).data, status=code)
