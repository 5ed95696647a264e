"""The partners API (read): each partner with its engagements, their members, commitments and funding."""

from rest_framework import serializers

from commitments.api.serializers import MemberRefSerializer
from commitments.models import Commitment
from support.models import Engagement, Partner


class CommitmentRefSerializer(serializers.ModelSerializer):
    class Meta:
        ref_name = "EngagementCommitmentRef"
        model = Commitment
        fields = ["id", "number", "title", "ogp_id"]


class EngagementSerializer(serializers.ModelSerializer):
    member = MemberRefSerializer(read_only=True)
    commitments = CommitmentRefSerializer(many=True, read_only=True)

    class Meta:
        model = Engagement
        fields = [
            "id",
            "member",
            "commitments",
            "assistance",
            "description",
            "start_date",
            "end_date",
            "amount",
            "currency",
        ]


class PartnerSerializer(serializers.HyperlinkedModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:partner-detail")
    html_url = serializers.SerializerMethodField()
    engagements = EngagementSerializer(many=True, read_only=True)

    class Meta:
        model = Partner
        fields = [
            "id",
            "url",
            "html_url",
            "slug",
            "name",
            "name_fr",
            "name_es",
            "acronym",
            "kind",
            "website",
            "description",
            "description_fr",
            "description_es",
            "engagements",
        ]

    def get_html_url(self, obj) -> str:
        return self.context["request"].build_absolute_uri(obj.get_absolute_url())
