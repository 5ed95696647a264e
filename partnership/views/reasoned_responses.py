"""The reasoned-response report of a closed consultation: its CSV streamed, its PDF rendered by a worker."""

from django.conf import settings
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language

from common.files import private_file_response
from consultations.models import Consultation
from partnership import reasoned_responses, services
from partnership.bundle.columns import csv_lines
from partnership.models import ResponseReport


def _closed_consultation(pk: int) -> Consultation:
    consultation = get_object_or_404(Consultation.objects.select_related("action_plan__member"), pk=pk)
    if consultation.state != Consultation.State.CLOSED:
        raise Http404("The report is published once the consultation is closed.")
    return consultation


def response_report_csv(request, pk: int):
    """Every public proposal of the closed consultation, its outcome, reasons and commitments fed, streamed."""
    consultation = _closed_consultation(pk)
    report = reasoned_responses.resource(consultation)
    lines = csv_lines(report, report.rows())
    if request.GET.get("bom") in ("1", "true", "yes"):
        lines = (line for part in (["\ufeff"], lines) for line in part)
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="reasoned-responses-{consultation.pk}.csv"'
    return response


def response_report_pdf(request, pk: int):
    """The PDF in the page's language once a worker has rendered the answers as they stand; until then a page
    showing its progress, which reloads itself."""
    consultation = _closed_consultation(pk)
    language = get_language() if get_language() in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
    report = services.response_report_request(consultation=consultation, language=language)
    if report.status == ResponseReport.Status.DONE:
        return private_file_response(
            report.pdf, content_type="application/pdf", filename=f"reasoned-responses-{consultation.pk}.pdf"
        )
    context = {"consultation": consultation, "report": report}
    return render(request, "partnership/response_report_progress.html", context, status=202)
