from django.contrib import admin
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from common.content_translations import texts_before, texts_written
from common.models import OutgoingEmail
from common.outbox import email_outbox_sweep
from common.translations import ContentTranslation


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


class TranslatedAdminMixin:
    """The admin of a translatable model: staff's edit of the original's texts or language outdates its
    translations (common.content_translations.texts_written), and a translation staff write in an inline is theirs."""

    def save_model(self, request, obj, form, change):
        before = texts_before(obj) if change else None
        super().save_model(request, obj, form, change)
        texts_written(obj, before=before)

    def save_formset(self, request, form, formset, change):
        if issubclass(formset.model, ContentTranslation):
            for translation in formset.save(commit=False):
                translation.translated_by = None if translation.machine_translated else request.user
        super().save_formset(request, form, formset, change)


class TranslationInlineFormSet(BaseInlineFormSet):
    """The translations of an object in the admin: none into the language its original is written in (as the
    pages' translation forms refuse it). The object's language is read as the submitted form set it."""

    def clean(self):
        super().clean()
        original = getattr(self.instance, "content_language", None)
        for form in self.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if data.get("DELETE") or not data.get("language_code") or data["language_code"] != original:
                continue
            form.add_error(
                "language_code", gettext("This is the language the text is written in: edit the text itself.")
            )
