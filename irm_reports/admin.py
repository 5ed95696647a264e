from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from common.jobs import jobs_requeue_stale
from irm_reports import services
from irm_reports.models import (
    CommitmentAssessment,
    PublishedVersion,
    Recommendation,
    Report,
    ReportRendering,
    RequirementAssessment,
    ResearcherAssignment,
)


@admin.register(ResearcherAssignment)
class ResearcherAssignmentAdmin(SimpleHistoryAdmin):
    """The support unit assigns IRM researchers to the action plans they assess."""

    list_display = ["researcher", "action_plan", "assigned_by", "created_at"]
    list_filter = ["action_plan__status", "action_plan__member__kind"]
    search_fields = ["researcher__email", "researcher__full_name", "action_plan__title", "action_plan__member__name"]
    autocomplete_fields = ["action_plan", "researcher"]
    list_select_related = ["researcher", "action_plan__member", "assigned_by"]
    readonly_fields = ["assigned_by", "created_at"]

    def get_readonly_fields(self, request, obj=None):
        # An assignment is one researcher on one plan: changing either would have assigned the new pair and left the
        # old one in place (researcher_assign adds). To move it, delete it and assign again.
        fields = super().get_readonly_fields(request, obj)
        return fields if obj is None else [*fields, "action_plan", "researcher"]

    def save_model(self, request, obj, form, change):
        obj.pk = services.researcher_assign(
            plan=obj.action_plan, researcher=obj.researcher, assigned_by=request.user
        ).pk


class RecommendationInline(admin.TabularInline):
    model = Recommendation
    extra = 0
    fields = ["order", "kind", "title", "follow_up_status"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class PublishedVersionInline(admin.TabularInline):
    model = PublishedVersion
    extra = 0
    fields = ["version", "language", "pdf_link", "sha256", "size", "published_at", "published_by"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description=_("PDF"))
    def pdf_link(self, obj):
        return pdf_link(obj.get_absolute_url(), obj.pdf)


def pdf_link(url: str, field) -> str:
    """A link to the view that serves the file (files are never linked at their storage path)."""
    return format_html('<a href="{}">{}</a>', url, field.name.rsplit("/", 1)[-1]) if field else "—"


class ReportRenderingInline(admin.TabularInline):
    """Every rendering of the report, the latest first: the job's progress, attempts and error, and its PDF."""

    model = ReportRendering
    fk_name = "report"
    extra = 0
    fields = [
        "version",
        "language",
        "status",
        "step",
        "attempts",
        "requested_by",
        "requested_at",
        "started_at",
        "heartbeat_at",
        "finished_at",
        "error",
        "pdf_name",
        "pdf_pages",
        "pdf_size",
        "pdf_sha256",
    ]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description=_("PDF"))
    def pdf_name(self, obj):
        """The file's name only: the report's current PDF is linked above, published ones below."""
        return obj.pdf.name.rsplit("/", 1)[-1] if obj.pdf else "—"


@admin.register(Report)
class ReportAdmin(SimpleHistoryAdmin):
    """Reports are written in the researcher's workspace; here the support unit follows and unblocks them."""

    list_display = ["__str__", "language", "status", "version", "progress_step", "requested_by", "updated_at"]
    list_filter = ["status", "report_type", "methodology", "language"]
    search_fields = ["action_plan__title", "action_plan__member__name"]
    list_select_related = ["action_plan__member", "rendering__requested_by"]
    inlines = [ReportRenderingInline, RecommendationInline, PublishedVersionInline]
    actions = ["request_render", "requeue_stale"]

    def get_readonly_fields(self, request, obj=None):
        # Content is written through the workspace, whose services check every rule.
        hidden = ("id", "file_token", "rendering")
        return [f.name for f in Report._meta.fields if f.name not in hidden] + ["pdf_link"]

    def get_inline_instances(self, request, obj=None):
        return super().get_inline_instances(request, obj) if obj is not None else []

    @admin.display(description=_("PDF"))
    def pdf_link(self, obj):
        return pdf_link(reverse("irm_reports:report-pdf", args=[obj.pk]), obj.pdf)

    @admin.display(description=_("progress"))
    def progress_step(self, obj):
        return obj.get_progress_step_display() if obj.progress_step else ""

    @admin.display(description=_("requested by"))
    def requested_by(self, obj):
        return obj.rendering.requested_by if obj.rendering else None

    def has_add_permission(self, request):
        return False  # researchers and staff start reports from the action plan's page

    @admin.action(description=_("Render the PDF of the selected reports"))
    def request_render(self, request, queryset):
        for report in queryset:
            try:
                services.report_request_render(report=report, requested_by=request.user)
            except ValidationError as error:
                self.message_user(request, f"{report}: {' '.join(error.messages)}", messages.ERROR)
            else:
                self.message_user(request, _("%(report)s: rendering queued.") % {"report": report})

    @admin.action(description=_("Queue again the reports stuck in rendering"))
    def requeue_stale(self, request, queryset):
        count = jobs_requeue_stale(ReportRendering)
        self.message_user(request, _("%(count)d report(s) queued again.") % {"count": count})


@admin.register(Recommendation)
class RecommendationAdmin(SimpleHistoryAdmin):
    """Researchers write recommendations in their workspace; here the support unit reads them and their history."""

    list_display = ["title", "kind", "report", "follow_up_status"]
    list_filter = ["kind", "follow_up_status"]
    search_fields = ["title", "report__action_plan__title", "report__action_plan__member__name"]
    list_select_related = ["report__action_plan__member"]
    fields = ["report", "order", "kind", "title", "text", "follow_up_status"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False


@admin.register(CommitmentAssessment)
class CommitmentAssessmentAdmin(SimpleHistoryAdmin):
    list_display = ["commitment", "report", "completion", "starred", "high_completion", "ambitious", "strong_results"]
    list_filter = ["report__report_type", "starred", "high_completion", "ambitious", "strong_results"]
    search_fields = ["commitment__title", "commitment__ogp_id", "report__action_plan__member__name"]
    list_select_related = ["commitment", "report__action_plan__member"]

    def has_change_permission(self, request, obj=None):
        return False  # written through the workspace, where the derived flags are computed

    def has_add_permission(self, request):
        return False


@admin.register(RequirementAssessment)
class RequirementAssessmentAdmin(SimpleHistoryAdmin):
    list_display = ["requirement", "report", "phase", "status"]
    list_filter = ["status", "phase", "requirement__version"]
    search_fields = ["report__action_plan__member__name", "evidence"]
    list_select_related = ["requirement", "report__action_plan__member"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


from irm_reports import admin_imports  # noqa: E402, F401  (registers the import runs' admin)
