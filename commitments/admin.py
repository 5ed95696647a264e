from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from commitments.models import (
    ActionPlan,
    Commitment,
    CommitmentFollow,
    CommitmentTranslation,
    Institution,
    InstitutionContact,
    Member,
    MemberStatusEvent,
    Milestone,
    MilestoneTranslation,
    PolicyArea,
    ProgressUpdate,
    StandardRequirement,
)
from commitments.services import (
    action_plan_transition,
    commitment_completion_refresh,
    member_status_change,
    member_status_refresh,
)
from common.admin import TranslatedAdminMixin, TranslationInlineFormSet


class MemberStatusEventInline(admin.TabularInline):
    model = MemberStatusEvent
    extra = 0
    fields = ["status", "effective_on", "reason", "notes", "recorded_by"]
    readonly_fields = ["status", "effective_on", "reason", "notes", "recorded_by"]
    can_delete = False
    verbose_name_plural = _("Status history (add a change with the form below the member)")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Member)
class MemberAdmin(SimpleHistoryAdmin):
    list_display = ["name", "name_fr", "kind", "country", "region", "status", "joined_year", "code"]
    list_filter = ["kind", "region", "status"]
    search_fields = ["name", "name_fr", "name_es", "code", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]
    readonly_fields = ["status"]
    inlines = [MemberStatusEventInline]
    list_select_related = ["parent"]


@admin.register(MemberStatusEvent)
class MemberStatusEventAdmin(admin.ModelAdmin):
    """Status changes are recorded here; the member's current status follows the latest one."""

    list_display = ["member", "status", "effective_on", "reason", "recorded_by"]
    list_filter = ["status", "reason"]
    search_fields = ["member__name", "notes"]
    autocomplete_fields = ["member"]
    fields = ["member", "status", "effective_on", "reason", "notes"]
    list_select_related = ["member", "recorded_by"]

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            member_status_refresh(member=obj.member)
            return
        event = member_status_change(
            member=obj.member,
            status=obj.status,
            effective_on=obj.effective_on,
            reason=obj.reason,
            notes=obj.notes,
            recorded_by=request.user,
        )
        obj.pk = event.pk


class CommitmentInline(admin.TabularInline):
    model = Commitment
    fields = ["number", "title", "ogp_id", "completion"]
    readonly_fields = ["completion"]
    extra = 0
    show_change_link = True


@admin.register(ActionPlan)
class ActionPlanAdmin(SimpleHistoryAdmin):
    list_display = ["title", "member", "number", "start_date", "end_date", "status"]
    list_filter = ["status", "language", "member__kind", "member__region"]
    search_fields = ["title", "member__name", "member__name_fr", "ogp_id"]
    autocomplete_fields = ["member"]
    readonly_fields = ["status", "submitted_on"]
    date_hierarchy = "start_date"
    inlines = [CommitmentInline]
    list_select_related = ["member"]
    actions = ["to_co_creation", "to_submitted", "to_implementation", "to_completed", "to_withdrawn"]

    def _transition(self, request, queryset, to_status):
        done = 0
        for plan in queryset:
            try:
                action_plan_transition(plan=plan, to_status=to_status)
                done += 1
            except ValidationError as error:
                self.message_user(request, f"{plan}: {' '.join(error.messages)}", messages.ERROR)
        if done:
            self.message_user(request, _("%(count)d action plans updated.") % {"count": done}, messages.SUCCESS)

    @admin.action(description=_("Move back to co-creation"))
    def to_co_creation(self, request, queryset):
        self._transition(request, queryset, ActionPlan.Status.CO_CREATION)

    @admin.action(description=_("Mark as submitted"))
    def to_submitted(self, request, queryset):
        self._transition(request, queryset, ActionPlan.Status.SUBMITTED)

    @admin.action(description=_("Start implementation"))
    def to_implementation(self, request, queryset):
        self._transition(request, queryset, ActionPlan.Status.IMPLEMENTATION)

    @admin.action(description=_("Mark as completed"))
    def to_completed(self, request, queryset):
        self._transition(request, queryset, ActionPlan.Status.COMPLETED)

    @admin.action(description=_("Withdraw"))
    def to_withdrawn(self, request, queryset):
        self._transition(request, queryset, ActionPlan.Status.WITHDRAWN)


class MilestoneInline(admin.TabularInline):
    model = Milestone
    fields = ["order", "description", "expected_output", "due_date", "status", "completed_on"]
    extra = 1


class ProgressUpdateInline(admin.StackedInline):
    model = ProgressUpdate
    fields = ["reported_on", "completion", "text", "evidence_url", "author"]
    readonly_fields = ["author"]
    extra = 0


class TranslationInline(admin.StackedInline):
    """The texts in other languages (common/translations.py); the original stays in the object's fields."""

    fields = ["language_code", *CommitmentTranslation.TEXT_FIELDS, "machine_translated", "translated_by"]
    formset = TranslationInlineFormSet
    readonly_fields = ["translated_by"]
    extra = 0


