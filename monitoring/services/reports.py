"""Monitoring reports: written as drafts, submitted, edited while unanswered, withdrawn with a reason."""

from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Organisation, User
from commitments.models import Commitment, Milestone
from common.db import UNCHANGED, set_fields
from common.models import page_language
from monitoring.models import MonitoringReport, ReportEvidence
from monitoring.services._common import (
    check_evidence,
    check_quota,
    delete_evidence,
    lock_report,
    require_monitoring_open,
    require_verified,
    store_evidence,
)
from monitoring.services.notifications import followers_emails, report_submitted_emails
from monitoring.services.status import monitoring_refresh

RESPONSE_DAYS = getattr(settings, "MONITORING_RESPONSE_DAYS", 30)


def _submit(report: MonitoringReport) -> None:
    report.status = MonitoringReport.Status.SUBMITTED
    report.submitted_at = timezone.now()
    report.response_due_on = timezone.localdate() + timedelta(days=RESPONSE_DAYS)


@transaction.atomic
def report_create(
    *,
    commitment: Commitment,
    author: User,
    finding: str,
    text: str,
    observed_on: date | None = None,
    milestone: Milestone | None = None,
    organisation: Organisation | None = None,
    links: str = "",
    latitude: Decimal | None = None,
    longitude: Decimal | None = None,
    address: str = "",
    evidence=(),
    submit: bool = False,
    language: str = "",
) -> MonitoringReport:
    """File a report (a draft, or submitted at once) on a commitment of a plan in implementation.

    Every rule and every file is checked before anything is written: a refusal leaves nothing behind."""
    require_verified(author, organisation)
    checked = check_evidence(evidence)
    require_monitoring_open(commitment)
    check_quota(user=author, checked=checked)
    report = MonitoringReport(commitment=commitment, author=author, organisation=organisation)
    set_fields(
        report,
        milestone=milestone,
        finding=finding,
        text=text,
        links=links,
        observed_on=observed_on or timezone.localdate(),
        latitude=latitude,
        longitude=longitude,
        address=address,
        language=language or page_language(),
    )
    if submit:
        _submit(report)
    report.full_clean()
    report.save()
    store_evidence(report, checked)
    if submit:
        _submitted(report)
    return report


def _submitted(report: MonitoringReport) -> None:
    monitoring_refresh(commitment_id=report.commitment_id)
    report_submitted_emails(report=report)
    followers_emails(report=report)


def _require_editable(report: MonitoringReport) -> None:
    if report.status == MonitoringReport.Status.WITHDRAWN:
        raise ValidationError(_("This report was withdrawn: it cannot change any more."), code="withdrawn")
    if hasattr(report, "answer"):
        raise ValidationError(
            _("The point of contact has answered this report: it cannot be edited any more."), code="answered"
        )


@transaction.atomic
def report_update(
    *,
    report: MonitoringReport,
    finding: str = UNCHANGED,
    text: str = UNCHANGED,
    observed_on: date = UNCHANGED,
    milestone: Milestone | None = UNCHANGED,
    organisation: Organisation | None = UNCHANGED,
    links: str = UNCHANGED,
    latitude: Decimal | None = UNCHANGED,
    longitude: Decimal | None = UNCHANGED,
    address: str = UNCHANGED,
    evidence=(),
    remove_evidence=(),
    submit: bool = False,
    language: str = UNCHANGED,
) -> MonitoringReport:
    """Edit a report its author may still change: a draft, or a submitted report not yet answered."""
    if organisation is not UNCHANGED:
        require_verified(report.author, organisation)
    kept = report.evidence.exclude(pk__in=[e.pk for e in remove_evidence]).count()
    checked = check_evidence(evidence, already=kept)
    current = lock_report(report.pk)
    require_monitoring_open(current.commitment)
    _require_editable(current)
    removed = list(ReportEvidence.objects.filter(report=current, pk__in=[e.pk for e in remove_evidence]))
    check_quota(user=current.author, checked=checked, freed=sum(e.size for e in removed))
    set_fields(
        current,
        finding=finding,
        text=text,
        observed_on=observed_on,
        milestone=milestone,
        organisation=organisation,
        links=links,
        latitude=latitude,
        longitude=longitude,
        address=address,
        language=language,
    )
    newly_submitted = submit and current.status == MonitoringReport.Status.DRAFT
    if newly_submitted:
        _submit(current)
    current.full_clean()
    current.save()
    for item in removed:
        delete_evidence(item)
    store_evidence(current, checked)
    if newly_submitted:
        _submitted(current)
    elif current.status == MonitoringReport.Status.SUBMITTED:
        monitoring_refresh(commitment_id=current.commitment_id)
    return current


@transaction.atomic
def report_withdraw(*, report: MonitoringReport, reason: str) -> MonitoringReport:
    """The author takes a report back, saying why; it leaves the statuses and the counts."""
    current = lock_report(report.pk)
    if current.status == MonitoringReport.Status.WITHDRAWN:
        raise ValidationError(_("This report is already withdrawn."), code="withdrawn")
    if not (reason or "").strip():
        raise ValidationError({"withdrawal_reason": _("Say why you withdraw this report.")})
    current.status = MonitoringReport.Status.WITHDRAWN
    current.withdrawn_at = timezone.now()
    current.withdrawal_reason = reason.strip()
    if current.submitted_at is None:
        current.submitted_at = current.withdrawn_at
    current.full_clean()
    current.save()
    monitoring_refresh(commitment_id=current.commitment_id)
    return current


@transaction.atomic
def report_discard(*, report: MonitoringReport) -> None:
    """Delete a draft and its files (a submitted report is withdrawn instead)."""
    current = lock_report(report.pk)
    if current.status != MonitoringReport.Status.DRAFT:
        raise ValidationError(_("Only a draft can be deleted; withdraw a submitted report instead."))
    for item in list(current.evidence.all()):
        delete_evidence(item)
    current.delete()
