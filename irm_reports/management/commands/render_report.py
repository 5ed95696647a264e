from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from irm_reports import services
from irm_reports.models import Report
from irm_reports.pdf import report_pdf
from irm_reports.services.rendering import report_rendering_run


class Command(BaseCommand):
    help = (
        "Render an IRM report's PDF: queue it for the Celery workers, or with --sync render it here. "
        "A report whose PDF is already rendered gets a new version. With --preview PATH, write the PDF of "
        "the report as it is now to PATH without storing it nor changing the report (any report, including "
        "one imported from OGP's data)."
    )

    def add_arguments(self, parser):
        parser.add_argument("report_id", type=int)
        parser.add_argument("--sync", action="store_true", help="Render in this process instead of a worker.")
        parser.add_argument("--preview", metavar="PATH", help="Write a preview PDF to PATH; store nothing.")
        parser.add_argument("--language", help="Language of the preview (default: the report's).")

    def handle(self, *args, report_id: int, sync: bool = False, preview: str | None = None, **options):
        report = Report.objects.filter(pk=report_id).first()
        if report is None:
            raise CommandError(f"There is no report {report_id}.")
        if preview:
            rendered = report_pdf(report, options.get("language") or report.language)
            Path(preview).write_bytes(rendered.pdf)
            self.stdout.write(f"Report {report.pk}: preview written to {preview} ({rendered.pages} pages).")
            return
        try:
            with transaction.atomic():
                # With --sync no message is sent: this process renders it (the periodic sweep
                # would queue it again if this process died half-way).
                report = services.report_request_render(report=report, requested_by=None, enqueue=not sync)
        except ValidationError as error:
            raise CommandError("\n".join(error.messages)) from error
        if not sync:
            self.stdout.write(f"Report {report.pk} version {report.version} queued for rendering.")
            return
        report_rendering_run(rendering_id=report.rendering_id)
        report = Report.objects.select_related("rendering").get(pk=report.pk)
        if report.status != Report.Status.READY:
            raise CommandError(f"Report {report.pk} was not rendered ({report.status}): {report.error}")
        rendering = report.rendering
        self.stdout.write(
            self.style.SUCCESS(
                f"Report {report.pk} version {report.version}: {rendering.pdf.name} "
                f"({rendering.pdf_pages} pages, {rendering.pdf_size} bytes, sha256 {rendering.pdf_sha256})"
            )
        )
