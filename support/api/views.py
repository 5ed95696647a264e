"""The support unit through the API: partners (read) and assistance requests (read and written with the pages'
rules and rate limit)."""

import django_filters
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action

from common.api.pagination import CursorPagination
from common.api.permissions import require_perm
from common.api.workflow import WorkflowViewSet
from support import selectors, services
from support.api import requests as s
from support.api.serializers import PartnerSerializer
from support.models import Partner, SupportRequest


class PartnerViewSet(viewsets.ReadOnlyModelViewSet):
    """Multilateral and technical partners, with the support they give members (engagements)."""

    lookup_value_regex = r"\d+"
    serializer_class = PartnerSerializer

    def get_queryset(self):
        return Partner.objects.order_by("name", "id").prefetch_related(
            Prefetch("engagements", queryset=selectors.engagement_rows())
        )


class SupportRequestFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=SupportRequest.Status.choices)
    member = django_filters.CharFilter(field_name="member__slug", help_text=_("Slug of a member, e.g. madrid."))
    service = django_filters.CharFilter(field_name="service__slug", help_text=_("Slug of a service of the menu."))

    class Meta:
        model = SupportRequest
        fields = ["status", "member", "service"]


class SupportRequestPagination(CursorPagination):
    ordering = ("-created_at", "-id")


class SupportRequestViewSet(WorkflowViewSet):
    """Assistance requests to the support unit: one's own and, for a point of contact, their member's; every one
    for the support unit. The same rules and rate limit as the pages: a request is read by its requester, the
    member's point of contact and the support unit (403 for others)."""

    model = SupportRequest
    view_perm = "support.view_supportrequest"
    serializer_class = s.SupportRequestSerializer
    filterset_class = SupportRequestFilter
    pagination_class = SupportRequestPagination
    rate_limits = {"create": "support.request"}

    def visible_to(self, user):
        return selectors.requests_for_api(user=user)

    def read_queryset(self):
        return selectors.request_queryset()

    @extend_schema(request=s.SupportRequestInputSerializer, responses={201: s.SupportRequestSerializer})
    def create(self, request, *args, **kwargs):
        """Ask for a service of the menu for a member (its point of contact, its verified civil society, staff)."""
        values = self.validated(s.SupportRequestInputSerializer)
        member = values.pop("member")
        require_perm(request, "support.add_supportrequest", member)
        created = services.support_request_create(member=member, requester=request.user, **values)
        return self.read(created, status.HTTP_201_CREATED)

    @extend_schema(request=s.SupportTransitionSerializer, responses={200: s.SupportRequestSerializer})
    @action(detail=True, methods=["post"])
    def transition(self, request, pk=None):
        """The support unit moves the request one step (declining needs a reason, delivering an outcome)."""
        support_request = self.get_object()
        require_perm(request, "support.change_supportrequest", support_request)
        values = self.validated(s.SupportTransitionSerializer)
        services.support_request_transition(request=support_request, actor=request.user, **values)
        return self.read(support_request)

    @extend_schema(request=s.SupportNoteInputSerializer, responses={201: s.SupportRequestSerializer})
    @action(detail=True, methods=["post"])
    def notes(self, request, pk=None):
        """A note (and files) on an open request, by its requester, the member's point of contact or staff."""
        support_request = self.get_object()
        require_perm(request, "support.add_supportnote", support_request)
        values = self.validated(s.SupportNoteInputSerializer)
        services.support_note_add(request=support_request, author=request.user, **values)
        return self.read(support_request, status.HTTP_201_CREATED)
