"""Grant calls as the API shows them, with their public awards (never drafts, scores or applicants)."""

from rest_framework import serializers

from grants.models import GrantApplication, GrantCall


class AwardSerializer(serializers.ModelSerializer):
    organisation = serializers.CharField(source="organisation.name", read_only=True)
    member = serializers.SerializerMethodField()

    class Meta:
        model = GrantApplication
        fields = ["id", "organisation", "member", "title", "amount_awarded", "decided_at"]

    def get_member(self, obj) -> str | None:
        member = obj.organisation.member
        return member.slug if member else None


class GrantCallSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:grantcall-detail")
    html_url = serializers.SerializerMethodField()
    state = serializers.ChoiceField(choices=["upcoming", "open", "closed"], read_only=True)
    awards = AwardSerializer(many=True, read_only=True)

    class Meta:
        model = GrantCall
        fields = [
            "id",
            "url",
            "html_url",
            "title",
            "kind",
            "summary",
            "currency",
            "budget",
            "amount_min",
            "amount_max",
            "opens_on",
            "closes_on",
            "state",
            "eligibility",
            "civil_society_only",
            "faq",
            "awards",
        ]

    def get_html_url(self, obj) -> str:
        return self.context["request"].build_absolute_uri(obj.get_absolute_url())
