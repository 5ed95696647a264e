"""Draft versions and amendments through the API: read by everyone (published ones), amendments proposed and
supported by verified participants and decided by the point of contact, with the pages' rules and rate limits."""

import django_filters
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotAuthenticated, NotFound, PermissionDenied
from rest_framework.response import Response

from common.api.pagination import CursorPagination
from common.api.permissions import require_perm
from common.api.throttling import RateLimitedViewMixin
from common.text import as_id
from drafting import selectors
from drafting.api import rows
from drafting.api import serializers as s
from drafting.models import Amendment, DraftCommitment, DraftParagraph, DraftVersion
from drafting.services import amendments


class VersionFilter(django_filters.FilterSet):
    action_plan = django_filters.NumberFilter(field_name="action_plan_id")

    class Meta:
        model = DraftVersion
        fields = ["action_plan"]


class AmendmentFilter(django_filters.FilterSet):
    action_plan = django_filters.NumberFilter(field_name="version__action_plan_id")
    version = django_filters.NumberFilter(field_name="version_id")
    commitment = django_filters.NumberFilter(
        field_name="draft_commitment__commitment_id", help_text=_("The plan's commitment the amendment changed.")
    )
    state = django_filters.ChoiceFilter(choices=Amendment.State.choices)

    class Meta:
        model = Amendment
        fields = ["action_plan", "version", "commitment", "state"]


class NewestFirst(CursorPagination):
    ordering = "-id"


class _Hidden404:
    def handle_exception(self, exc):
        if isinstance(exc, PermissionDenied | NotAuthenticated) and self.action == "retrieve":
            exc = NotFound()
        return super().handle_exception(exc)


class DraftVersionViewSet(_Hidden404, viewsets.ReadOnlyModelViewSet):
    """Published draft versions of action plans (filter `action_plan`); one version with its text."""

    lookup_value_regex = r"\d+"
    filterset_class = VersionFilter
    pagination_class = NewestFirst

    def get_serializer_class(self):
        return s.DraftVersionDetailSerializer if self.action == "retrieve" else s.DraftVersionSerializer

    def get_queryset(self):
        return selectors.version_list(user=self.request.user)

    def get_object(self):
        pk = as_id(self.kwargs["pk"])  # an int, the kept statement's key; other digits find nothing
        if pk is None:
            raise NotFound
        version = selectors.version_get(pk=pk)
        require_perm(self.request, "drafting.read_draftversion", version)
        return version

    @extend_schema(responses=s.DraftVersionDetailSerializer)
    def retrieve(self, request, *args, **kwargs):
        # The JSON of DraftVersionDetailSerializer, its commitments and paragraphs read as values() rows
        # (drafting.api.rows). A comment, not a docstring: the schema keeps the class's text.
        version = self.get_object()
        data = s.DraftVersionSerializer(version, context=self.get_serializer_context()).data
        data["commitments"] = rows.version_commitments(version.pk)
        return Response(data)


class AmendmentViewSet(_Hidden404, RateLimitedViewMixin, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Amendments to draft versions, with their `state` and the point of contact's public `reason` (filters
    `action_plan`, `version`, `state`, and `commitment`: with `state=accepted`, what shaped a final commitment)."""

    lookup_value_regex = r"\d+"
    serializer_class = s.AmendmentSerializer
    filterset_class = AmendmentFilter
    pagination_class = NewestFirst
    rate_limits = {"create": "drafting.amendment", "support": "drafting.support"}

    def get_queryset(self):
        return selectors.amendment_list(user=self.request.user)

    def get_object(self):
        amendment = selectors.amendment_get(pk=self.kwargs["pk"])
        require_perm(self.request, "drafting.read_amendment", amendment)
        return amendment

    def _read(self, amendment, code=status.HTTP_200_OK) -> Response:
        return Response(self.get_serializer(selectors.amendment_get(pk=amendment.pk)).data, status=code)

    @extend_schema(request=s.AmendmentInputSerializer, responses={201: s.AmendmentSerializer})
    def create(self, request, *args, **kwargs):
        """Propose new wording for a paragraph, or a new milestone for a draft commitment (verified participants,
        current version, open review)."""
        data = s.AmendmentInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        target = values.get("paragraph") or values.get("draft_commitment")
        if isinstance(target, DraftParagraph):
            target = DraftParagraph.objects.select_related("draft_commitment__version__action_plan").get(pk=target.pk)
            require_perm(request, "drafting.amend_draftparagraph", target)
        else:
            target = DraftCommitment.objects.select_related("version__action_plan").get(pk=target.pk)
            require_perm(request, "drafting.amend_draftcommitment", target)
        amendment = amendments.amendment_propose(author=request.user, **values)
        return self._read(amendment, status.HTTP_201_CREATED)

    @extend_schema(request=None, responses={200: s.AmendmentSerializer})
    @action(detail=True, methods=["post"])
    def support(self, request, pk=None):
        """Support an amendment awaiting a decision (once per person)."""
        amendment = self.get_object()
        require_perm(request, "drafting.support_amendment", amendment)
        amendments.amendment_support(amendment=amendment, user=request.user)
        return self._read(amendment)

    @extend_schema(request=s.AmendmentDecisionSerializer, responses={200: s.AmendmentSerializer})
    @action(detail=True, methods=["post"])
    def decide(self, request, pk=None):
        """The point of contact accepts, rejects or merges the amendment with a public reason."""
        amendment = self.get_object()
        require_perm(request, "drafting.decide_amendment", amendment)
        data = s.AmendmentDecisionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        amendments.amendment_decide(amendment=amendment, user=request.user, **data.validated_data)
        return self._read(amendment)
