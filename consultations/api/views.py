"""Consultations and proposals through the API; every write is one service call behind one rules check."""

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotAuthenticated, NotFound, PermissionDenied, ValidationError
from rest_framework.pagination import CursorPagination as DrfCursorPagination
from rest_framework.response import Response

from commitments.models import Commitment
from common.api.pagination import CursorPagination, IdsFirstPagination
from common.api.permissions import require_perm
from common.api.rows import RowDetailMixin, RowListMixin
from common.api.throttling import RateLimitedViewMixin
from consultations import selectors, services
from consultations.api.rows import (
    CONSULTATION_KEYS,
    PAGE_KEYS,
    consultation_items,
    page_queryset,
    proposal_items,
    proposal_values,
)
from consultations.api.serializers import (
    CommentInputSerializer,
    CommentSerializer,
    ConsultationSerializer,
    ProposalInputSerializer,
    ProposalSerializer,
    ProposalUpdateSerializer,
    ResponseInputSerializer,
    ResponseSerializer,
    SupportSerializer,
    WithdrawSerializer,
)
from consultations.api.writes import ConsultationWriteMixin
from consultations.filters import SORTS, ConsultationFilter, ProposalFilter
from consultations.models import Comment, Consultation, Proposal


class ConsultationViewSet(ConsultationWriteMixin, RowDetailMixin, viewsets.ReadOnlyModelViewSet):
    """Consultations on action plans, with the share of proposals answered; their points of contact open, edit
    and close them (consultations/api/writes.py). Every consultation is public: a list and a detail are read as
    values() rows (consultations.api.rows)."""

    row_keys = CONSULTATION_KEYS

    lookup_value_regex = r"\d+"
    http_method_names = ["get", "post", "patch", "head", "options"]

    serializer_class = ConsultationSerializer
    filterset_class = ConsultationFilter
    pagination_class = IdsFirstPagination

    def get_queryset(self):
        # Every language of the page's translations is read by the serializer, not the page's language alone.
        return selectors.consultation_list()[0].prefetch_related(None).prefetch_related("policy_areas")

    def row_queryset(self):
        return Consultation.objects.order_by("-opens_at", "-id")

    def build_items(self, rows):
        return consultation_items(self.request, rows)


class ProposalPagination(CursorPagination):
    """Cursor pages in the order the `sort` parameter asks for (each ends with the unique id)."""

    def get_ordering(self, request, queryset, view):
        return SORTS.get(request.query_params.get("sort") or "newest", SORTS["newest"])


