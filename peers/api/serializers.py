"""Exchange requests through the API: what both members' points of contact and the support unit read, and the
shapes of a request and its answer."""

from rest_framework import serializers

from commitments.api.serializers import MemberRefSerializer
from commitments.models import Commitment
from peers.models import ExchangeRequest


class ExchangeCommitmentSerializer(serializers.ModelSerializer):
    class Meta:
        ref_name = "ExchangeCommitmentRef"
        model = Commitment
        fields = ["id", "number", "title", "ogp_id"]


class ExchangeRequestSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:exchange-detail")
    html_url = serializers.SerializerMethodField()
    commitment = ExchangeCommitmentSerializer(read_only=True)
    about = ExchangeCommitmentSerializer(read_only=True, allow_null=True)
    member = MemberRefSerializer(read_only=True)
    requester_member = MemberRefSerializer(read_only=True)
    requester = serializers.SerializerMethodField()
    answered_by = serializers.SerializerMethodField()

    class Meta:
        model = ExchangeRequest
        fields = [
            "id", "url", "html_url", "commitment", "about", "member", "requester_member", "requester", "message",
            "status", "answer", "answered_by", "answered_at", "created_at",
        ]  # fmt: skip

    def get_html_url(self, obj) -> str:
        return self.context["request"].build_absolute_uri(obj.get_absolute_url())

    def get_requester(self, obj) -> str | None:
        return obj.requester.public_name if obj.requester else None

    def get_answered_by(self, obj) -> str | None:
        return obj.answered_by.public_name if obj.answered_by else None


class ExchangeInputSerializer(serializers.Serializer):
    """A point of contact asks another member's points of contact about one of that member's commitments."""

    commitment = serializers.PrimaryKeyRelatedField(queryset=Commitment.objects.select_related("action_plan"))
    message = serializers.CharField(max_length=5000)
    about = serializers.PrimaryKeyRelatedField(
        queryset=Commitment.objects.select_related("action_plan"), required=False, allow_null=True, default=None
    )


class ExchangeAnswerInputSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(choices=["accept", "decline"])
    answer = serializers.CharField(max_length=5000)
