"""Admin of consultations, proposals, comments and moderation; state changes go through the services."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from common.admin import TranslatedAdminMixin, TranslationInlineFormSet
from consultations import services
from consultations.admin.translations import (
    CommentTranslationInline,
    ConsultationTranslationInline,
    ResponseTranslationInline,
)
from consultations.models import (
    Comment,
    Consultation,
    Flag,
    ModerationEvent,
    Proposal,
    ProposalAttachment,
    ProposalResponse,
    ProposalTranslation,
)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3, "cols": 60}))


class AdminBulkResponseForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=ProposalResponse.Outcome.choices)
    reasons = forms.CharField(label=_("Reasons"), widget=forms.Textarea(attrs={"rows": 6, "cols": 80}))
    publish = forms.BooleanField(label=_("Publish now (and notify authors and followers)"), required=False)


def _intermediate(modeladmin, request, queryset, form_class, title, apply):
    """An admin action with a form (reason, outcome): shown first, applied when sent back valid."""
    form = form_class(request.POST if "apply" in request.POST else None)
    if "apply" in request.POST and form.is_valid():
        done = 0
        for obj in queryset:
            try:
                apply(obj, form.cleaned_data)
                done += 1
            except ValidationError as error:
                modeladmin.message_user(request, f"{obj}: {' '.join(error.messages)}", messages.ERROR)
        if done:
            modeladmin.message_user(request, _("%(count)d items updated.") % {"count": done}, messages.SUCCESS)
        return None
    return TemplateResponse(
        request,
        "admin/consultations/action_form.html",
        {
            **modeladmin.admin_site.each_context(request),
            "title": title,
            "form": form,
            "queryset": queryset,
            "action": request.POST.get("action"),
            "opts": modeladmin.model._meta,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        },
    )


class ModerationActionsMixin:
    moderation_field = ""
    actions = ["hide_items", "restore_items"]

    @admin.action(description=_("Hide from the public (with a reason)"))
    def hide_items(self, request, queryset):
        def apply(obj, data):
            services.moderation_hide(reason=data["reason"], actor=request.user, **{self.moderation_field: obj})

        return _intermediate(self, request, queryset, ReasonForm, _("Hide with a reason"), apply)

    @admin.action(description=_("Show again or keep visible (with a reason)"))
    def restore_items(self, request, queryset):
        def apply(obj, data):
            services.moderation_restore(reason=data["reason"], actor=request.user, **{self.moderation_field: obj})

        return _intermediate(self, request, queryset, ReasonForm, _("Restore with a reason"), apply)


@admin.register(Consultation)
class ConsultationAdmin(TranslatedAdminMixin, SimpleHistoryAdmin):
    list_display = ["title", "action_plan", "kind", "opens_at", "closes_at", "state", "answered"]
    list_filter = ["kind", "status", "language", "action_plan__member__kind"]
    search_fields = ["title", "action_plan__title", "action_plan__member__name"]
    autocomplete_fields = ["action_plan", "policy_areas"]
    readonly_fields = ["status", "status_reason", "status_changed_at", "created_by"]
    list_select_related = ["action_plan__member"]
    date_hierarchy = "opens_at"
    inlines = [ConsultationTranslationInline]

    def get_queryset(self, request):
        return super().get_queryset(request).with_counts()

    @admin.display(description=_("state"))
    def state(self, obj):
        return obj.get_state_display()

    @admin.display(description=_("answered"))
    def answered(self, obj):
        return f"{obj.answered_count}/{obj.proposal_count}"


class TranslationInline(admin.StackedInline):
    """The proposal in other languages (common/translations.py); the original stays in the proposal's fields."""

    model = ProposalTranslation
    formset = TranslationInlineFormSet
    fields = [
        "language_code",
        "title_translated",
        "problem_translated",
        "solution_translated",
        "expected_results_translated",
        "machine_translated",
        "translated_by",
        "translated_at",
    ]
    readonly_fields = ["translated_by", "translated_at"]
    extra = 0


class AttachmentInline(admin.TabularInline):
    model = ProposalAttachment
    fields = ["download", "original_name", "content_type", "size"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description=_("file"))
    def download(self, obj):
        url = reverse("consultations:proposal-attachment", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, obj.original_name)


