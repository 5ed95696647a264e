"""Admin of monitoring: reports (moderation through the service, with a reason), answers, flags, statuses."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from monitoring.models import CommitmentMonitoring, MonitoringReport, ReportAnswer, ReportEvidence, ReportFlag
from monitoring.services.moderation import report_review
from monitoring.services.status import monitoring_refresh


class EvidenceInline(admin.TabularInline):
    model = ReportEvidence
    extra = 0
    fields = ["original_name", "content_type", "size", "created_at"]
    readonly_fields = fields
    can_delete = False


class FlagInline(admin.TabularInline):
    model = ReportFlag
    extra = 0
    fields = ["user", "reason", "note", "created_at", "resolved_at"]
    readonly_fields = fields
    can_delete = False


def _review(modeladmin, request, queryset, hide: bool, reason: str):
    done = 0
    for report in queryset:
        try:
            report_review(report=report, user=request.user, hide=hide, reason=reason)
            done += 1
        except ValidationError as error:
            messages.error(request, "; ".join(error.messages))
    messages.success(request, _("%(count)d reports reviewed.") % {"count": done})


@admin.action(description=_("Hide the selected reports (flags reviewed)"))
def hide_reports(modeladmin, request, queryset):
    _review(modeladmin, request, queryset, True, "Hidden after review by support staff")


@admin.action(description=_("Keep the selected reports visible (flags reviewed)"))
def keep_reports(modeladmin, request, queryset):
    _review(modeladmin, request, queryset, False, "Kept visible after review by support staff")


@admin.register(MonitoringReport)
class MonitoringReportAdmin(SimpleHistoryAdmin):
    list_display = ["id", "commitment", "finding", "status", "is_hidden", "author", "observed_on", "submitted_at"]
    list_filter = ["status", "finding", "is_hidden", "commitment__action_plan__member"]
    search_fields = ["text", "address", "commitment__title", "author__email", "author__full_name"]
    raw_id_fields = ["commitment", "milestone", "author", "organisation"]
    readonly_fields = ["status", "submitted_at", "response_due_on", "withdrawn_at", "is_hidden"]
    inlines = [EvidenceInline, FlagInline]
    actions = [hide_reports, keep_reports]

    # The commitments' stored statuses and counts follow a report moved to another commitment or deleted here,
    # as they follow every write of the services (the commitment page reads its reports only when counted).
    def save_model(self, request, obj, form, change):
        before = MonitoringReport.objects.filter(pk=obj.pk).values_list("commitment_id", flat=True).first()
        super().save_model(request, obj, form, change)
        for commitment_id in sorted({before, obj.commitment_id} - {None}):  # in one order: no deadlock
            monitoring_refresh(commitment_id=commitment_id)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        monitoring_refresh(commitment_id=obj.commitment_id)

    def delete_queryset(self, request, queryset):
        commitment_ids = set(queryset.values_list("commitment_id", flat=True))
        super().delete_queryset(request, queryset)
        for commitment_id in sorted(commitment_ids):
            monitoring_refresh(commitment_id=commitment_id)


@admin.register(ReportAnswer)
class ReportAnswerAdmin(SimpleHistoryAdmin):
    list_display = ["report", "kind", "written_by", "created_at"]
    list_filter = ["kind"]
    search_fields = ["text", "report__commitment__title"]
    raw_id_fields = ["report", "written_by"]


@admin.register(ReportFlag)
class ReportFlagAdmin(admin.ModelAdmin):
    list_display = ["report", "reason", "user", "created_at", "resolved_at"]
    list_filter = ["reason", ("resolved_at", admin.EmptyFieldListFilter)]
    search_fields = ["note", "user__email"]
    raw_id_fields = ["report", "user"]


@admin.register(CommitmentMonitoring)
class CommitmentMonitoringAdmin(admin.ModelAdmin):
    list_display = ["commitment", "civil_society_status", "report_count", "unanswered_count", "updated_at"]
    list_filter = ["civil_society_status", "commitment__action_plan__member"]
    search_fields = ["commitment__title", "commitment__ogp_id"]
    readonly_fields = [f.name for f in CommitmentMonitoring._meta.fields] + ["milestone_findings"]

    def has_add_permission(self, request):
        return False
