"""Output shapes of the commitments API (read); inputs are plain serializers handed to services."""

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django_countries.serializers import CountryFieldMixin
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from accounts.models import Organisation
from commitments.api.serializers import ActionPlanRefSerializer, MemberRefSerializer
from commitments.models import (
    ActionPlan,
    Commitment,
    CommitmentTranslation,
    Completion,
    Member,
    Milestone,
    MilestoneTranslation,
    PolicyArea,
    ProgressUpdate,
)
from common.translations import translations_by_master
from drafting.api.serializers import AmendmentRefSerializer
from drafting.selectors import accepted_amendments
from irm_reports.api.assessments import AssessmentSerializer
from monitoring.models import Finding
from monitoring.status import disputed as commitment_disputed
from peers.selectors import similar_ids


class OrganisationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organisation
        fields = ["id", "name", "kind"]


class PolicyAreaSerializer(serializers.ModelSerializer):
    parent = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)

    class Meta:
        model = PolicyArea
        fields = ["slug", "name", "name_fr", "name_es", "kind", "parent"]


class MemberSerializer(CountryFieldMixin, serializers.HyperlinkedModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:member-detail")
    html_url = serializers.SerializerMethodField()
    country_name = serializers.CharField(source="country.name", read_only=True)
    parent = MemberRefSerializer(read_only=True, allow_null=True)
    plan_count = serializers.IntegerField(read_only=True)
    commitment_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Member
        fields = [
            "id",
            "url",
            "html_url",
            "slug",
            "name",
            "name_fr",
            "name_es",
            "kind",
            "country",
            "country_name",
            "region",
            "parent",
            "joined_year",
            "code",
            "status",
            "website_url",
            "plan_count",
            "commitment_count",
        ]

    def get_html_url(self, obj) -> str:
        return self.context["request"].build_absolute_uri(obj.get_absolute_url())


class ActionPlanSerializer(serializers.HyperlinkedModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:actionplan-detail")
    html_url = serializers.SerializerMethodField()
    member = MemberRefSerializer(read_only=True)
    commitment_count = serializers.IntegerField(read_only=True)
    milestone_count = serializers.IntegerField(read_only=True)
    milestones_completed = serializers.IntegerField(read_only=True)

    class Meta:
        model = ActionPlan
        fields = [
            "id",
            "url",
            "html_url",
            "member",
            "number",
            "title",
            "language",
            "description",
            "start_date",
            "end_date",
            "status",
            "submitted_on",
            "document_url",
            "ogp_id",
            "submission_year",
            "end_year",
            "duration_years",
            "commitment_count",
            "milestone_count",
            "milestones_completed",
        ]

    def get_html_url(self, obj) -> str:
        return self.context["request"].build_absolute_uri(obj.get_absolute_url())


def translations_field(texts: str):
    return serializers.SerializerMethodField(
        help_text=format_lazy(
            _(
                "The {texts} in the other languages, by language code, and whether the machine translated them."
                " The original is the object's own text, in its action plan's `language`."
            ),
            texts=texts,
        )
    )


class MilestoneSerializer(serializers.ModelSerializer):
    translations = translations_field(_("description and expected output"))

    class Meta:
        model = Milestone
        fields = [
            "id",
            "order",
            "description",
            "expected_output",
            "due_date",
            "status",
            "completed_on",
            "translations",
        ]

    @extend_schema_field(serializers.DictField(child=serializers.DictField()))
    def get_translations(self, obj) -> dict:
        return translations_by_master(MilestoneTranslation, [obj.pk]).get(obj.pk, {})


class MilestoneItemSerializer(MilestoneSerializer):
    """A milestone on its own (`/api/v1/milestones/`): its address and its commitment besides its fields."""

    url = serializers.HyperlinkedIdentityField(view_name="api:milestone-detail")

    class Meta(MilestoneSerializer.Meta):
        fields = ["id", "url", "commitment", *MilestoneSerializer.Meta.fields[1:]]


class OgpValuesSerializer(serializers.Serializer):
    access_to_information = serializers.BooleanField()
    civic_participation = serializers.BooleanField()
    public_accountability = serializers.BooleanField()
    technology_innovation = serializers.BooleanField()


class CommitmentSerializer(serializers.HyperlinkedModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:commitment-detail")
    html_url = serializers.SerializerMethodField()
    action_plan = ActionPlanRefSerializer(read_only=True)
    member = MemberRefSerializer(source="action_plan.member", read_only=True)
    lead_institution = OrganisationSerializer(read_only=True, allow_null=True)
    supporting_organisations = OrganisationSerializer(many=True, read_only=True)
    policy_areas = PolicyAreaSerializer(many=True, read_only=True)
    ogp_values = OgpValuesSerializer(source="*", read_only=True)
    milestones = MilestoneSerializer(many=True, read_only=True)
    completion = serializers.ChoiceField(
        choices=Completion.choices,
        allow_blank=True,
        read_only=True,
        help_text=_("Self-reported, from the latest progress update; empty before the first one."),
    )
    latest_assessment = serializers.SerializerMethodField(
        help_text=_("The IRM's assessment in the most recently published report, if any.")
    )
    civil_society_status = serializers.SerializerMethodField(
        help_text=_("Civil society's latest finding on the commitment (monitoring reports); null before the first.")
    )
    disputed = serializers.SerializerMethodField(
        help_text=_("Whether civil society's findings disagree with the government's status (or a milestone's).")
    )
    similar = serializers.SerializerMethodField(
        help_text=_("Ids of similar commitments of other members (same policy area, close title), best first.")
    )
    provenance = serializers.SerializerMethodField(
        help_text=_("The amendments to the draft plan, accepted by the point of contact, that shaped the commitment.")
    )
    translations = translations_field(_("title, short title, problem, status quo, objective and expected results"))

    class Meta:
        model = Commitment
        fields = [
            "id",
            "url",
            "html_url",
            "ogp_id",
            "number",
            "title",
            "short_title",
            "theme",
            "full_text",
            "problem",
            "status_quo",
            "objective",
            "expected_results",
            "member",
            "action_plan",
            "lead_institution",
            "lead_institution_text",
            "supporting_organisations",
            "supporting_institutions_text",
            "policy_areas",
            "ogp_values",
            "start_date",
            "end_date",
            "start_date_text",
            "end_date_text",
            "ogp_url",
            "completion",
            "budget",
            "budget_currency",
            "funding_source",
            "funding_gap",
            "civil_society_status",
            "disputed",
            "milestones",
            "latest_assessment",
            "similar",
            "provenance",
            "translations",
        ]

    def get_html_url(self, obj) -> str:
        return self.context["request"].build_absolute_uri(obj.get_absolute_url())

    @extend_schema_field(serializers.ChoiceField(choices=Finding.choices, allow_null=True))
    def get_civil_society_status(self, obj):
        monitoring = getattr(obj, "monitoring", None)
        return (monitoring.civil_society_status or None) if monitoring else None

    def get_disputed(self, obj) -> bool:
        monitoring = getattr(obj, "monitoring", None)
        if monitoring is None:
            return False
        milestones = [(m.pk, m.status) for m in obj.milestones.all()]
        return commitment_disputed(
            monitoring.civil_society_status, obj.completion, monitoring.milestone_findings, milestones
        )

    @extend_schema_field(AssessmentSerializer(allow_null=True))
    def get_latest_assessment(self, obj):
        latest = getattr(obj, "latest_assessments", None)
        if latest is None:  # not prefetched: one query for this commitment
            latest = list(obj.irm_assessments.filter(is_latest=True).select_related("report"))
        return AssessmentSerializer(latest[0], context=self.context).data if latest else None

    @extend_schema_field(serializers.ListField(child=serializers.IntegerField()))
    def get_similar(self, obj) -> list[int]:
        return similar_ids(commitment_ids=[obj.pk])[obj.pk]

    @extend_schema_field(AmendmentRefSerializer(many=True))
    def get_provenance(self, obj) -> list[dict]:
        amendments = accepted_amendments(commitment_ids=[obj.pk]).select_related("author")
        return AmendmentRefSerializer(amendments, many=True, context=self.context).data

    @extend_schema_field(serializers.DictField(child=serializers.DictField()))
    def get_translations(self, obj) -> dict:
        return translations_by_master(CommitmentTranslation, [obj.pk]).get(obj.pk, {})


class ProgressUpdateSerializer(serializers.ModelSerializer):
    author = serializers.CharField(source="author.get_full_name", read_only=True, allow_null=True, default=None)

    class Meta:
        model = ProgressUpdate
        fields = ["id", "reported_on", "completion", "text", "evidence_url", "author", "created_at"]


class ProgressUpdateInputSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=20000, help_text=_("What was done since the last update."))
    completion = serializers.ChoiceField(choices=Completion.choices)
    evidence_url = serializers.URLField(required=False, allow_blank=True, default="", max_length=200)
    reported_on = serializers.DateField(required=False, help_text=_("Defaults to today; never in the future."))
