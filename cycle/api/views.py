"""The cycle through the API (read): the calendar's steps, the compliance findings (support unit only), the
challenge areas with their members' declarations and SDG targets, and the SDG targets."""

import django_filters
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import viewsets
from rest_framework.response import Response

from commitments.models import Member
from common.api.caching import PublicReadCacheMixin
from common.api.pagination import CursorPagination
from common.api.permissions import require_perm, signed_in_only
from cycle import selectors
from cycle.api import rows
from cycle.api import serializers as s
from cycle.models import ComplianceFinding, CycleStep, SDGTarget
from cycle.quarters import PATTERN, Quarter


def validate_quarter(value: str) -> None:
    match = PATTERN.match(value)
    if not match or not 2000 <= int(match[1]) <= 2100:
        raise ValidationError(_("A quarter such as 2026-Q4."), code="invalid")


class CycleStepFilter(django_filters.FilterSet):
    member = django_filters.ModelChoiceFilter(queryset=Member.objects.all(), help_text=_("The member's id."))
    quarter = django_filters.CharFilter(
        method="filter_quarter",
        validators=[validate_quarter],
        help_text=_("The steps due in a calendar quarter, e.g. 2026-Q4."),
    )
    kind = django_filters.ChoiceFilter(choices=CycleStep.Kind.choices)

    class Meta:
        model = CycleStep
        fields = ["member", "quarter", "kind"]

    def filter_quarter(self, queryset, name, value):
        quarter = Quarter.parse(value, default=timezone.localdate())
        return queryset.filter(due_on__gte=quarter.start, due_on__lte=quarter.end)


class StepPagination(CursorPagination):
    ordering = ("due_on", "id")


class CycleStepViewSet(PublicReadCacheMixin, viewsets.ReadOnlyModelViewSet):
    """The action-plan cycle calendar: each member's dated steps, computed from its plans and OGP's calendar
    rules, corrected by the support unit where a member's cycle differs (filter `member`, `quarter`, `kind`)."""

    lookup_value_regex = r"\d+"
    serializer_class = s.CycleStepSerializer
    filterset_class = CycleStepFilter
    pagination_class = StepPagination

    def get_queryset(self):
        return CycleStep.objects.select_related("member").order_by("due_on", "id")


class FindingFilter(django_filters.FilterSet):
    member = django_filters.ModelChoiceFilter(queryset=Member.objects.all(), help_text=_("The member's id."))
    kind = django_filters.ChoiceFilter(choices=ComplianceFinding.Kind.choices)
    state = django_filters.ChoiceFilter(
        method="filter_state",
        choices=[("open", _("Awaiting a decision")), ("decided", _("Decided")), ("resolved", _("Resolved"))],
        help_text=_("Open findings awaiting a decision, decided ones, or resolved ones; every one without."),
    )

    class Meta:
        model = ComplianceFinding
        fields = ["member", "kind", "state"]

    def filter_state(self, queryset, name, value):
        condition, order = selectors.FINDING_STATES[value]
        return queryset.filter(condition).order_by(*order)


class ComplianceFindingViewSet(viewsets.ReadOnlyModelViewSet):
    """The compliance findings with their evidence and the support unit's decisions: support staff only."""

    lookup_value_regex = r"\d+"
    serializer_class = s.ComplianceFindingSerializer
    filterset_class = FindingFilter
    permission_classes = signed_in_only()

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        require_perm(request, "cycle.view_compliancefinding")

    def get_queryset(self):
        return selectors.findings(state=None)


class ChallengeAreaViewSet(PublicReadCacheMixin, viewsets.ReadOnlyModelViewSet):
    """The areas of the OGP Challenge (2023-2028 strategy), in English, French and Spanish, with the members
    that declared them and the SDG targets their tagged commitments are aligned with. Their IRM figures:
    `/api/v1/analytics/?by=challenge_area`."""

    lookup_field = "slug"
    serializer_class = s.ChallengeAreaSerializer

    def get_queryset(self):
        declarations = selectors.challenge_declarations().select_related("member")
        return selectors.challenge_areas().prefetch_related(Prefetch("declarations", queryset=declarations))

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "aligned_targets": selectors.challenge_sdg_alignment()}

    def list(self, request, *args, **kwargs):
        # The serializer's JSON from values() rows (cycle.api.rows), paged as before; anonymous bodies cached. Not
        # common.api.rows.RowListMixin: no filter, and every area is read at once (about ten), not a page by ids.
        return self._from_cache(request, lambda: self._list_from_rows(request))

    def _list_from_rows(self, request):
        areas = rows.area_rows()
        page = self.paginate_queryset(areas)
        return (
            self.get_paginated_response(rows.area_items(request, page))
            if page is not None
            else Response(rows.area_items(request, areas))
        )


class SDGTargetViewSet(PublicReadCacheMixin, viewsets.ReadOnlyModelViewSet):
    """The targets of the Sustainable Development Goals commitments are aligned with (SDG 16 above all), in
    English, French and Spanish; one target by its code (16.10)."""

    lookup_field = "code"
    lookup_value_regex = r"[0-9]{1,2}\.[0-9a-z]{1,2}"
    serializer_class = s.SDGTargetSerializer

    def get_queryset(self):
        return SDGTarget.objects.order_by("goal", "order")
