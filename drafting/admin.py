"""Admin of drafting: versions and their text, comments (moderation through the service, with a reason),
amendments and their decisions."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from drafting.models import (
    Amendment,
    CommentFlag,
    DraftCommitment,
    DraftParagraph,
    DraftReviewer,
    DraftVersion,
    ParagraphComment,
)
from drafting.services.comments import comment_review


class DraftCommitmentInline(admin.TabularInline):
    model = DraftCommitment
    extra = 0
    fields = ["number", "title", "key", "order"]
    readonly_fields = fields
    can_delete = False


class ReviewerInline(admin.TabularInline):
    model = DraftReviewer
    extra = 0
    fields = ["user", "invited_by", "created_at"]
    readonly_fields = ["invited_by", "created_at"]
    raw_id_fields = ["user"]


@admin.register(DraftVersion)
class DraftVersionAdmin(SimpleHistoryAdmin):
    list_display = ["action_plan", "number", "state", "expert_review", "published_at"]
    list_filter = ["state", "expert_review", "action_plan__member"]
    search_fields = ["action_plan__title", "consultation__title"]
    raw_id_fields = ["action_plan", "consultation"]
    readonly_fields = ["state", "published_at", "created_by"]
    inlines = [ReviewerInline, DraftCommitmentInline]


@admin.register(DraftParagraph)
class DraftParagraphAdmin(admin.ModelAdmin):
    list_display = ["id", "draft_commitment", "section", "key", "comment_count"]
    list_filter = ["section", "draft_commitment__version__action_plan__member"]
    search_fields = ["text", "key"]
    raw_id_fields = ["draft_commitment"]


class FlagInline(admin.TabularInline):
    model = CommentFlag
    extra = 0
    fields = ["user", "reason", "created_at", "resolved_at"]
    readonly_fields = fields
    can_delete = False


def _review(request, queryset, hide: bool, reason: str):
    done = 0
    for comment in queryset:
        try:
            comment_review(comment=comment, user=request.user, hide=hide, reason=reason)
            done += 1
        except ValidationError as error:
            messages.error(request, "; ".join(error.messages))
    messages.success(request, _("%(count)d comments reviewed.") % {"count": done})


@admin.action(description=_("Hide the selected comments (flags reviewed)"))
def hide_comments(modeladmin, request, queryset):
    _review(request, queryset, True, "Hidden after review by support staff")


@admin.action(description=_("Keep the selected comments visible (flags reviewed)"))
def keep_comments(modeladmin, request, queryset):
    _review(request, queryset, False, "Kept visible after review by support staff")


@admin.register(ParagraphComment)
class ParagraphCommentAdmin(SimpleHistoryAdmin):
    list_display = ["id", "paragraph", "author", "is_hidden", "support_count", "created_at"]
    list_filter = ["is_hidden", "paragraph__draft_commitment__version__action_plan__member"]
    search_fields = ["body", "author__email"]
    raw_id_fields = ["paragraph", "author", "parent"]
    readonly_fields = ["is_hidden", "support_count"]
    inlines = [FlagInline]
    actions = [hide_comments, keep_comments]


@admin.register(Amendment)
class AmendmentAdmin(SimpleHistoryAdmin):
    list_display = ["id", "draft_commitment", "kind", "state", "author", "support_count", "created_at"]
    list_filter = ["state", "kind", "version__action_plan__member"]
    search_fields = ["text", "reason", "author__email"]
    raw_id_fields = ["version", "draft_commitment", "paragraph", "author"]
    readonly_fields = ["state", "reason", "merged_into", "decided_by", "decided_at", "applied_in", "support_count"]
