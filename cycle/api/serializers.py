"""The cycle through the API (read): calendar steps, compliance findings, challenge areas and SDG targets."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from commitments.api.serializers import MemberRefSerializer
from cycle.models import ChallengeArea, ComplianceFinding, CycleStep, MemberChallenge, SDGTarget


class CycleStepSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:cyclestep-detail")
    member = MemberRefSerializer(read_only=True)
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    rule = serializers.SerializerMethodField(help_text="The calendar rule of the date, in the request's language.")

    class Meta:
        model = CycleStep
        fields = [
            "id",
            "url",
            "member",
            "plan_number",
            "action_plan",
            "kind",
            "kind_label",
            "due_on",
            "done",
            "corrected",
            "computed_on",
            "rule",
            "note",
        ]
        read_only_fields = fields

    def get_rule(self, step) -> str:
        return _(step.rule) if step.rule else ""


class ComplianceFindingSerializer(serializers.ModelSerializer):
    member = MemberRefSerializer(read_only=True)
    html_url = serializers.SerializerMethodField()
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    evidence_text = serializers.CharField(read_only=True, help_text="The evidence in the request's language.")
    decision_label = serializers.CharField(source="get_decision_display", read_only=True)

    class Meta:
        model = ComplianceFinding
        fields = [
            "id",
            "html_url",
            "member",
            "action_plan",
            "kind",
            "kind_label",
            "subject",
            "evidence",
            "evidence_text",
            "found_on",
            "resolved_on",
            "decision",
            "decision_label",
            "decision_reason",
            "decided_on",
            "status_event",
        ]
        read_only_fields = fields

    def get_html_url(self, finding) -> str:
        return self.context["request"].build_absolute_uri(finding.get_absolute_url())


class SDGTargetSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:sdgtarget-detail", lookup_field="code")

    class Meta:
        model = SDGTarget
        fields = ["code", "url", "goal", "name", "name_fr", "name_es"]


class AlignedTargetSerializer(serializers.Serializer):
    """An SDG target with the number of the area's commitments aligned with it."""

    code = serializers.CharField()
    goal = serializers.IntegerField()
    name = serializers.CharField()
    name_fr = serializers.CharField()
    name_es = serializers.CharField()
    commitments = serializers.IntegerField(help_text="Commitments tagged with both the area and the target.")


class MemberChallengeSerializer(serializers.ModelSerializer):
    member = MemberRefSerializer(read_only=True)

    class Meta:
        model = MemberChallenge
        fields = ["member", "declared_on", "ambition"]


class ChallengeAreaSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:challengearea-detail", lookup_field="slug")
    html_url = serializers.SerializerMethodField()
    member_count = serializers.IntegerField(read_only=True, help_text="Members that declared the area.")
    commitment_count = serializers.IntegerField(read_only=True, help_text="Commitments tagged with the area.")
    declarations = MemberChallengeSerializer(many=True, read_only=True)
    sdg_targets = serializers.SerializerMethodField(
        help_text="The SDG targets the area's tagged commitments are aligned with, and how many."
    )

    class Meta:
        model = ChallengeArea
        fields = [
            "url",
            "html_url",
            "slug",
            "name",
            "name_fr",
            "name_es",
            "order",
            "member_count",
            "commitment_count",
            "declarations",
            "sdg_targets",
        ]

    def get_html_url(self, area) -> str:
        return self.context["request"].build_absolute_uri(area.get_absolute_url())

    @extend_schema_field(AlignedTargetSerializer(many=True))
    def get_sdg_targets(self, area):
        return AlignedTargetSerializer(self.context.get("aligned_targets", {}).get(area.pk, []), many=True).data
