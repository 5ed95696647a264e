"""A point of contact's writes through the API: action plans (and their transitions), commitments and milestones.

Each write is the workspace page's: the same rules permission on the same object, the same service (whose
ValidationError answers 400 with the page's message), and a rate limit (commitments.manage) counted on success.
"""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from commitments import selectors, services
from commitments.models import ActionPlan, Commitment, Milestone
from common.api.permissions import require_perm, validated_for
from common.api.throttling import RateLimitedViewMixin
from partnership.api.inputs import (
    ActionPlanCreateSerializer,
    ActionPlanTransitionSerializer,
    ActionPlanUpdateSerializer,
    CommitmentCreateSerializer,
    CommitmentUpdateSerializer,
    MilestoneCreateSerializer,
    MilestoneUpdateSerializer,
    commitment_service_data,
)
from partnership.api.serializers import ActionPlanSerializer, CommitmentSerializer, MilestoneItemSerializer

MANAGE = "commitments.manage"


class ManageWritesMixin(RateLimitedViewMixin):
    """POST and PATCH of the named actions count against the point of contact's rate limit."""

    rate_limited_methods = ("POST", "PATCH")
    rate_limits = dict.fromkeys(("create", "partial_update", "transition"), MANAGE)

    def _valid(self, serializer_class, **kwargs) -> dict:
        data = serializer_class(data=self.request.data, **kwargs)
        data.is_valid(raise_exception=True)
        return dict(data.validated_data)


class ActionPlanWriteMixin(ManageWritesMixin):
    def _plan(self) -> ActionPlan:
        return get_object_or_404(ActionPlan.objects.select_related("member"), pk=self.kwargs["pk"])

    def _read(self, plan: ActionPlan, code=status.HTTP_200_OK) -> Response:
        return Response(self.get_serializer(selectors.action_plan_api_queryset().get(pk=plan.pk)).data, status=code)

    @extend_schema(request=ActionPlanCreateSerializer, responses={201: ActionPlanSerializer})
    def create(self, request, *args, **kwargs):
        """Start an action plan of a member (its point of contact, or support staff): it opens in co-creation."""
        member, values = validated_for(request, ActionPlanCreateSerializer, "member", "commitments.add_actionplan")
        return self._read(services.action_plan_create(member=member, **values), status.HTTP_201_CREATED)

    @extend_schema(request=ActionPlanUpdateSerializer, responses={200: ActionPlanSerializer})
    def partial_update(self, request, *args, **kwargs):
        """Edit the plan's description while it is in co-creation."""
        plan = self._plan()
        require_perm(request, "commitments.change_actionplan", plan)
        values = self._valid(ActionPlanUpdateSerializer, partial=True)
        return self._read(services.action_plan_update(plan=plan, **values))

    @extend_schema(request=ActionPlanTransitionSerializer, responses={200: ActionPlanSerializer})
    @action(detail=True, methods=["post"])
    def transition(self, request, pk=None):
        """Move the plan along its life cycle (co-creation, submitted, implementation, completed, withdrawn)."""
        plan = self._plan()
        require_perm(request, "commitments.transition_actionplan", plan)
        values = self._valid(ActionPlanTransitionSerializer)
        return self._read(services.action_plan_transition(plan=plan, **values))


class CommitmentWriteMixin(ManageWritesMixin):
    def _read(self, commitment: Commitment, code=status.HTTP_200_OK) -> Response:
        return Response(self.get_serializer(self.get_queryset().get(pk=commitment.pk)).data, status=code)

    @extend_schema(request=CommitmentCreateSerializer, responses={201: CommitmentSerializer})
    def create(self, request, *args, **kwargs):
        """Add a commitment to a plan in co-creation; institutions named in free text are found or created."""
        plan, values = validated_for(request, CommitmentCreateSerializer, "action_plan", "commitments.add_commitment")
        commitment = services.commitment_create(action_plan=plan, **commitment_service_data(values))
        return self._read(commitment, status.HTTP_201_CREATED)

    @extend_schema(request=CommitmentUpdateSerializer, responses={200: CommitmentSerializer})
    def partial_update(self, request, *args, **kwargs):
        """Rewrite the commitment while its plan is in co-creation; a field not sent stays as it is."""
        queryset = Commitment.objects.select_related("action_plan__member", "lead_institution")
        commitment = get_object_or_404(queryset, pk=self.kwargs["pk"])
        require_perm(request, "commitments.change_commitment", commitment)
        values = commitment_service_data(self._valid(CommitmentUpdateSerializer, partial=True), commitment)
        return self._read(services.commitment_update(commitment=commitment, **values))


class MilestoneViewSet(ManageWritesMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Milestones of commitments: read one, add one to a commitment in co-creation, edit it (its status only
    once the plan is being implemented)."""

    lookup_value_regex = r"\d+"
    serializer_class = MilestoneItemSerializer
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self):
        return Milestone.objects.select_related("commitment__action_plan__member")

    @extend_schema(request=MilestoneCreateSerializer, responses={201: MilestoneItemSerializer})
    def create(self, request, *args, **kwargs):
        """Add a milestone to a commitment whose plan is in co-creation."""
        commitment, values = validated_for(
            request, MilestoneCreateSerializer, "commitment", "commitments.add_milestone"
        )
        milestone = services.milestone_create(commitment=commitment, **values)
        return Response(self.get_serializer(milestone).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=MilestoneUpdateSerializer, responses={200: MilestoneItemSerializer})
    def partial_update(self, request, *args, **kwargs):
        """Rewrite the milestone in co-creation; during implementation move its `status` (and `completed_on`)."""
        milestone = self.get_object()
        require_perm(request, "commitments.change_milestone", milestone)
        values = self._valid(MilestoneUpdateSerializer, partial=True)
        return Response(self.get_serializer(services.milestone_update(milestone=milestone, **values)).data)
