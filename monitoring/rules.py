"""Who may do what in monitoring: the same names for pages, the API, templates and the admin."""

import rules

from accounts.rules import is_member_manager, is_participant, is_support_staff, owned_by_member
from commitments.rules import is_lead_institution_contact
from monitoring.models import MonitoringReport, ReportEvidence

owned_by_member(MonitoringReport, lambda report: report.commitment.action_plan.member_id)
owned_by_member(ReportEvidence, lambda evidence: evidence.report.commitment.action_plan.member_id)


def _report(obj) -> MonitoringReport | None:
    if isinstance(obj, ReportEvidence):
        return obj.report
    return obj if isinstance(obj, MonitoringReport) else None


@rules.predicate
def is_report_author(user, obj) -> bool:
    report = _report(obj)
    return bool(user.is_authenticated and user.is_active and report is not None and report.author_id == user.pk)


@rules.predicate
def is_public_report(user, obj) -> bool:
    report = _report(obj)
    return report is not None and report.is_public


@rules.predicate
def is_submitted(user, obj) -> bool:
    report = _report(obj)
    return report is not None and report.status == MonitoringReport.Status.SUBMITTED


@rules.predicate
def is_editable(user, obj) -> bool:
    report = _report(obj)
    return report is not None and report.status != MonitoringReport.Status.WITHDRAWN and not hasattr(report, "answer")


@rules.predicate
def is_not_withdrawn(user, obj) -> bool:
    report = _report(obj)
    return report is not None and report.status != MonitoringReport.Status.WITHDRAWN


@rules.predicate
def is_not_author(user, obj) -> bool:
    report = _report(obj)
    return report is not None and report.author_id != user.pk


@rules.predicate
def is_lead_contact(user, obj) -> bool:
    """A contact, now, of the lead institution of the report's commitment: the report is addressed to it too."""
    report = _report(obj)
    return report is not None and is_lead_institution_contact(user, report.commitment)


# The member's team, or a contact of the commitment's lead institution.
_manager_of_submitted = is_submitted & (is_member_manager | is_lead_contact)
rules.add_perm("monitoring.add_monitoringreport", is_participant)
rules.add_perm(
    "monitoring.read_monitoringreport", is_public_report | is_report_author | (is_support_staff & is_submitted)
)
rules.add_perm("monitoring.edit_monitoringreport", is_report_author & is_editable)
rules.add_perm("monitoring.withdraw_monitoringreport", is_report_author & is_not_withdrawn)
rules.add_perm("monitoring.answer_monitoringreport", _manager_of_submitted & ~is_report_author)
rules.add_perm(
    "monitoring.flag_monitoringreport", rules.is_authenticated & rules.is_active & is_public_report & is_not_author
)
rules.add_perm("monitoring.moderate_monitoringreport", is_support_staff)
rules.add_perm(
    "monitoring.read_reportevidence", is_public_report | is_report_author | (is_support_staff & is_submitted)
)
# The point of contact's list of a plan's reports, with those awaiting an answer first.
rules.add_perm("monitoring.answer_actionplan", is_member_manager)
# Admin: support staff manage every model of the app.
for _name in ("monitoringreport", "reportevidence", "reportanswer", "reportflag", "commitmentmonitoring"):
    for _action in ("view", "change", "delete"):
        rules.add_perm(f"monitoring.{_action}_{_name}", is_support_staff)
