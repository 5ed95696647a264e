"""Moderation of monitoring reports, by the rules of co-creation: anyone signed in flags a report once; three
people's open flags hide it until support staff review it, who hide it, restore it or keep it visible.
Every decision is in the report's history, with its reason."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from monitoring.models import MonitoringReport, ReportFlag
from monitoring.services._common import lock_report
from monitoring.services.status import monitoring_refresh


def _set_hidden(report: MonitoringReport, hidden: bool, reason: str) -> None:
    if report.is_hidden != hidden:
        report.is_hidden = hidden
        report._change_reason = reason[:100]
        report.save(update_fields=["is_hidden", "updated_at"])
        monitoring_refresh(commitment_id=report.commitment_id)


@transaction.atomic
def report_flag(*, report: MonitoringReport, user: User, reason: str, note: str = "") -> ReportFlag:
    current = lock_report(report.pk)
    if not current.is_public:
        raise ValidationError(_("This report is not public: there is nothing to flag."))
    if current.author_id == user.pk:
        raise ValidationError(_("You cannot flag your own report."))
    flag = ReportFlag(report=current, user=user, reason=reason, note=note.strip())
    flag.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            flag.save()
    except IntegrityError as error:
        raise ValidationError(_("You have already flagged this report; the moderators will review it.")) from error
    flaggers = ReportFlag.objects.filter(report=current, resolved_at__isnull=True).values("user").distinct().count()
    if flaggers >= settings.CONSULTATION_FLAGS_TO_HIDE:
        _set_hidden(current, True, "Hidden automatically after flags")
    return flag


@transaction.atomic
def report_review(*, report: MonitoringReport, user: User, hide: bool, reason: str) -> MonitoringReport:
    """Support staff decide: hide the report, or keep (or put back) it visible; its open flags are resolved."""
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Say why: the decision is kept in the report's history.")})
    current = lock_report(report.pk)
    ReportFlag.objects.filter(report=current, resolved_at__isnull=True).update(resolved_at=timezone.now())
    _set_hidden(current, hide, f"{'Hidden' if hide else 'Kept visible'}: {reason.strip()}")
    return current
