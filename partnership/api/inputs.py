"""What a point of contact sends to write plans, commitments and milestones: the workspace forms' fields, checked
here for shape only; the services decide (their ValidationError is a 400 with the same message as the page's)."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from accounts.models import Organisation
from commitments.models import ActionPlan, Commitment, Member, Milestone, PolicyArea

NAMES_HELP = _("The names of the organisations, one per item; a name new to the member is created.")


class ActionPlanCreateSerializer(serializers.ModelSerializer):
    member = serializers.PrimaryKeyRelatedField(queryset=Member.objects.all(), help_text=_("The member's id."))

    class Meta:
        model = ActionPlan
        fields = ["member", "number", "title", "language", "description", "start_date", "end_date", "document_url"]
        validators = []  # the service checks the whole row (model constraints) and answers in the page's words


class ActionPlanUpdateSerializer(serializers.ModelSerializer):
    class Meta:
        model = ActionPlan
        fields = ["number", "title", "language", "description", "start_date", "end_date", "document_url"]
        validators = []


class ActionPlanTransitionSerializer(serializers.Serializer):
    to_status = serializers.ChoiceField(
        choices=ActionPlan.Status.choices, help_text=_("The status to move to; the plan's status decides which may.")
    )


COMMITMENT_FIELDS = [
    "number",
    "title",
    "problem",
    "status_quo",
    "objective",
    "expected_results",
    "access_to_information",
    "civic_participation",
    "public_accountability",
    "technology_innovation",
    "start_date",
    "end_date",
]
FUNDING_FIELDS = ["budget", "budget_currency", "funding_source", "funding_gap"]


class CommitmentUpdateSerializer(serializers.ModelSerializer):
    """A commitment as the workspace form writes it while its plan is in co-creation."""

    policy_areas = serializers.SlugRelatedField(
        slug_field="slug", many=True, required=False, queryset=PolicyArea.objects.all()
    )
    lead_institution_name = serializers.CharField(max_length=300, required=False, allow_blank=True)
    supporting_institutions = serializers.ListField(
        child=serializers.CharField(max_length=300), required=False, max_length=50, help_text=NAMES_HELP
    )
    supporting_csos = serializers.ListField(
        child=serializers.CharField(max_length=300), required=False, max_length=50, help_text=NAMES_HELP
    )

    class Meta:
        model = Commitment
        fields = [
            *COMMITMENT_FIELDS,
            "policy_areas",
            "lead_institution_name",
            "supporting_institutions",
            "supporting_csos",
            *FUNDING_FIELDS,
        ]
        validators = []


class CommitmentCreateSerializer(CommitmentUpdateSerializer):
    action_plan = serializers.PrimaryKeyRelatedField(
        queryset=ActionPlan.objects.select_related("member"), help_text=_("The action plan's id.")
    )

    class Meta(CommitmentUpdateSerializer.Meta):
        # Funding is recorded once the commitment exists, as on the page.
        fields = ["action_plan", *COMMITMENT_FIELDS, "policy_areas", "lead_institution_name"]
        fields += ["supporting_institutions", "supporting_csos"]


def commitment_service_data(values: dict, commitment: Commitment | None = None) -> dict:
    """Validated input in the shape commitment_create / commitment_update take (as CommitmentForm.service_data).

    The service takes the supporting organisations as one whole: a list not sent keeps the commitment's."""
    data = dict(values)
    government, civil_society = Organisation.Kind.GOVERNMENT, Organisation.Kind.CIVIL_SOCIETY
    sent = {government: data.pop("supporting_institutions", None), civil_society: data.pop("supporting_csos", None)}
    if any(names is not None for names in sent.values()):
        current = {government: [], civil_society: []}
        for organisation in commitment.supporting_organisations.all() if commitment is not None else ():
            current[government if organisation.kind == government else civil_society].append(organisation.name)
        data["supporting_names"] = {kind: current[kind] if names is None else names for kind, names in sent.items()}
    if "lead_institution_name" in data:
        data["lead_institution_name"] = data["lead_institution_name"].strip()
    return data


class MilestoneCreateSerializer(serializers.ModelSerializer):
    commitment = serializers.PrimaryKeyRelatedField(
        queryset=Commitment.objects.select_related("action_plan__member"), help_text=_("The commitment's id.")
    )

    class Meta:
        model = Milestone
        fields = ["commitment", "order", "description", "expected_output", "due_date"]


class MilestoneUpdateSerializer(serializers.ModelSerializer):
    """In co-creation every field; during implementation only `status` and `completed_on` (the page's rule)."""

    class Meta:
        model = Milestone
        fields = ["order", "description", "expected_output", "due_date", "status", "completed_on"]
