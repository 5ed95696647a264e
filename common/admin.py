from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from common.models import OutgoingEmail
from common.outbox import email_outbox_sweep


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(admin.ModelAdmin):
    list_display = ["subject", "recipients", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status"]
    search_fields = ["subject", "to"]
    readonly_fields = [f.name for f in OutgoingEmail._meta.fields]
    actions = ["resend_pending"]

    @admin.display(description=_("recipients"))
    def recipients(self, obj):
        return ", ".join(obj.to)

    def has_add_permission(self, request):
        return False

    @admin.action(description=_("Queue the pending e-mails again"))
    def resend_pending(self, request, queryset):
        count = email_outbox_sweep(older_than_seconds=0)
        self.message_user(request, _("%(count)d e-mails queued again.") % {"count": count})
