"""The monitoring reports of the API: what is read, and the shapes of the writes."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from commitments.models import Commitment, Milestone
from monitoring.models import Finding, MonitoringReport, ReportAnswer, ReportEvidence


class EvidenceSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="monitoring:evidence")

    class Meta:
        model = ReportEvidence
        fields = ["id", "url", "original_name", "content_type", "size"]


class AnswerSerializer(serializers.ModelSerializer):
    class Meta:
        model = ReportAnswer
        fields = ["kind", "text", "language", "created_at"]


class MonitoringReportSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:monitoringreport-detail")
    html_url = serializers.SerializerMethodField()
    commitment = serializers.PrimaryKeyRelatedField(read_only=True)
    milestone = serializers.PrimaryKeyRelatedField(read_only=True)
    author = serializers.SerializerMethodField()
    organisation = serializers.SerializerMethodField()
    links = serializers.ListField(source="link_list", child=serializers.URLField(), read_only=True)
    evidence = EvidenceSerializer(many=True, read_only=True)
    answer = AnswerSerializer(read_only=True, allow_null=True)

    class Meta:
        model = MonitoringReport
        fields = [
            "id", "url", "html_url", "commitment", "milestone", "status", "finding", "text", "language", "links",
            "observed_on",
            "latitude", "longitude", "address", "author", "organisation", "submitted_at", "response_due_on",
            "withdrawn_at", "withdrawal_reason", "evidence", "answer",
        ]  # fmt: skip

    def get_html_url(self, obj) -> str:
        return self.context["request"].build_absolute_uri(obj.get_absolute_url())

    def get_author(self, obj) -> str | None:
        return obj.author.public_name if obj.author else None

    def get_organisation(self, obj) -> str | None:
        return obj.organisation.name if obj.organisation else None


class ReportInputSerializer(serializers.Serializer):
    commitment = serializers.PrimaryKeyRelatedField(queryset=Commitment.objects.select_related("action_plan"))
    milestone = serializers.PrimaryKeyRelatedField(queryset=Milestone.objects.all(), required=False, allow_null=True)
    finding = serializers.ChoiceField(choices=Finding.choices)
    text = serializers.CharField(max_length=6000)
    language = serializers.ChoiceField(
        choices=settings.LANGUAGES,
        required=False,
        help_text=_("The language the report is written in; by default the language of the request."),
    )
    links = serializers.CharField(required=False, allow_blank=True, help_text=_("One web address a line."))
    observed_on = serializers.DateField(required=False)
    latitude = serializers.DecimalField(max_digits=8, decimal_places=5, required=False, allow_null=True)
    longitude = serializers.DecimalField(max_digits=8, decimal_places=5, required=False, allow_null=True)
    address = serializers.CharField(max_length=300, required=False, allow_blank=True)
    on_behalf = serializers.BooleanField(required=False, default=False, help_text=_("For your organisation."))
    evidence = serializers.ListField(child=serializers.FileField(), required=False)
    submit = serializers.BooleanField(required=False, default=True)


class ReportUpdateSerializer(ReportInputSerializer):
    commitment = None
    submit = serializers.BooleanField(required=False, default=False)


class WithdrawSerializer(serializers.Serializer):
    class Meta:
        ref_name = "MonitoringReportWithdraw"

    reason = serializers.CharField(max_length=1000)


class AnswerInputSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=ReportAnswer.Kind.choices)
    text = serializers.CharField(max_length=6000)
    language = serializers.ChoiceField(
        choices=settings.LANGUAGES,
        required=False,
        help_text=_("The language the answer is written in; by default the language of the request."),
    )
