"""The rules every write on a report shares: who may file, on which plans, and the files they join."""

from django.core.exceptions import ValidationError
from django.db.models import Count
from django.utils.translation import gettext as _

from accounts.models import Organisation, User
from commitments.models import ActionPlan, Commitment
from common.db import CompiledOnce
from common.uploads import check_upload_quota
from consultations.uploads import CheckedUpload, check_attachment
from monitoring.models import MonitoringReport, ReportEvidence
from monitoring.selectors import END_OF_TERM_PUBLISHED, PLAN_END_OF_TERM_PUBLISHED, end_of_term_reports

MAX_EVIDENCE = 5


def is_verified(user: User) -> bool:
    return bool(
        user.is_authenticated
        and user.is_active
        and user.role == User.Role.PARTICIPANT
        and user.emailaddress_set.filter(verified=True).exists()
    )


def require_verified(user: User, organisation: Organisation | None) -> None:
    if not is_verified(user):
        raise ValidationError(
            _(
                "Only a participant whose e-mail address is verified can file a monitoring report. "
                "Confirm your address from the e-mail we sent you, then try again."
            ),
            code="unverified",
        )
    if organisation is not None and organisation != user.confirmed_organisation:
        raise ValidationError({"organisation": _("You can only speak for your own organisation.")})


def plan_accepts_monitoring(plan: ActionPlan, *, end_of_term_published: bool | None = None) -> bool:
    """During implementation, and after it until the plan's end-of-term IRM report is published (asked of the
    database unless `end_of_term_published` says, or the plan's row read it: its page, common.hints)."""
    if plan.status == ActionPlan.Status.IMPLEMENTATION:
        return True
    if plan.status != ActionPlan.Status.COMPLETED:
        return False
    if end_of_term_published is None:
        end_of_term_published = PLAN_END_OF_TERM_PUBLISHED.known(plan)
    if end_of_term_published is None:
        end_of_term_published = bool(_END_OF_TERM_PUBLISHED(plan.pk)["count"])
    return not end_of_term_published


def commitment_accepts_monitoring(commitment: Commitment) -> bool:
    """plan_accepts_monitoring() of the commitment's plan, without a query when the commitment's page read whether
    the plan's end-of-term report is published (common.hints)."""
    published = END_OF_TERM_PUBLISHED.known(commitment)
    return plan_accepts_monitoring(commitment.action_plan, end_of_term_published=published)


# Asked by every commitment page of a completed plan: its SQL written once (a few rows of one plan's reports).
_END_OF_TERM_PUBLISHED = CompiledOnce(lambda plan_id: end_of_term_reports(plan_id).aggregate(count=Count("pk")))


def require_monitoring_open(commitment: Commitment) -> ActionPlan:
    """The plan's row locked, and its state checked: monitoring is for plans being implemented."""
    plan = ActionPlan.objects.select_for_update().get(pk=commitment.action_plan_id)
    if not plan_accepts_monitoring(plan):
        if plan.status in (ActionPlan.Status.CO_CREATION, ActionPlan.Status.SUBMITTED):
            message = _(
                "This plan is still in co-creation: monitoring reports open when its implementation starts. "
                "Send a proposal to its consultation instead."
            )
        else:
            message = _("This plan is no longer monitored: its end-of-term IRM report is published.")
        raise ValidationError(message, code="closed")
    return plan


def check_evidence(uploads, *, already: int = 0) -> list[CheckedUpload]:
    """Every file checked by its content first (a bad one leaves nothing saved): PDF documents and images."""
    uploads = [upload for upload in uploads if upload]
    if already + len(uploads) > MAX_EVIDENCE:
        raise ValidationError({"evidence": _("A report can have at most %(limit)d files.") % {"limit": MAX_EVIDENCE}})
    errors, checked = [], []
    for upload in uploads:
        try:
            checked.append(check_attachment(upload))
        except ValidationError as error:
            errors.extend(error.messages)
    if errors:
        raise ValidationError({"evidence": errors})
    return checked


def check_quota(*, user: User, checked: list[CheckedUpload], freed: int = 0) -> None:
    """The author's files, all apps together, stay within the one quota (common.uploads)."""
    check_upload_quota(user=user, incoming=sum(item.size for item in checked), freed=freed, field="evidence")


def store_evidence(report: MonitoringReport, checked: list[CheckedUpload]) -> None:
    """Files are written last, after every check has passed, so a refused report leaves no file behind."""
    for item in checked:
        evidence = ReportEvidence(
            report=report, original_name=item.name, content_type=item.content_type, size=item.size
        )
        evidence.file.save(item.name, item.upload, save=False)
        evidence.save()


def delete_evidence(evidence: ReportEvidence) -> None:
    name, storage = evidence.file.name, evidence.file.storage
    evidence.delete()
    if name:
        storage.delete(name)


def lock_report(pk: int) -> MonitoringReport:
    return MonitoringReport.objects.select_for_update(of=("self",)).select_related("commitment__action_plan").get(pk=pk)
