"""The IRM assessment as the API shows it with each commitment (kept apart from the report serializers,
which depend on the commitments API)."""

from rest_framework import serializers

from irm_reports.models import CommitmentAssessment, Report

ASSESSMENT_FIELDS = [
    *CommitmentAssessment.RATINGS,
    "cluster",
    *CommitmentAssessment.DERIVED,
    *CommitmentAssessment.NARRATIVES,
]


class ReportRefSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:report-detail")

    class Meta:
        model = Report
        fields = ["id", "url", "report_type", "methodology", "language", "version", "published_at"]


class AssessmentSerializer(serializers.ModelSerializer):
    """An IRM assessment: ratings are null when the report's methodology does not use them or has no data."""

    report = ReportRefSerializer(read_only=True)

    class Meta:
        model = CommitmentAssessment
        fields = ["report", *ASSESSMENT_FIELDS]
