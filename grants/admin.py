"""Admin of grant calls (with questions and scoring grid) and of the applications, reviews and milestones."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from grants.models import (
    ApplicationAnswer,
    ApplicationAttachment,
    BudgetLine,
    CallQuestion,
    Criterion,
    GrantApplication,
    GrantCall,
    ReportingMilestone,
    Review,
    ReviewScore,
)


class CallQuestionInline(admin.TabularInline):
    model = CallQuestion
    fields = ["order", "text", "text_fr", "text_es", "required"]
    extra = 1


class CriterionInline(admin.TabularInline):
    model = Criterion
    fields = ["order", "name", "name_fr", "name_es", "weight"]
    extra = 1


@admin.register(GrantCall)
class GrantCallAdmin(SimpleHistoryAdmin):
    list_display = ["title", "kind", "currency", "amount_min", "amount_max", "opens_on", "closes_on", "is_published"]
    list_filter = ["kind", "is_published", "civil_society_only", "closes_on"]
    search_fields = ["title", "summary"]
    date_hierarchy = "closes_on"
    filter_horizontal = ["eligible_members"]
    inlines = [CallQuestionInline, CriterionInline]


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class AnswerInline(ReadOnlyInline):
    model = ApplicationAnswer
    fields = ["question", "text"]


class BudgetLineInline(ReadOnlyInline):
    model = BudgetLine
    fields = ["order", "description", "amount"]


class AttachmentInline(ReadOnlyInline):
    model = ApplicationAttachment
    fields = ["original_name", "content_type", "size", "created_at"]


class MilestoneInline(admin.TabularInline):
    model = ReportingMilestone
    fields = ["title", "due_on", "received_on", "note"]
    extra = 0


@admin.register(GrantApplication)
class GrantApplicationAdmin(SimpleHistoryAdmin):
    """Applications are written by organisations and decided on the review pages; the admin reads them."""

    list_display = ["title", "organisation", "call", "amount_requested", "status", "submitted_at", "amount_awarded"]
    list_filter = ["status", "call__kind", "call"]
    search_fields = ["title", "organisation__name", "call__title"]
    list_select_related = ["organisation", "call"]
    readonly_fields = [
        "call",
        "organisation",
        "applicant",
        "title",
        "summary",
        "amount_requested",
        "status",
        "submitted_at",
        "amount_awarded",
        "decision_reasons",
        "decided_at",
        "decided_by",
    ]
    inlines = [AnswerInline, BudgetLineInline, AttachmentInline, MilestoneInline]

    def has_add_permission(self, request):
        return False


class ScoreInline(ReadOnlyInline):
    model = ReviewScore
    fields = ["criterion", "score"]


@admin.register(Review)
class ReviewAdmin(SimpleHistoryAdmin):
    list_display = ["application", "reviewer", "total", "updated_at"]
    list_filter = ["application__call", "application__status"]
    search_fields = ["application__title", "application__organisation__name", "reviewer__email"]
    list_select_related = ["application__organisation", "application__call", "reviewer"]
    readonly_fields = ["application", "reviewer", "comment", "total"]
    inlines = [ScoreInline]

    def has_add_permission(self, request):
        return False


@admin.register(ReportingMilestone)
class ReportingMilestoneAdmin(SimpleHistoryAdmin):
    list_display = ["title", "application", "due_on", "received_on"]
    list_filter = ["received_on", "due_on", "application__call"]
    search_fields = ["title", "application__title", "application__organisation__name"]
    list_select_related = ["application__organisation"]
    raw_id_fields = ["application"]
