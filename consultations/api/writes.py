"""A point of contact opens, edits and closes consultations through the API as on the workspace pages: the same
rules permission on the same object, the same service (its ValidationError is a 400 with the page's message), and
a rate limit (consultations.manage) counted on success. The reasoned response is the proposals' `response/`."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.response import Response

from commitments.models import ActionPlan, PolicyArea
from common.api.permissions import require_perm, validated_for
from common.api.throttling import RateLimitedViewMixin
from consultations import selectors, services
from consultations.api.serializers import ConsultationSerializer
from consultations.models import Consultation

MANAGE = "consultations.manage"
FIELDS = [
    "title",
    "language",
    "kind",
    "description",
    "opens_at",
    "closes_at",
    "response_due_on",
    "policy_areas",
    "max_proposals_per_participant",
]


class ConsultationUpdateSerializer(serializers.ModelSerializer):
    policy_areas = serializers.SlugRelatedField(
        slug_field="slug", many=True, required=False, queryset=PolicyArea.objects.all()
    )
    response_due_on = serializers.DateField(
        required=False, allow_null=True, help_text=_("Left out or null: a set number of days after the closing date.")
    )

    class Meta:
        model = Consultation
        fields = FIELDS
        validators = []  # the service checks the row and its dates, in the page's words


class ConsultationCreateSerializer(ConsultationUpdateSerializer):
    action_plan = serializers.PrimaryKeyRelatedField(
        queryset=ActionPlan.objects.select_related("member"), help_text=_("The action plan's id.")
    )

    class Meta(ConsultationUpdateSerializer.Meta):
        fields = ["action_plan", *FIELDS]


class ConsultationCloseSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=5000, help_text=_("Shown on the consultation's page."))
    cancel = serializers.BooleanField(
        default=False, help_text=_("Cancel the consultation (also one not open yet) instead of closing it now.")
    )


class ConsultationWriteMixin(RateLimitedViewMixin):
    rate_limited_methods = ("POST", "PATCH")
    rate_limits = dict.fromkeys(("create", "partial_update", "close"), MANAGE)

    def _valid(self, serializer_class, **kwargs) -> dict:
        data = serializer_class(data=self.request.data, **kwargs)
        data.is_valid(raise_exception=True)
        return dict(data.validated_data)

    def _consultation(self) -> Consultation:
        return get_object_or_404(Consultation.objects.select_related("action_plan__member"), pk=self.kwargs["pk"])

    def _read(self, consultation: Consultation, code=status.HTTP_200_OK) -> Response:
        return Response(self.get_serializer(selectors.consultation_get(pk=consultation.pk)).data, status=code)

    @extend_schema(request=ConsultationCreateSerializer, responses={201: ConsultationSerializer})
    def create(self, request, *args, **kwargs):
        """Open a consultation on a running action plan (its point of contact, or support staff); it takes
        proposals from `opens_at` to `closes_at`."""
        plan, values = validated_for(
            request, ConsultationCreateSerializer, "action_plan", "consultations.open_consultation"
        )
        consultation = services.consultation_create(action_plan=plan, created_by=request.user, **values)
        return self._read(consultation, status.HTTP_201_CREATED)

    @extend_schema(request=ConsultationUpdateSerializer, responses={200: ConsultationSerializer})
    def partial_update(self, request, *args, **kwargs):
        """Edit the consultation; a date already passed stays, and a cancelled consultation is frozen."""
        consultation = self._consultation()
        require_perm(request, "consultations.edit_consultation", consultation)
        values = self._valid(ConsultationUpdateSerializer, partial=True)
        return self._read(services.consultation_update(consultation=consultation, **values))

    @extend_schema(request=ConsultationCloseSerializer, responses={200: ConsultationSerializer})
    @action(detail=True, methods=["post"])
    def close(self, request, pk=None):
        """Close an open consultation now, or cancel it (`cancel`), with a reason shown on its page."""
        consultation = self._consultation()
        require_perm(request, "consultations.end_consultation", consultation)
        values = self._valid(ConsultationCloseSerializer)
        return self._read(services.consultation_end(consultation=consultation, **values))
