"""The support unit's view of the open-data archive builds: progress, attempts, errors, sizes; build now."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from partnership import services
from partnership.models import OpenDataBuild


@admin.register(OpenDataBuild)
class OpenDataBuildAdmin(admin.ModelAdmin):
    list_display = ["pk", "created_at", "status", "step", "attempts", "finished_at", "size", "scheduled"]
    list_filter = ["status", "scheduled"]
    readonly_fields = [
        "status",
        "step",
        "attempts",
        "started_at",
        "finished_at",
        "heartbeat_at",
        "error",
        "archive",
        "size",
        "row_counts",
        "scheduled",
        "created_at",
    ]
    exclude = ["claim_token"]
    actions = ["build_now"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Build the open-data archive now"), permissions=["view"])
    def build_now(self, request, queryset):
        build = services.open_data_build_request()
        self.message_user(request, _("Open-data build %(pk)s is queued or under way.") % {"pk": build.pk})
