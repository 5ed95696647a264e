"""Assistance requests through the API: the shapes read and written (the rules are the pages', rules.py)."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from commitments.api.serializers import MemberRefSerializer
from commitments.models import Member
from support.models import ServiceOffer, SupportAttachment, SupportNote, SupportRequest


class ServiceRefSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="display_name", read_only=True)

    class Meta:
        ref_name = "SupportServiceRef"
        model = ServiceOffer
        fields = ["id", "slug", "name", "level", "cycle_step"]


class SupportNoteSerializer(serializers.ModelSerializer):
    author = serializers.SerializerMethodField()

    class Meta:
        model = SupportNote
        fields = ["id", "author", "body", "created_at"]

    def get_author(self, obj) -> str | None:
        return obj.author.public_name if obj.author else None


class SupportAttachmentSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="support:attachment")

    class Meta:
        model = SupportAttachment
        fields = ["id", "url", "original_name", "content_type", "size", "created_at"]


class SupportRequestSerializer(serializers.ModelSerializer):
    """A request as its requester, the member's point of contact and the support unit read it."""

    url = serializers.HyperlinkedIdentityField(view_name="api:assistancerequest-detail")
    html_url = serializers.SerializerMethodField()
    member = MemberRefSerializer(read_only=True)
    service = ServiceRefSerializer(read_only=True)
    requester = serializers.SerializerMethodField()
    organisation = serializers.SerializerMethodField()
    representative = serializers.SerializerMethodField()
    next_statuses = serializers.ListField(
        child=serializers.ChoiceField(choices=SupportRequest.Status.choices), read_only=True
    )
    notes = SupportNoteSerializer(many=True, read_only=True)
    attachments = SupportAttachmentSerializer(many=True, read_only=True)

    class Meta:
        model = SupportRequest
        fields = [
            "id", "url", "html_url", "member", "service", "status", "next_statuses", "description", "wanted_by",
            "due_date", "decline_reason", "outcome", "is_public", "requester", "organisation", "representative",
            "created_at", "decided_at", "delivered_at", "notes", "attachments",
        ]  # fmt: skip

    def get_html_url(self, obj) -> str:
        return self.context["request"].build_absolute_uri(obj.get_absolute_url())

    def get_requester(self, obj) -> str | None:
        return obj.requester.public_name if obj.requester else None

    def get_organisation(self, obj) -> str | None:
        return obj.organisation.name if obj.organisation else None

    def get_representative(self, obj) -> str | None:
        return obj.representative.public_name if obj.representative else None


class SupportRequestInputSerializer(serializers.Serializer):
    """A request for one service of the menu, for one member (its point of contact, civil society or staff)."""

    member = serializers.SlugRelatedField(slug_field="slug", queryset=Member.objects.all())
    service = serializers.SlugRelatedField(slug_field="slug", queryset=ServiceOffer.objects.all())
    description = serializers.CharField(max_length=5000)
    wanted_by = serializers.DateField(required=False, allow_null=True, default=None)
    is_public = serializers.BooleanField(
        required=False, default=False, help_text=_("Once delivered, list this support on the member's public page")
    )
    attachments = serializers.ListField(child=serializers.FileField(), required=False, default=list)


class SupportTransitionSerializer(serializers.Serializer):
    to_status = serializers.ChoiceField(
        choices=[(s, label) for s, label in SupportRequest.Status.choices if s != SupportRequest.Status.RECEIVED]
    )
    due_date = serializers.DateField(required=False, allow_null=True, default=None)
    reason = serializers.CharField(max_length=5000, required=False, allow_blank=True, default="")
    outcome = serializers.CharField(max_length=5000, required=False, allow_blank=True, default="")


class SupportNoteInputSerializer(serializers.Serializer):
    body = serializers.CharField(max_length=5000)
    attachments = serializers.ListField(child=serializers.FileField(), required=False, default=list)
