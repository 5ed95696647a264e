from django.contrib import admin

from notifications.models import Digest, Notification, Preference


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["title", "recipient", "kind", "email", "created_at", "read_at"]
    list_filter = ["kind", "email", ("read_at", admin.EmptyFieldListFilter), "created_at"]
    search_fields = ["title", "recipient__email", "recipient__full_name"]
    list_select_related = ["recipient"]
    raw_id_fields = ["recipient", "digest"]
    date_hierarchy = "created_at"
    readonly_fields = ["created_at"]


@admin.register(Preference)
class PreferenceAdmin(admin.ModelAdmin):
    list_display = ["user", "kind", "email"]
    list_filter = ["kind", "email"]
    search_fields = ["user__email", "user__full_name"]
    list_select_related = ["user"]
    raw_id_fields = ["user"]


@admin.register(Digest)
class DigestAdmin(admin.ModelAdmin):
    list_display = ["user", "period", "period_start", "notification_count", "created_at", "outgoing_email"]
    list_filter = ["period", "period_start"]
    search_fields = ["user__email", "user__full_name"]
    list_select_related = ["user", "outgoing_email"]
    raw_id_fields = ["user", "outgoing_email"]
    readonly_fields = ["created_at"]
