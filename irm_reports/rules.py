"""Who may do what with IRM reports: one predicate per rule, for views, the API, templates and admin.

Support staff may do everything; an IRM researcher works on the plans they are assigned to; the
public sees published reports only. The roles are defined once, in accounts/rules.py.
"""

import rules

from accounts.rules import is_researcher, is_support_staff
from commitments.models import ActionPlan
from irm_reports.models import CommitmentAssessment, Report
from irm_reports.researcher_selectors import assigned_plan_ids


def plan_id_of(obj) -> int | None:
    if isinstance(obj, ActionPlan):
        return obj.pk
    if isinstance(obj, Report):
        return obj.action_plan_id
    if isinstance(obj, CommitmentAssessment):
        return obj.report.action_plan_id
    return None


def report_of(obj) -> Report | None:
    if isinstance(obj, Report):
        return obj
    if isinstance(obj, CommitmentAssessment):
        return obj.report
    return None


ASSIGNED = "_irm_assigned_plans"  # on a user instance: its assigned plans' ids, as is_assigned_researcher read them


@rules.predicate
def is_assigned_researcher(user, obj) -> bool:
    """The user is an IRM researcher assigned to the plan obj belongs to.

    The user's assignments to every plan are read once per user instance (one statement, kept): a report's page
    asks six permissions of one report. A user instance lives for one request (or one task).
    Like Django's ModelBackend, which keeps a user's permissions on the instance (`_perm_cache`), a change is seen
    by the next request's user; researcher_assign() and researcher_unassign() forget it on the instance they get.
    """
    plan_id = plan_id_of(obj)
    if plan_id is None or not is_researcher(user):
        return False
    assigned = getattr(user, ASSIGNED, None)
    if assigned is None:
        assigned = assigned_plan_ids(researcher_id=user.pk)
        setattr(user, ASSIGNED, assigned)  # through request.user's lazy wrapper too
    return plan_id in assigned


@rules.predicate
def is_published(user, obj) -> bool:
    report = report_of(obj)
    return report is not None and report.status == Report.Status.PUBLISHED


@rules.predicate
def is_editable(user, obj) -> bool:
    report = report_of(obj)
    return report is not None and report.is_editable


@rules.predicate
def is_renderable(user, obj) -> bool:
    report = report_of(obj)
    return report is not None and report.status in (Report.Status.DRAFT, Report.Status.FAILED, Report.Status.READY)


@rules.predicate
def is_ready(user, obj) -> bool:
    report = report_of(obj)
    return report is not None and report.status == Report.Status.READY


is_report_team = is_support_staff | is_assigned_researcher

rules.add_perm("irm_reports.use_workspace", is_support_staff | is_researcher)
# obj: the action plan
rules.add_perm("irm_reports.add_report", is_report_team)
# obj: the report
rules.add_perm("irm_reports.view_report", is_report_team | is_published)
rules.add_perm("irm_reports.work_on_report", is_report_team)
rules.add_perm("irm_reports.change_report", is_report_team & is_editable)
rules.add_perm("irm_reports.render_report", is_report_team & is_renderable)
rules.add_perm("irm_reports.publish_report", is_report_team & is_ready)
rules.add_perm("irm_reports.reopen_report", is_report_team & is_published)
