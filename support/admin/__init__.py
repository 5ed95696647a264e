from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from support.models import (
    Engagement,
    Partner,
    Representative,
    ServiceOffer,
    SupportAttachment,
    SupportNote,
    SupportRequest,
)


@admin.register(ServiceOffer)
class ServiceOfferAdmin(SimpleHistoryAdmin):
    list_display = ("name", "level", "cycle_step", "audience", "order", "is_active")
    list_filter = ("level", "cycle_step", "audience", "is_active")
    search_fields = ("name", "name_fr", "name_es", "slug")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Representative)
class RepresentativeAdmin(SimpleHistoryAdmin):
    list_display = ("member", "user")
    list_filter = ("member__region", "member__kind")
    search_fields = ("member__name", "user__email", "user__full_name")
    autocomplete_fields = ("member",)
    list_select_related = ("member", "user")


class SupportNoteInline(admin.TabularInline):
    model = SupportNote
    extra = 0
    fields = ("author", "body", "created_at")
    readonly_fields = ("author", "created_at")


class SupportAttachmentInline(admin.TabularInline):
    model = SupportAttachment
    extra = 0
    fields = ("original_name", "content_type", "size", "uploaded_by", "created_at")
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False  # files come in through the request's page, where their content is checked


@admin.register(SupportRequest)
class SupportRequestAdmin(SimpleHistoryAdmin):
    list_display = ("__str__", "member", "service", "status", "representative", "created_at", "due_date", "is_public")
    list_filter = ("status", "service__level", "service__cycle_step", "service", "is_public", "representative")
    search_fields = ("description", "member__name", "requester__email", "service__name")
    date_hierarchy = "created_at"
    list_select_related = ("member", "service", "representative")
    readonly_fields = ("requester", "organisation", "created_at", "decided_at", "delivered_at")
    autocomplete_fields = ("member",)
    inlines = [SupportNoteInline, SupportAttachmentInline]


class EngagementInline(admin.StackedInline):
    model = Engagement
    extra = 0
    autocomplete_fields = ("member", "commitments")


@admin.register(Partner)
class PartnerAdmin(SimpleHistoryAdmin):
    list_display = ("name", "acronym", "kind")
    list_filter = ("kind",)
    search_fields = ("name", "name_fr", "name_es", "acronym")
    prepopulated_fields = {"slug": ("name",)}
    inlines = [EngagementInline]


@admin.register(Engagement)
class EngagementAdmin(SimpleHistoryAdmin):
    list_display = ("partner", "member", "assistance", "start_date", "end_date", "amount", "currency")
    list_filter = ("assistance", "partner", "member__region")
    search_fields = ("partner__name", "member__name", "description")
    autocomplete_fields = ("member", "commitments")
    list_select_related = ("partner", "member")
