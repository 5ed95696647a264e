"""Output shapes of the IRM reports API."""

from django.urls import reverse
from rest_framework import serializers

from commitments.api.serializers import ActionPlanRefSerializer, MemberRefSerializer
from irm_reports.models import RenderStep, Report


class ReportSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:report-detail")
    html_url = serializers.SerializerMethodField()
    action_plan = ActionPlanRefSerializer(read_only=True)
    member = MemberRefSerializer(source="action_plan.member", read_only=True)
    pdf_url = serializers.SerializerMethodField(help_text="The PDF of the current version, when there is one.")
    # Of the report's latest rendering (irm_reports.ReportRendering).
    progress_step = serializers.ChoiceField(choices=RenderStep.choices, read_only=True)
    error = serializers.CharField(read_only=True)
    pdf_pages = serializers.IntegerField(read_only=True, allow_null=True)
    pdf_sha256 = serializers.CharField(read_only=True)
    requested_at = serializers.DateTimeField(read_only=True, allow_null=True)
    render_started_at = serializers.DateTimeField(read_only=True, allow_null=True)
    render_finished_at = serializers.DateTimeField(read_only=True, allow_null=True)

    class Meta:
        model = Report
        fields = [
            "id",
            "url",
            "html_url",
            "member",
            "action_plan",
            "report_type",
            "methodology",
            "language",
            "status",
            "version",
            "progress_step",
            "error",
            "pdf_url",
            "pdf_pages",
            "pdf_sha256",
            "requested_at",
            "render_started_at",
            "render_finished_at",
            "published_at",
        ]

    def get_html_url(self, obj) -> str:
        """The plan's public page, which lists its published reports."""
        return self.context["request"].build_absolute_uri(obj.action_plan.get_absolute_url())

    def get_pdf_url(self, obj) -> str | None:
        if not obj.has_current_pdf:
            return None
        return self.context["request"].build_absolute_uri(reverse("api:report-pdf", args=[obj.pk]))


class RenderAcceptedSerializer(serializers.Serializer):
    status = serializers.CharField()
    status_url = serializers.URLField(help_text="Poll this report until its status is ready or failed.")