class ResponseInline(admin.StackedInline):
    model = ProposalResponse
    fields = ["outcome", "reasons", "commitments", "status", "published_at", "written_by"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Proposal)
class ProposalAdmin(ModerationActionsMixin, SimpleHistoryAdmin):
    ordering = [F("submitted_at").desc(nulls_last=True), "-id"]  # drafts last, on every database
    list_display = ["title", "consultation", "author", "status", "support_count", "is_hidden", "submitted_at"]
    list_filter = ["status", "is_hidden", "language", "consultation__action_plan__member__kind", "policy_area"]
    search_fields = ["title", "problem", "author__email", "consultation__title"]
    list_select_related = ["consultation", "author"]
    autocomplete_fields = ["consultation", "author", "organisation", "policy_area"]
    readonly_fields = [
        "status",
        "submitted_at",
        "withdrawn_at",
        "withdrawal_reason",
        "withdrawal_note",
        "is_hidden",
        "support_count",
    ]
    inlines = [AttachmentInline, ResponseInline, TranslationInline]
    moderation_field = "proposal"
    actions = ["respond", "mark_under_review", "hide_items", "restore_items"]

    def delete_queryset(self, request, queryset):
        """One by one through Proposal.delete(), so the consultations' counters follow (a bulk delete would not)."""
        with transaction.atomic():
            for proposal in queryset.order_by("consultation_id", "pk"):
                proposal.delete()

    @admin.action(description=_("Answer the selected proposals (one response for all)"))
    def respond(self, request, queryset):
        # Consultation by consultation: the services lock the consultation first, always in the same order.
        queryset = queryset.select_related("consultation__action_plan").order_by("consultation_id", "pk")

        def apply(proposal, data):
            services.response_save(proposal=proposal, written_by=request.user, **data)

        return _intermediate(self, request, queryset, AdminBulkResponseForm, _("Answer the selected proposals"), apply)

    @admin.action(description=_("Mark as under review"))
    def mark_under_review(self, request, queryset):
        for proposal in queryset:
            services.proposal_mark_under_review(proposal=proposal)
        self.message_user(request, _("Done."), messages.SUCCESS)


@admin.register(ProposalResponse)
class ProposalResponseAdmin(SimpleHistoryAdmin):
    """Read-only: responses change through the point of contact's workspace; this page shows their history."""

    list_display = ["proposal", "outcome", "status", "published_at", "written_by"]
    ordering = [F("published_at").desc(nulls_last=True), "-id"]  # drafts last, on every database
    list_filter = ["outcome", "status", "language"]
    search_fields = ["proposal__title", "reasons"]
    list_select_related = ["proposal", "written_by"]
    inlines = [ResponseTranslationInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Comment)
class CommentAdmin(TranslatedAdminMixin, ModerationActionsMixin, admin.ModelAdmin):
    list_display = ["excerpt", "proposal", "author", "created_at", "is_hidden"]
    list_filter = ["is_hidden", "language"]
    search_fields = ["body", "author__email", "proposal__title"]
    list_select_related = ["proposal", "author"]
    autocomplete_fields = ["proposal", "author", "parent"]
    readonly_fields = ["is_hidden", "edited_at"]
    moderation_field = "comment"
    inlines = [CommentTranslationInline]

    @admin.display(description=_("comment"))
    def excerpt(self, obj):
        return obj.body[:80]


@admin.register(Flag)
class FlagAdmin(admin.ModelAdmin):
    """The moderation queue in the admin: open flags first."""

    list_display = ["__str__", "reason", "user", "created_at", "resolved_at"]
    list_filter = [("resolved_at", admin.EmptyFieldListFilter), "reason"]
    search_fields = ["note", "user__email", "proposal__title", "comment__body"]
    list_select_related = ["user", "proposal", "comment"]
    readonly_fields = ["proposal", "comment", "user", "reason", "note", "created_at", "resolved_at"]

    def has_add_permission(self, request):
        return False


@admin.register(ModerationEvent)
class ModerationEventAdmin(admin.ModelAdmin):
    list_display = ["__str__", "action", "actor", "created_at"]
    list_filter = ["action"]
    search_fields = ["reason", "proposal__title", "comment__body"]
    list_select_related = ["actor", "proposal", "comment"]
    readonly_fields = ["proposal", "comment", "action", "reason", "actor", "created_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
