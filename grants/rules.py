"""Who may do what with grant calls: organisations apply, the support unit reviews and decides.

An application belongs to its organisation: any confirmed member of it may read, edit and submit it.
"""

import rules

from accounts.rules import is_support_staff
from grants.models import ApplicationAttachment, GrantApplication, GrantCall, ReportingMilestone


def _active(user) -> bool:
    return user.is_authenticated and user.is_active


def application_of(obj) -> GrantApplication | None:
    if isinstance(obj, GrantApplication):
        return obj
    if isinstance(obj, ApplicationAttachment | ReportingMilestone):
        return obj.application
    return None


@rules.predicate
def has_confirmed_organisation(user) -> bool:
    return _active(user) and user.confirmed_organisation is not None


@rules.predicate
def speaks_for_applicant(user, obj) -> bool:
    """A confirmed member of the organisation that applied."""
    application = application_of(obj)
    return (
        application is not None
        and has_confirmed_organisation(user)
        and user.organisation_id == application.organisation_id
    )


@rules.predicate
def is_call_open(user, obj) -> bool:
    call = obj if isinstance(obj, GrantCall) else getattr(application_of(obj), "call", None)
    return call is not None and call.is_open


@rules.predicate
def is_call_published(user, obj) -> bool:
    return isinstance(obj, GrantCall) and obj.is_published


@rules.predicate
def is_draft(user, obj) -> bool:
    application = application_of(obj)
    return application is not None and application.status == GrantApplication.Status.DRAFT


@rules.predicate
def is_under_review(user, obj) -> bool:
    application = application_of(obj)
    return application is not None and application.status == GrantApplication.Status.SUBMITTED


@rules.predicate
def is_awarded(user, obj) -> bool:
    application = application_of(obj)
    return application is not None and application.status == GrantApplication.Status.AWARDED


rules.add_perm("grants.read_grantcall", is_call_published | is_support_staff)
rules.add_perm("grants.apply_grantcall", is_call_open & has_confirmed_organisation)
rules.add_perm("grants.read_grantapplication", speaks_for_applicant | is_support_staff)
rules.add_perm("grants.edit_grantapplication", speaks_for_applicant & is_draft & is_call_open)
rules.add_perm("grants.submit_grantapplication", speaks_for_applicant & is_draft & is_call_open)
rules.add_perm("grants.read_applicationattachment", speaks_for_applicant | is_support_staff)
rules.add_perm("grants.review_grantapplication", is_support_staff & is_under_review)
rules.add_perm("grants.decide_grantapplication", is_support_staff & is_under_review)
rules.add_perm("grants.record_reportingmilestone", is_support_staff & is_awarded)
rules.add_perm("grants.review_queue", is_support_staff)
