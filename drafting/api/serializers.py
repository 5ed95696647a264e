"""Draft versions and amendments in the API: what is read, and the shapes of the writes."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from drafting.models import Amendment, DraftCommitment, DraftParagraph, DraftVersion
from drafting.models.participation import DECISION_CHOICES


class DraftParagraphSerializer(serializers.ModelSerializer):
    class Meta:
        model = DraftParagraph
        fields = ["id", "key", "section", "order", "text", "comment_count"]


class DraftCommitmentSerializer(serializers.ModelSerializer):
    paragraphs = DraftParagraphSerializer(many=True, read_only=True)

    class Meta:
        model = DraftCommitment
        fields = ["id", "key", "commitment", "number", "title", "paragraphs"]


class DraftVersionSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:draftversion-detail")
    html_url = serializers.SerializerMethodField()

    class Meta:
        model = DraftVersion
        fields = [
            "id", "url", "html_url", "action_plan", "consultation", "number", "state", "published_at",
            "expert_review",
        ]  # fmt: skip

    def get_html_url(self, obj) -> str:
        return self.context["request"].build_absolute_uri(obj.get_absolute_url())


class DraftVersionDetailSerializer(DraftVersionSerializer):
    commitments = DraftCommitmentSerializer(many=True, read_only=True)

    class Meta(DraftVersionSerializer.Meta):
        fields = [*DraftVersionSerializer.Meta.fields, "commitments"]


class AmendmentRefSerializer(serializers.ModelSerializer):
    """An amendment named where it shaped something (`provenance` of the commitments API)."""

    url = serializers.HyperlinkedIdentityField(view_name="api:amendment-detail")
    author = serializers.SerializerMethodField()

    class Meta:
        model = Amendment
        fields = ["id", "url", "state", "reason", "author"]

    def get_author(self, obj) -> str | None:
        return obj.author.public_name if obj.author else None


class AmendmentSerializer(AmendmentRefSerializer):
    html_url = serializers.SerializerMethodField()
    action_plan = serializers.IntegerField(source="version.action_plan_id", read_only=True)
    commitment = serializers.IntegerField(source="draft_commitment.commitment_id", read_only=True, allow_null=True)
    commitment_number = serializers.CharField(source="draft_commitment.number", read_only=True)

    class Meta:
        model = Amendment
        fields = [
            "id", "url", "html_url", "action_plan", "version", "draft_commitment", "commitment", "commitment_number",
            "paragraph", "kind", "text", "explanation", "author", "state", "reason", "merged_into", "decided_at",
            "applied_in", "support_count", "created_at",
        ]  # fmt: skip

    def get_html_url(self, obj) -> str:
        return self.context["request"].build_absolute_uri(obj.get_absolute_url())


class AmendmentInputSerializer(serializers.Serializer):
    paragraph = serializers.PrimaryKeyRelatedField(queryset=DraftParagraph.objects.all(), required=False)
    draft_commitment = serializers.PrimaryKeyRelatedField(queryset=DraftCommitment.objects.all(), required=False)
    text = serializers.CharField(max_length=6000)
    explanation = serializers.CharField(max_length=3000, required=False, allow_blank=True)

    def validate(self, attrs):
        if bool(attrs.get("paragraph")) == bool(attrs.get("draft_commitment")):
            raise serializers.ValidationError(
                _("Give either `paragraph` (new wording) or `draft_commitment` (a new milestone).")
            )
        return attrs


class AmendmentDecisionSerializer(serializers.Serializer):
    state = serializers.ChoiceField(choices=DECISION_CHOICES)
    reason = serializers.CharField(max_length=6000)
    merged_into = serializers.PrimaryKeyRelatedField(queryset=Amendment.objects.all(), required=False, allow_null=True)
