"""Admin of the forum, response tools and the co-creation standards checklist."""

from django import forms
from django.contrib import admin
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from consultations import services
from consultations.checklist import plan_checklist
from consultations.models import (
    CoCreationChecklist,
    Forum,
    ForumMeeting,
    ForumSeat,
    Referral,
    RequirementMark,
    ResponseReminder,
    ResponseTemplate,
)


class ForumSeatInline(admin.TabularInline):
    model = ForumSeat
    fields = ["organisation_name", "person_name", "sector", "role", "since", "until"]
    extra = 1


@admin.register(Forum)
class ForumAdmin(SimpleHistoryAdmin):
    list_display = ["name", "member", "established_on"]
    search_fields = ["name", "member__name"]
    autocomplete_fields = ["member"]
    list_select_related = ["member"]
    inlines = [ForumSeatInline]


@admin.register(ForumSeat)
class ForumSeatAdmin(SimpleHistoryAdmin):
    """Seats are edited with their forum; here each seat also has its history."""

    list_display = ["organisation_name", "person_name", "sector", "role", "forum", "since", "until"]
    list_filter = ["sector", "role"]
    search_fields = ["organisation_name", "person_name", "forum__name", "forum__member__name"]
    autocomplete_fields = ["forum"]
    list_select_related = ["forum"]


@admin.register(ForumMeeting)
class ForumMeetingAdmin(SimpleHistoryAdmin):
    list_display = ["title", "forum", "held_on", "phase", "action_plan", "minutes_published"]
    list_filter = ["phase", "modality", "minutes_published"]
    search_fields = ["title", "forum__name", "forum__member__name"]
    autocomplete_fields = ["forum", "action_plan"]
    list_select_related = ["forum", "action_plan"]
    date_hierarchy = "held_on"


@admin.register(ResponseTemplate)
class ResponseTemplateAdmin(SimpleHistoryAdmin):
    list_display = ["title", "member", "outcome"]
    list_filter = ["outcome"]
    search_fields = ["title", "reasons", "member__name"]
    autocomplete_fields = ["member"]
    list_select_related = ["member"]


@admin.register(Referral)
class ReferralAdmin(SimpleHistoryAdmin):
    list_display = ["proposal", "institution", "created_at", "opinion_received_on"]
    search_fields = ["proposal__title", "institution__name"]
    autocomplete_fields = ["proposal", "institution"]
    list_select_related = ["proposal", "institution"]
    readonly_fields = ["requested_by"]


@admin.register(ResponseReminder)
class ResponseReminderAdmin(admin.ModelAdmin):
    list_display = ["consultation", "due_on", "days_before", "sent_at"]
    list_select_related = ["consultation"]
    search_fields = ["consultation__title"]
    readonly_fields = ["consultation", "due_on", "days_before", "sent_at"]

    def has_add_permission(self, request):
        return False


class RequirementMarkForm(forms.ModelForm):
    class Meta:
        model = RequirementMark
        fields = ["requirement", "status", "note"]


class RequirementMarkInline(admin.TabularInline):
    model = RequirementMark
    form = RequirementMarkForm
    fields = ["requirement", "status", "note", "set_by"]
    readonly_fields = ["set_by"]
    extra = 0
    verbose_name_plural = _("Assessments by the support unit (they prevail over the computed ones)")


@admin.register(CoCreationChecklist)
class CoCreationChecklistAdmin(admin.ModelAdmin):
    """Each plan's minimum requirements, computed and assessed; staff set what cannot be computed."""

    list_display = ["title", "member", "status", "start_date"]
    list_filter = ["status", "member__kind"]
    search_fields = ["title", "member__name"]
    list_select_related = ["member"]
    fields = ["checklist"]
    readonly_fields = ["checklist"]
    inlines = [RequirementMarkInline]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("Minimum requirements"))
    def checklist(self, obj):
        return render_to_string("consultations/includes/_checklist_table.html", {"checklist": plan_checklist(obj)})

    def save_formset(self, request, form, formset, change):
        # Marks go through the service (validation, who set them); deletions go back to the computed value.
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        for deleted in formset.deleted_forms:
            if deleted.instance.pk:
                services.requirement_mark_clear(mark=deleted.instance)
                formset.deleted_objects.append(deleted.instance)
        for item in formset.forms:
            if item in formset.deleted_forms or not item.has_changed() or not item.cleaned_data:
                continue
            data = item.cleaned_data
            is_new = item.instance.pk is None
            mark = services.requirement_mark_set(
                action_plan=form.instance,
                requirement=data["requirement"],
                status=data["status"],
                note=data.get("note", ""),
                set_by=request.user,
            )
            if is_new:
                formset.new_objects.append(mark)
            else:
                formset.changed_objects.append((mark, item.changed_data))


@admin.register(RequirementMark)
class RequirementMarkAdmin(SimpleHistoryAdmin):
    list_display = ["action_plan", "requirement", "status", "set_by", "updated_at"]
    list_filter = ["status", "requirement"]
    search_fields = ["action_plan__title", "action_plan__member__name", "note"]
    autocomplete_fields = ["action_plan"]
    list_select_related = ["action_plan", "requirement", "set_by"]
    readonly_fields = ["set_by"]

    def save_model(self, request, obj, form, change):
        mark = services.requirement_mark_set(
            action_plan=obj.action_plan,
            requirement=obj.requirement,
            status=obj.status,
            note=obj.note,
            set_by=request.user,
        )
        obj.pk = mark.pk
