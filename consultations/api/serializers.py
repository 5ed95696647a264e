"""Consultations and proposals as the API shows them: public fields only (no e-mail address, no drafts)."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from commitments.api.serializers import ActionPlanRefSerializer, MemberRefSerializer
from commitments.models import Commitment, PolicyArea
from common.translations import translations_by_master
from consultations.api.translations import TranslatedSerializerMixin, TranslationsListSerializer
from consultations.models import Comment, Consultation, Proposal, ProposalResponse, ProposalTranslation, Referral


class ConsultationRefSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:consultation-detail")

    class Meta:
        model = Consultation
        fields = ["id", "url", "title"]


class ConsultationSerializer(TranslatedSerializerMixin, serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:consultation-detail")
    html_url = serializers.SerializerMethodField()
    action_plan = ActionPlanRefSerializer(read_only=True)
    member = MemberRefSerializer(source="action_plan.member", read_only=True)
    state = serializers.ChoiceField(choices=Consultation.State.choices, read_only=True)
    policy_areas = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    proposal_count = serializers.IntegerField(read_only=True, help_text=_("Proposals owed a reasoned response."))
    answered_count = serializers.IntegerField(read_only=True, help_text=_("Proposals with a published response."))

    class Meta:
        model = Consultation
        fields = [
            "id",
            "url",
            "html_url",
            "member",
            "action_plan",
            "title",
            "language",
            "description",
            "kind",
            "opens_at",
            "closes_at",
            "response_due_on",
            "state",
            "status_reason",
            "policy_areas",
            "max_proposals_per_participant",
            "proposal_count",
            "answered_count",
            "translations",
        ]
        list_serializer_class = TranslationsListSerializer

    def get_html_url(self, obj) -> str:
        return self.context["request"].build_absolute_uri(obj.get_absolute_url())


class CommitmentRefSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:commitment-detail")

    class Meta:
        model = Commitment
        fields = ["id", "url", "number", "title"]


class ReferralOpinionSerializer(serializers.ModelSerializer):
    """An institution's opinion published with the response (provenance)."""

    institution = serializers.CharField(source="institution.name", read_only=True)

    class Meta:
        model = Referral
        fields = ["institution", "opinion", "opinion_received_on"]


class ResponseSerializer(TranslatedSerializerMixin, serializers.ModelSerializer):
    commitments = CommitmentRefSerializer(many=True, read_only=True)
    opinions = serializers.SerializerMethodField(
        help_text=_("The institutions' opinions, when the point of contact published them with the response.")
    )

    class Meta:
        model = ProposalResponse
        fields = ["outcome", "reasons", "language", "commitments", "published_at", "opinions", "translations"]
        list_serializer_class = TranslationsListSerializer

    @extend_schema_field(ReferralOpinionSerializer(many=True))
    def get_opinions(self, obj) -> list:
        if not obj.shows_opinions:
            return []
        opinions = obj.proposal.referrals.exclude(opinion="").select_related("institution").order_by("created_at", "pk")
        return ReferralOpinionSerializer(opinions, many=True).data


class ProposalSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:proposal-detail")
    html_url = serializers.SerializerMethodField()
    consultation = ConsultationRefSerializer(read_only=True)
    author = serializers.SerializerMethodField(help_text=_("The author's public name (or organisation)."))
    policy_area = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    # Empty ("") until the proposal is withdrawn, as `completion` of a commitment before its first update.
    withdrawal_reason = serializers.ChoiceField(
        choices=Proposal.WithdrawalReason.choices, allow_blank=True, read_only=True
    )
    response = serializers.SerializerMethodField()
    comment_count = serializers.IntegerField(read_only=True)
    translations = serializers.SerializerMethodField(
        help_text=_(
            "The proposal in the other languages, by language code: title, problem, solution, expected results,"
            " and whether the machine translated it. The original is the proposal's own text, in `language`."
        )
    )

    class Meta:
        model = Proposal
        fields = [
            "id",
            "url",
            "html_url",
            "consultation",
            "title",
            "language",
            "problem",
            "solution",
            "expected_results",
            "policy_area",
            "author",
            "status",
            "submitted_at",
            "withdrawal_reason",
            "support_count",
            "comment_count",
            "response",
            "translations",
        ]

    def get_html_url(self, obj) -> str:
        return self.context["request"].build_absolute_uri(obj.get_absolute_url())

    def get_translations(self, obj) -> dict:
        return translations_by_master(ProposalTranslation, [obj.pk]).get(obj.pk, {})

    def get_author(self, obj) -> str:
        if obj.organisation_id:
            return obj.organisation.name
        return obj.author.public_name if obj.author_id else ""

    def get_response(self, obj) -> dict | None:
        try:
            response = obj.response
        except ProposalResponse.DoesNotExist:
            return None
        return ResponseSerializer(response, context=self.context).data if response.is_published else None


class ProposalInputSerializer(serializers.Serializer):
    """A proposal written through the API; `submit: false` keeps it as a draft."""

    consultation = serializers.PrimaryKeyRelatedField(queryset=Consultation.objects.all())
    title = serializers.CharField(max_length=200)
    problem = serializers.CharField(max_length=10000)
    solution = serializers.CharField(max_length=10000)
    expected_results = serializers.CharField(max_length=10000, required=False, allow_blank=True, default="")
    policy_area = serializers.SlugRelatedField(
        slug_field="slug", queryset=PolicyArea.objects.all(), required=False, allow_null=True, default=None
    )
    language = serializers.ChoiceField(
        choices=settings.LANGUAGES,
        required=False,
        help_text=_("The language the proposal is written in; by default the language of the request."),
    )
    submit = serializers.BooleanField(default=True)
    submission_key = serializers.UUIDField(
        required=False, help_text=_("Send the same key again (a retry) and the proposal is created once.")
    )


class ProposalUpdateSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200, required=False)
    language = serializers.ChoiceField(choices=settings.LANGUAGES, required=False)
    problem = serializers.CharField(max_length=10000, required=False)
    solution = serializers.CharField(max_length=10000, required=False)
    expected_results = serializers.CharField(max_length=10000, required=False, allow_blank=True)
    policy_area = serializers.SlugRelatedField(
        slug_field="slug", queryset=PolicyArea.objects.all(), required=False, allow_null=True
    )


class WithdrawSerializer(serializers.Serializer):
    reason = serializers.ChoiceField(choices=Proposal.WithdrawalReason.choices)
    note = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")


class CommentSerializer(TranslatedSerializerMixin, serializers.ModelSerializer):
    author = serializers.SerializerMethodField()

    class Meta:
        model = Comment
        fields = ["id", "parent", "author", "body", "language", "created_at", "edited_at", "translations"]
        list_serializer_class = TranslationsListSerializer

    def get_author(self, obj) -> str:
        return obj.author.public_name if obj.author_id else ""


class CommentInputSerializer(serializers.Serializer):
    body = serializers.CharField(max_length=3000)
    parent = serializers.PrimaryKeyRelatedField(queryset=Comment.objects.all(), required=False, allow_null=True)
    language = serializers.ChoiceField(choices=settings.LANGUAGES, required=False)


class ResponseInputSerializer(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=ProposalResponse.Outcome.choices)
    reasons = serializers.CharField(max_length=10000)
    commitments = serializers.PrimaryKeyRelatedField(queryset=Commitment.objects.all(), many=True, required=False)
    publish = serializers.BooleanField(default=True, help_text=_("False keeps the response as a draft."))
    language = serializers.ChoiceField(choices=settings.LANGUAGES, required=False)
    shows_opinions = serializers.BooleanField(
        required=False, help_text=_("Publish the institutions' opinions with the response (unchanged when absent).")
    )


class SupportSerializer(serializers.Serializer):
    supported = serializers.BooleanField()
    support_count = serializers.IntegerField()
