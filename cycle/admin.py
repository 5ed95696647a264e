"""The support unit's admin of the cycle calendar (corrections) and of compliance findings."""

from django.contrib import admin, messages
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from cycle import services
from cycle.models import ChallengeArea, ComplianceFinding, CycleReminder, CycleStep, MemberChallenge, SDGTarget


@admin.register(CycleStep)
class CycleStepAdmin(SimpleHistoryAdmin):
    """A date changed here is marked corrected and kept over recomputations; untick "corrected" to let the
    rules set it again."""

    list_display = ["member", "plan_number", "kind", "due_on", "computed_on", "done", "corrected"]
    list_filter = ["kind", "corrected", "done", "member__kind", "member__region"]
    search_fields = ["member__name", "member__name_fr", "member__name_es", "note"]
    list_select_related = ["member"]
    autocomplete_fields = ["member", "action_plan"]
    readonly_fields = ["computed_on", "rule_applied"]
    fields = [
        "member",
        "plan_number",
        "action_plan",
        "kind",
        "due_on",
        "done",
        "corrected",
        "note",
        "computed_on",
        "rule_applied",
    ]
    date_hierarchy = "due_on"
    actions = ["recompute"]

    @admin.display(description=_("rule applied"))
    def rule_applied(self, obj):
        return gettext(obj.rule) if obj.rule else "—"

    def save_model(self, request, obj, form, change):
        if change and {"due_on", "done", "note"} & set(form.changed_data) and "corrected" not in form.changed_data:
            obj.corrected = True  # staff changed what the rules give: keep it
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Compute the selected members' cycles again"))
    def recompute(self, request, queryset):
        members = {step.member for step in queryset.select_related("member")}
        changes = sum(services.member_cycle_refresh(member=member) for member in members)
        self.message_user(request, gettext("%(count)d rows changed.") % {"count": changes}, messages.SUCCESS)


@admin.register(ComplianceFinding)
class ComplianceFindingAdmin(admin.ModelAdmin):
    """Decisions are taken on the compliance page (`/compliance/`), which records the status event."""

    list_display = ["member", "kind", "found_on", "resolved_on", "decision", "decided_on"]
    list_filter = ["kind", "decision", ("resolved_on", admin.EmptyFieldListFilter), "member__kind"]
    search_fields = ["member__name", "subject", "decision_reason"]
    list_select_related = ["member"]
    date_hierarchy = "found_on"
    readonly_fields = [f.name for f in ComplianceFinding._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(CycleReminder)
class CycleReminderAdmin(admin.ModelAdmin):
    list_display = ["step", "due_on", "days_before", "recipients", "sent_at"]
    list_filter = ["days_before"]
    search_fields = ["step__member__name"]
    list_select_related = ["step__member"]
    readonly_fields = ["step", "due_on", "days_before", "recipients", "sent_at"]

    def has_add_permission(self, request):
        return False


@admin.register(ChallengeArea)
class ChallengeAreaAdmin(admin.ModelAdmin):
    list_display = ["name", "name_fr", "name_es", "slug", "order"]
    search_fields = ["name", "name_fr", "name_es", "slug"]
    autocomplete_fields = ["commitments"]


@admin.register(SDGTarget)
class SDGTargetAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "name_fr", "name_es", "goal"]
    list_filter = ["goal"]
    search_fields = ["code", "name", "name_fr", "name_es"]
    autocomplete_fields = ["commitments"]


@admin.register(MemberChallenge)
class MemberChallengeAdmin(admin.ModelAdmin):
    list_display = ["member", "area", "declared_on"]
    list_filter = ["area", "member__kind", "member__region"]
    search_fields = ["member__name", "ambition"]
    list_select_related = ["member", "area"]
    autocomplete_fields = ["member"]
