"""Short references to members and action plans, nested by the other apps' API output."""

from django_countries.serializers import CountryFieldMixin
from rest_framework import serializers

from commitments.models import ActionPlan, Member


class MemberRefSerializer(CountryFieldMixin, serializers.ModelSerializer):
    class Meta:
        model = Member
        fields = ["id", "slug", "name", "kind", "country"]


class ActionPlanRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = ActionPlan
        fields = ["id", "number", "title", "language", "start_date", "end_date", "status"]
