"""Grant applications through the API: what the organisation that applied (and the support unit) reads, and the
shapes of a draft written or changed. Reviews and scores are never shown here."""

from decimal import Decimal

from rest_framework import serializers

from grants.models import ApplicationAnswer, ApplicationAttachment, BudgetLine, GrantApplication, GrantCall

MONEY = {"max_digits": 12, "decimal_places": 2}


class ApplicationAnswerSerializer(serializers.ModelSerializer):
    question_text = serializers.CharField(source="question.display_text", read_only=True)

    class Meta:
        model = ApplicationAnswer
        fields = ["question", "question_text", "text"]


class BudgetLineSerializer(serializers.ModelSerializer):
    class Meta:
        model = BudgetLine
        fields = ["description", "amount"]


class ApplicationAttachmentSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="grants:application-attachment")

    class Meta:
        model = ApplicationAttachment
        fields = ["id", "url", "original_name", "content_type", "size", "created_at"]


class GrantApplicationSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:grantapplication-detail")
    html_url = serializers.SerializerMethodField()
    call = serializers.PrimaryKeyRelatedField(read_only=True)
    organisation = serializers.CharField(source="organisation.name", read_only=True)
    applicant = serializers.SerializerMethodField()
    answers = ApplicationAnswerSerializer(many=True, read_only=True)
    budget_lines = BudgetLineSerializer(many=True, read_only=True)
    attachments = ApplicationAttachmentSerializer(many=True, read_only=True)

    class Meta:
        model = GrantApplication
        fields = [
            "id", "url", "html_url", "call", "organisation", "applicant", "title", "summary", "amount_requested",
            "status", "submitted_at", "answers", "budget_lines", "attachments", "amount_awarded", "decision_reasons",
            "decided_at",
        ]  # fmt: skip

    def get_html_url(self, obj) -> str:
        return self.context["request"].build_absolute_uri(obj.get_absolute_url())

    def get_applicant(self, obj) -> str | None:
        return obj.applicant.public_name if obj.applicant else None


class AnswerInputSerializer(serializers.Serializer):
    class Meta:
        ref_name = "GrantAnswerInput"

    question = serializers.IntegerField(min_value=1)
    text = serializers.CharField(max_length=5000, allow_blank=True)


class BudgetLineInputSerializer(serializers.Serializer):
    description = serializers.CharField(max_length=200)
    amount = serializers.DecimalField(min_value=Decimal("0.01"), **MONEY)


class ApplicationUpdateSerializer(serializers.Serializer):
    """A draft changed while the call is open; the budget lines given replace the stored ones."""

    title = serializers.CharField(max_length=200, required=False)
    summary = serializers.CharField(max_length=5000, required=False)
    amount_requested = serializers.DecimalField(min_value=Decimal("0.01"), required=False, **MONEY)
    answers = AnswerInputSerializer(many=True, required=False)
    budget_lines = BudgetLineInputSerializer(many=True, required=False, max_length=40)
    attachments = serializers.ListField(child=serializers.FileField(), required=False)
    remove_attachments = serializers.ListField(child=serializers.IntegerField(min_value=1), required=False)


class ApplicationInputSerializer(ApplicationUpdateSerializer):
    """A draft application of the applicant's organisation to an open call."""

    call = serializers.PrimaryKeyRelatedField(queryset=GrantCall.objects.published())
    title = serializers.CharField(max_length=200)
    summary = serializers.CharField(max_length=5000)
    amount_requested = serializers.DecimalField(min_value=Decimal("0.01"), **MONEY)
    remove_attachments = None


def service_values(validated: dict) -> dict:
    """The validated input as the services take it: answers by question id, budget lines as pairs."""
    values = dict(validated)
    if "answers" in values:
        values["answers"] = {item["question"]: item["text"] for item in values["answers"]}
    if "budget_lines" in values:
        values["budget_lines"] = [(item["description"], item["amount"]) for item in values["budget_lines"]]
    return values
