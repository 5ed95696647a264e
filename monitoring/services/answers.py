"""The point of contact's public answer to a monitoring report."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from common.models import page_language
from monitoring.models import MonitoringReport, ReportAnswer
from monitoring.services._common import lock_report
from monitoring.services.notifications import answer_published_emails, followers_emails
from monitoring.services.status import monitoring_refresh


@transaction.atomic
def report_answer(*, report: MonitoringReport, user: User, kind: str, text: str, language: str = "") -> ReportAnswer:
    """Answer a submitted report (acknowledged, corrected the status, disputes it) with reasons; an answer can be
    rewritten, and stays public. `language`: the one its text is written in (default: the page's), given again
    with each rewritten text."""
    current = lock_report(report.pk)
    if current.status != MonitoringReport.Status.SUBMITTED:
        raise ValidationError(_("Only a submitted report can be answered."), code="not_submitted")
    if not (text or "").strip():
        raise ValidationError({"text": _("Give the reasons of your answer.")})
    answer = ReportAnswer.objects.filter(report=current).first() or ReportAnswer(report=current)
    first = answer.pk is None
    answer.kind, answer.text, answer.written_by = kind, text.strip(), user
    answer.language = language or page_language()
    answer.full_clean()
    answer.save()
    monitoring_refresh(commitment_id=current.commitment_id)
    if first:
        answer_published_emails(answer=answer)
        followers_emails(report=current, answer=answer)
    return answer