class CommitmentTranslationInline(TranslationInline):
    model = CommitmentTranslation


class MilestoneTranslationInline(TranslationInline):
    model = MilestoneTranslation
    fields = ["language_code", *MilestoneTranslation.TEXT_FIELDS, "machine_translated", "translated_by"]


@admin.register(Commitment)
class CommitmentAdmin(TranslatedAdminMixin, SimpleHistoryAdmin):
    list_display = ["number", "title", "action_plan", "lead_institution", "completion", "ogp_id"]
    list_filter = ["completion", "action_plan__status", "action_plan__member__kind", "policy_areas"]
    search_fields = ["title", "ogp_id", "action_plan__title", "action_plan__member__name"]
    autocomplete_fields = ["action_plan", "lead_institution", "supporting_organisations", "policy_areas"]
    readonly_fields = ["completion"]
    inlines = [MilestoneInline, ProgressUpdateInline, CommitmentTranslationInline]
    list_select_related = ["action_plan__member", "lead_institution"]
    fieldsets = (
        (None, {"fields": ("action_plan", "number", "title", "ogp_id")}),
        (_("Content"), {"fields": ("problem", "status_quo", "objective", "expected_results")}),
        (_("Actors"), {"fields": ("lead_institution", "supporting_organisations")}),
        (
            _("OGP values and policy areas"),
            {
                "fields": (
                    "access_to_information",
                    "civic_participation",
                    "public_accountability",
                    "technology_innovation",
                    "policy_areas",
                )
            },
        ),
        (_("Dates and progress"), {"fields": ("start_date", "end_date", "completion")}),
        (_("Funding"), {"fields": ("budget", "budget_currency", "funding_source", "funding_gap")}),
    )

    def save_formset(self, request, form, formset, change):
        instances = formset.save(commit=False)
        for instance in instances:
            if isinstance(instance, ProgressUpdate) and instance.author_id is None:
                instance.author = request.user
        super().save_formset(request, form, formset, change)
        if formset.model is ProgressUpdate:
            commitment_completion_refresh(commitment=form.instance)


@admin.register(Milestone)
class MilestoneAdmin(TranslatedAdminMixin, SimpleHistoryAdmin):
    list_display = ["description_short", "commitment", "due_date", "status", "completed_on"]
    list_filter = ["status"]
    search_fields = ["description", "commitment__title"]
    autocomplete_fields = ["commitment"]
    list_select_related = ["commitment"]
    inlines = [MilestoneTranslationInline]

    @admin.display(description=_("description"))
    def description_short(self, obj):
        return obj.description[:80]


@admin.register(PolicyArea)
class PolicyAreaAdmin(admin.ModelAdmin):
    list_display = ["name", "name_fr", "slug", "kind", "parent"]
    list_filter = ["kind", "parent"]
    search_fields = ["name", "name_fr", "name_es", "slug", "keywords"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]


@admin.register(StandardRequirement)
class StandardRequirementAdmin(SimpleHistoryAdmin):
    list_display = ["code", "version", "standard_no", "is_minimum", "phase", "text"]
    list_filter = ["version", "is_minimum", "phase"]
    search_fields = ["code", "text", "text_fr", "text_es"]


@admin.register(Institution)
class InstitutionAdmin(admin.ModelAdmin):
    list_display = ["name", "member", "country"]
    search_fields = ["name", "member__name"]
    autocomplete_fields = ["member"]
    fields = ["name", "member", "country", "website"]
    list_select_related = ["member"]

    def save_model(self, request, obj, form, change):
        obj.kind = Institution.Kind.GOVERNMENT
        super().save_model(request, obj, form, change)


@admin.register(CommitmentFollow)
class CommitmentFollowAdmin(admin.ModelAdmin):
    """Who follows what (a personal choice: removed with the account, kept without history)."""

    list_display = ["commitment", "user", "created_at"]
    list_filter = ["created_at", ("commitment__action_plan__member", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["user__email", "user__full_name", "commitment__title", "commitment__number"]
    list_select_related = ["commitment", "user"]
    raw_id_fields = ["commitment", "user"]
    readonly_fields = ["created_at"]


@admin.register(InstitutionContact)
class InstitutionContactAdmin(SimpleHistoryAdmin):
    """The accounts that speak for an institution (also kept by the member's point of contact in the workspace)."""

    list_display = ["user", "institution", "created_at", "added_by"]
    list_filter = [("institution__member", admin.RelatedOnlyFieldListFilter), "created_at"]
    search_fields = ["user__email", "user__full_name", "institution__name"]
    autocomplete_fields = ["institution", "user"]
    list_select_related = ["user", "institution", "added_by"]
    readonly_fields = ["added_by", "created_at"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.added_by = request.user
        super().save_model(request, obj, form, change)
