"""Short references to members and action plans, nested by the other apps' API output, and the same references
read from values() rows (common.api.rows.Flat) by the apps that build their JSON from rows."""

from django_countries.serializers import CountryFieldMixin
from rest_framework import serializers

from commitments.models import ActionPlan, Member
from common.api.rows import Flat


class MemberRefSerializer(CountryFieldMixin, serializers.ModelSerializer):
    class Meta:
        model = Member
        fields = ["id", "slug", "name", "kind", "country"]


class ActionPlanRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = ActionPlan
        fields = ["id", "number", "title", "language", "start_date", "end_date", "status"]


def member_ref(prefix: str) -> Flat:
    """A member's reference (MemberRefSerializer) from the values() keys `prefix` + field name."""
    return Flat(MemberRefSerializer, MemberRefSerializer.Meta.fields, prefix)


PLAN_REF = Flat(ActionPlanRefSerializer, ActionPlanRefSerializer.Meta.fields, "action_plan__")
PLAN_MEMBER_REF = member_ref("action_plan__member__")
