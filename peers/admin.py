"""Admin of peer exchange: the exchanges (to build learning groups) and the stored similar commitments."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from peers.models import ExchangeRequest, SimilarCommitment


@admin.register(ExchangeRequest)
class ExchangeRequestAdmin(SimpleHistoryAdmin):
    list_display = ["created_at", "requester_member", "member", "commitment", "status", "answered_at"]
    list_filter = ["status", "member__region", "member__kind", "commitment__policy_areas", "created_at"]
    search_fields = ["message", "answer", "commitment__title", "member__name", "requester_member__name"]
    list_select_related = ["requester_member", "member", "commitment"]
    autocomplete_fields = ["commitment", "about", "member", "requester_member"]
    raw_id_fields = ["requester", "answered_by"]
    readonly_fields = ["created_at", "updated_at"]
    date_hierarchy = "created_at"


@admin.register(SimilarCommitment)
class SimilarCommitmentAdmin(admin.ModelAdmin):
    """Read-only: the lists are computed (peers.similarity), refreshed when commitments are saved."""

    list_display = ["commitment", "rank", "similar", "score"]
    list_filter = ["commitment__policy_areas"]
    search_fields = ["commitment__title", "similar__title", "commitment__ogp_id"]
    list_select_related = ["commitment", "similar"]
    raw_id_fields = ["commitment", "similar"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
