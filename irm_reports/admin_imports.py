"""The support unit's upload of OGP's data sheet, with the import's progress and summary."""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from irm_reports.importing import ImportSummary
from irm_reports.models import ImportRun
from irm_reports.services.imports import import_run_create, import_run_repeat


class ImportRunForm(forms.ModelForm):
    class Meta:
        model = ImportRun
        fields = ["file", "dry_run"]
        help_texts = {
            "file": _(
                "OGP's commitments and IRM data sheet, as CSV (UTF-8) or Excel (.xlsx), with the sheet's column "
                "names. Saving starts the import; importing the same file again changes nothing."
            )
        }

    def clean_file(self):
        file = self.cleaned_data["file"]
        max_bytes = getattr(settings, "IRM_IMPORT_MAX_BYTES", 50 * 1024 * 1024)
        if file and file.size > max_bytes:
            raise forms.ValidationError(_("The file is larger than %(size)s MB.") % {"size": max_bytes // 2**20})
        return file


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    """Upload OGP's commitments and IRM data sheet; small files are imported at once, large ones by a worker."""

    form = ImportRunForm
    view_on_site = False
    list_display = ["__str__", "dry_run", "status", "progress_percent_display", "outcome", "uploaded_by", "created_at"]
    list_filter = ["status", "dry_run"]
    search_fields = ["filename"]
    list_select_related = ["uploaded_by"]
    date_hierarchy = "created_at"
    actions = ["import_for_real"]
    readonly_fields = [
        "filename",
        "dry_run",
        "status",
        "progress_display",
        "uploaded_by",
        "created_at",
        "started_at",
        "finished_at",
        "attempts",
        "error",
        "summary_display",
    ]

    class Media:
        js = ["irm_reports/import_progress.js"]
        css = {"all": ["irm_reports/import_admin.css"]}

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["file", "dry_run"]
        return self.readonly_fields

    def add_view(self, request, form_url="", extra_context=None):
        extra_context = {**(extra_context or {}), "show_save_and_add_another": False, "show_save_and_continue": False}
        return super().add_view(request, form_url, extra_context)

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields if obj is not None else []

    def has_change_permission(self, request, obj=None):
        return False  # a run is a record of what happened; upload the file again to import it again

    def save_model(self, request, obj, form, change):
        run = import_run_create(
            file=form.cleaned_data["file"], dry_run=form.cleaned_data["dry_run"], uploaded_by=request.user
        )
        obj.pk, obj.status, obj.created_at, obj.filename = run.pk, run.status, run.created_at, run.filename

    def response_add(self, request, obj, post_url_continue=None):
        if obj.status in ImportRun.IN_PROGRESS:
            message = _("The file is queued for a worker; this page shows the import's progress, then its summary.")
        else:
            message = _("The file was imported; here is what changed.")
        self.message_user(request, message, messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:irm_reports_importrun_change", args=[obj.pk]))

    def get_urls(self):
        urls = [
            path(
                "<int:pk>/progress/",
                self.admin_site.admin_view(self.progress_view),
                name="irm_reports_importrun_progress",
            )
        ]
        return urls + super().get_urls()

    def progress_view(self, request, pk: int):
        run = get_object_or_404(ImportRun, pk=pk)
        if not self.has_view_permission(request, run):
            raise PermissionDenied
        return JsonResponse(
            {
                "status": run.status,
                "running": run.is_running,
                "rows_done": run.rows_done,
                "rows_total": run.rows_total,
                "percent": run.progress_percent,
            }
        )

    @admin.display(description=_("progress"))
    def progress_percent_display(self, obj):
        return f"{obj.progress_percent} %"

    @admin.display(description=_("progress"))
    def progress_display(self, obj):
        template = _("%(done)s of %(total)s rows")
        label = template % {"done": obj.rows_done, "total": obj.rows_total or "…"}
        if not obj.is_running:
            return label
        return format_html(
            '<div class="import-progress" data-progress-url="{}"><progress max="100" value="{}" aria-label="{}">'
            '{} %</progress> <span class="import-progress-label" aria-live="polite" data-template="{}">{}</span></div>',
            reverse("admin:irm_reports_importrun_progress", args=[obj.pk]),
            obj.progress_percent,
            _("Import progress"),
            obj.progress_percent,
            template % {"done": "{done}", "total": "{total}"},
            label,
        )

    @admin.display(description=_("result"))
    def outcome(self, obj):
        if obj.status != ImportRun.Status.DONE:
            return "—"
        summary = ImportSummary.from_dict(obj.summary)
        return _("%(rows)s rows, %(skipped)s skipped, %(disagreements)s disagreements") % {
            "rows": summary.rows_total,
            "skipped": summary.rows_skipped,
            "disagreements": len(summary.disagreements),
        }

    @admin.display(description=_("summary"))
    def summary_display(self, obj):
        if not obj.summary:
            return "—"
        return render_to_string(
            "admin/irm_reports/importrun/_summary.html", {"summary": ImportSummary.from_dict(obj.summary), "run": obj}
        )

    @admin.action(description=_("Import the files of the selected dry runs for real"))
    def import_for_real(self, request, queryset):
        if not self.has_add_permission(request):
            raise PermissionDenied
        for run in queryset.filter(dry_run=True, status=ImportRun.Status.DONE):
            again = import_run_repeat(run=run, dry_run=False, uploaded_by=request.user)
            self.message_user(
                request,
                format_html(
                    '{}: <a href="{}">{}</a>', run, again.get_absolute_url(), _("import started, see its summary")
                ),
            )
