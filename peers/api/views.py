"""Peer exchanges through the API, with the pages' rules (peers/rules.py) and rate limit."""

import django_filters
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from common.api.pagination import CursorPagination
from common.api.permissions import require_perm, signed_in_only
from common.api.throttling import RateLimitedViewMixin
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


class ExchangeRequestViewSet(RateLimitedViewMixin, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Exchanges between members: a point of contact sees their member's, asked and asking; the support unit
    every one (to build learning groups)."""

    lookup_value_regex = r"\d+"
    permission_classes = signed_in_only()
    serializer_class = s.ExchangeRequestSerializer
    filterset_class = ExchangeFilter
    pagination_class = ExchangePagination
    rate_limits = {"create": "peers.exchange"}

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema generator
            return ExchangeRequest.objects.none()
        return selectors.exchanges_for(user=self.request.user)

    def list(self, request, *args, **kwargs):
        require_perm(request, "peers.list_exchangerequest")
        return super().list(request, *args, **kwargs)

    def get_object(self):
        """Any exchange (404 when there is none), then the page's rule (403)."""
        exchange = get_object_or_404(selectors.exchange_queryset(), pk=self.kwargs["pk"])
        require_perm(self.request, "peers.view_exchangerequest", exchange)
        return exchange

    def _read(self, exchange: ExchangeRequest, code=status.HTTP_200_OK) -> Response:
        return Response(self.get_serializer(selectors.exchange_queryset().get(pk=exchange.pk)).data, status=code)

    @extend_schema(request=s.ExchangeInputSerializer, responses={201: s.ExchangeRequestSerializer})
    def create(self, request, *args, **kwargs):
        """Ask the points of contact of the commitment's member for an exchange (a point of contact)."""
        data = s.ExchangeInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        commitment = values.pop("commitment")
        require_perm(request, "peers.add_exchangerequest", commitment)
        exchange = services.exchange_request_create(commitment=commitment, requester=request.user, **values)
        return self._read(exchange, status.HTTP_201_CREATED)

    @extend_schema(request=s.ExchangeAnswerInputSerializer, responses={200: s.ExchangeRequestSerializer})
    @action(detail=True, methods=["post"])
    def answer(self, request, pk=None):
        """One of the asked member's points of contact accepts or declines, with a message (final)."""
        exchange = self.get_object()
        require_perm(request, "peers.answer_exchangerequest", exchange)
        data = s.ExchangeAnswerInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        accept = data.validated_data["decision"] == "accept"
        answer = data.validated_data["answer"]
        services.exchange_answer(exchange=exchange, user=request.user, accept=accept, answer=answer)
        return self._read(exchange)
