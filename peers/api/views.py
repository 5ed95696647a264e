"""Peer exchanges through the API, with the pages' rules (peers/rules.py) and rate limit."""

import django_filters
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.decorators import action

from common.api.pagination import CursorPagination
from common.api.permissions import require_perm
from common.api.workflow import WorkflowViewSet
from peers import selectors, services
from peers.api import serializers as s
from peers.models import ExchangeRequest


class ExchangeFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=ExchangeRequest.Status.choices)
    member = django_filters.NumberFilter(method="filter_member", help_text=_("Id of a member, asking or asked."))
    policy_area = django_filters.CharFilter(
        method="filter_policy_area", help_text=_("Slug of a policy area, e.g. open-contracting.")
    )

    class Meta:
        model = ExchangeRequest
        fields = ["status"]

    def filter_member(self, queryset, name, value):
        return selectors.exchanges_filtered(queryset, member=value)

    def filter_policy_area(self, queryset, name, value):
        return selectors.exchanges_filtered(queryset, policy_area=value)


class ExchangePagination(CursorPagination):
    ordering = ("-created_at", "-id")


class ExchangeRequestViewSet(WorkflowViewSet):
    """Exchanges between members: a point of contact sees their member's, asked and asking; the support unit
    every one (to build learning groups)."""

    model = ExchangeRequest
    view_perm = "peers.view_exchangerequest"
    serializer_class = s.ExchangeRequestSerializer
    filterset_class = ExchangeFilter
    pagination_class = ExchangePagination
    rate_limits = {"create": "peers.exchange"}

    def visible_to(self, user):
        return selectors.exchanges_for(user=user)

    def read_queryset(self):
        return selectors.exchange_queryset()

    def list(self, request, *args, **kwargs):
        require_perm(request, "peers.list_exchangerequest")
        return super().list(request, *args, **kwargs)

    @extend_schema(request=s.ExchangeInputSerializer, responses={201: s.ExchangeRequestSerializer})
    def create(self, request, *args, **kwargs):
        """Ask the points of contact of the commitment's member for an exchange (a point of contact)."""
        values = self.validated(s.ExchangeInputSerializer)
        commitment = values.pop("commitment")
        require_perm(request, "peers.add_exchangerequest", commitment)
        exchange = services.exchange_request_create(commitment=commitment, requester=request.user, **values)
        return self.read(exchange, status.HTTP_201_CREATED)

    @extend_schema(request=s.ExchangeAnswerInputSerializer, responses={200: s.ExchangeRequestSerializer})
    @action(detail=True, methods=["post"])
    def answer(self, request, pk=None):
        """One of the asked member's points of contact accepts or declines, with a message (final)."""
        exchange = self.get_object()
        require_perm(request, "peers.answer_exchangerequest", exchange)
        values = self.validated(s.ExchangeAnswerInputSerializer)
        accept = values["decision"] == "accept"
        services.exchange_answer(exchange=exchange, user=request.user, accept=accept, answer=values["answer"])
        return self.read(exchange)