class ProposalViewSet(
    RateLimitedViewMixin,
    RowListMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.ReadOnlyModelViewSet,
):
    """Submitted proposals (never drafts of others, never hidden ones) and what participants do with them.

    Each write checks the same rules permission as the web page doing it, and counts against the same
    rate limit."""

    lookup_value_regex = r"\d+"

    serializer_class = ProposalSerializer
    filterset_class = ProposalFilter
    pagination_class = ProposalPagination
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]
    rate_limits = {
        "create": "consultations.proposal",
        "support": "consultations.support",
        "post_comment": "consultations.comment",
    }

    # A list is paged on the proposal table alone (the sort order's partial index); the page's rows are then
    # read by id with what an item shows (consultations.api.rows.proposal_values).
    row_keys = PAGE_KEYS

    def get_queryset(self):
        return selectors.proposal_list()[0].prefetch_related(
            Prefetch("response__commitments", queryset=Commitment.objects.order_by("sort_key"))
        )

    def row_queryset(self):
        return page_queryset()

    def build_items(self, rows):
        return proposal_items(self.request, proposal_values([row["id"] for row in rows]))

    def get_object(self):
        """Any proposal the user may read (their own drafts too); others' drafts and hidden ones are 404."""
        proposal = selectors.proposal_get(pk=self.kwargs["pk"])
        require_perm(self.request, "consultations.read_proposal", proposal)
        return proposal

    def handle_exception(self, exc):
        # Reading someone else's draft must not reveal that it exists.
        if isinstance(exc, PermissionDenied | NotAuthenticated) and self.action == "retrieve":
            exc = NotFound()
        return super().handle_exception(exc)

    def _read(self, proposal: Proposal, code=status.HTTP_200_OK) -> Response:
        return Response(self.get_serializer(selectors.proposal_get(pk=proposal.pk)).data, status=code)

    @extend_schema(request=ProposalInputSerializer, responses={201: ProposalSerializer})
    def create(self, request, *args, **kwargs):
        """Write a proposal to an open consultation (participants); a draft when `submit` is false."""
        data = ProposalInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        consultation = values.pop("consultation")
        require_perm(request, "consultations.write_proposal", consultation)
        proposal = services.proposal_create(consultation=consultation, author=request.user, **values)
        return self._read(proposal, status.HTTP_201_CREATED)

    @extend_schema(request=ProposalUpdateSerializer, responses={200: ProposalSerializer})
    def partial_update(self, request, *args, **kwargs):
        """The author edits the proposal while the consultation is open and it is not under review."""
        proposal = self.get_object()
        require_perm(request, "consultations.edit_proposal", proposal)
        data = ProposalUpdateSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        return self._read(services.proposal_update(proposal=proposal, **data.validated_data))

    def update(self, request, *args, **kwargs):
        if not kwargs.get("partial"):
            return self.http_method_not_allowed(request, *args, **kwargs)
        return super().update(request, *args, **kwargs)

    @extend_schema(request=None, responses={200: ProposalSerializer})
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        """Submit a draft."""
        proposal = self.get_object()
        require_perm(request, "consultations.submit_proposal", proposal)
        return self._read(services.proposal_submit(proposal=proposal))

    @extend_schema(request=WithdrawSerializer, responses={200: ProposalSerializer})
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        """The author withdraws a submitted proposal, with a reason."""
        proposal = self.get_object()
        require_perm(request, "consultations.withdraw_proposal", proposal)
        data = WithdrawSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return self._read(services.proposal_withdraw(proposal=proposal, **data.validated_data))

    @extend_schema(request=None, responses={200: SupportSerializer})
    @action(detail=True, methods=["post", "delete"])
    def support(self, request, pk=None):
        """Support the proposal (once per person; again changes nothing), or take the support back (DELETE)."""
        proposal = self.get_object()
        if request.method == "POST" and request.user.has_perm("consultations.own_proposal", proposal):
            raise PermissionDenied(_("You cannot support your own proposal."))  # why support_proposal says no
        require_perm(request, "consultations.support_proposal", proposal)
        if request.method == "DELETE":
            services.proposal_unsupport(proposal=proposal, user=request.user)
        else:
            services.proposal_support(proposal=proposal, user=request.user)
        supported = request.method != "DELETE"
        proposal.refresh_from_db(fields=["support_count"])
        return Response({"supported": supported, "support_count": proposal.support_count})

    @extend_schema(
        parameters=[OpenApiParameter("page_size", int, required=False)],
        responses={200: CommentSerializer(many=True)},
    )
    @action(detail=True, methods=["get"], filterset_class=None, pagination_class=DrfCursorPagination)
    def comments(self, request, pk=None):
        """The proposal's visible comments, oldest first, in cursor pages."""
        proposal = self.get_object()
        queryset = Comment.objects.filter(proposal=proposal, is_hidden=False).select_related("author")
        self.paginator.ordering = ("created_at", "id")
        page = self.paginate_queryset(queryset)
        return self.get_paginated_response(CommentSerializer(page, many=True).data)

    @extend_schema(request=CommentInputSerializer, responses={201: CommentSerializer})
    @comments.mapping.post
    def post_comment(self, request, pk=None):
        """Comment on the proposal, or reply to a top-level comment, while the consultation is open."""
        proposal = self.get_object()
        data = CommentInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        parent = data.validated_data.get("parent")
        if parent is not None:
            if parent.proposal_id != proposal.pk:
                raise ValidationError({"parent": [_("This comment belongs to another proposal.")]})
            require_perm(request, "consultations.reply_comment", parent)
        else:
            require_perm(request, "consultations.comment_proposal", proposal)
        comment = services.comment_create(proposal=proposal, author=request.user, **data.validated_data)
        return Response(CommentSerializer(comment, context=self.get_serializer_context()).data, status=201)

    @extend_schema(request=ResponseInputSerializer, responses={200: ResponseSerializer})
    @action(detail=True, methods=["post"], url_path="response")
    def respond(self, request, pk=None):
        """The point of contact drafts or publishes the reasoned response (outcome, reasons, commitments)."""
        proposal = self.get_object()
        require_perm(request, "consultations.respond_proposal", proposal)
        data = ResponseInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        response = services.response_save(proposal=proposal, written_by=request.user, **data.validated_data)
        return Response(ResponseSerializer(response, context=self.get_serializer_context()).data)
