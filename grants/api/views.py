"""Grants through the API: published calls (read), and the applications of an organisation, written with the
pages' rules and rate limit."""

import django_filters
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action

from common.api.pagination import CursorPagination, PageNumberPagination
from common.api.permissions import require_perm
from common.api.workflow import WorkflowViewSet
from grants import selectors, services
from grants.api import applications as s
from grants.api.serializers import GrantCallSerializer
from grants.models import GrantApplication


class GrantCallViewSet(viewsets.ReadOnlyModelViewSet):
    """Published micro-grant and Trust Fund calls, each with the grants it awarded."""

    lookup_value_regex = r"\d+"
    serializer_class = GrantCallSerializer
    pagination_class = PageNumberPagination

    def get_queryset(self):
        return selectors.calls_for_api()


class ApplicationFilter(django_filters.FilterSet):
    call = django_filters.NumberFilter(field_name="call_id")
    status = django_filters.ChoiceFilter(choices=GrantApplication.Status.choices)

    class Meta:
        model = GrantApplication
        fields = ["call", "status"]


class ApplicationPagination(CursorPagination):
    ordering = "-id"


class GrantApplicationViewSet(mixins.UpdateModelMixin, WorkflowViewSet):
    """The applications of the organisation one speaks for (every confirmed member of it reads, edits and submits
    them); the support unit reads every submitted or decided one. Never reviews or scores."""

    model = GrantApplication
    view_perm = "grants.read_grantapplication"
    serializer_class = s.GrantApplicationSerializer
    filterset_class = ApplicationFilter
    pagination_class = ApplicationPagination
    http_method_names = ["get", "post", "patch", "head", "options"]
    rate_limits = {"create": "grants.application", "partial_update": "grants.application"}
    rate_limited_methods = ("POST", "PATCH")  # the page's form counts both writing and changing a draft

    def visible_to(self, user):
        return selectors.applications_for_api(user=user)

    def read_queryset(self):
        return selectors.application_rows()

    @extend_schema(request=s.ApplicationInputSerializer, responses={201: s.GrantApplicationSerializer})
    def create(self, request, *args, **kwargs):
        """Write a draft application of one's organisation to an open call (then `submit/` it)."""
        values = s.service_values(self.validated(s.ApplicationInputSerializer))
        call = values.pop("call")
        require_perm(request, "grants.apply_grantcall", call)
        application = services.application_create(call=call, applicant=request.user, **values)
        return self.read(application, status.HTTP_201_CREATED)

    @extend_schema(request=s.ApplicationUpdateSerializer, responses={200: s.GrantApplicationSerializer})
    def partial_update(self, request, *args, **kwargs):
        """Change a draft while the call is open; budget lines given replace the stored ones."""
        application = self.get_object()
        require_perm(request, "grants.edit_grantapplication", application)
        values = s.service_values(self.validated(s.ApplicationUpdateSerializer))
        removed = values.pop("remove_attachments", [])
        values["remove_attachments"] = list(application.attachments.filter(pk__in=removed))
        return self.read(services.application_update(application=application, uploader=request.user, **values))

    def update(self, request, *args, **kwargs):
        if not kwargs.get("partial"):
            return self.http_method_not_allowed(request, *args, **kwargs)
        return super().update(request, *args, **kwargs)

    @extend_schema(request=None, responses={200: s.GrantApplicationSerializer})
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        """Submit a complete draft while the call is open (eligibility, budget and answers checked again)."""
        application = self.get_object()
        require_perm(request, "grants.submit_grantapplication", application)
        return self.read(services.application_submit(application=application))
