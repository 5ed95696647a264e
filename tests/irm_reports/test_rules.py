"""Who may do what with a report: role × report status, checked on the server by the rules."""

import pytest

from irm_reports import fieldsets
from irm_reports.models import Report
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "participant", "point_of_contact", "unassigned_researcher", "assigned_researcher", "staff"]
TEAM = {"assigned_researcher", "staff"}


@pytest.fixture
def users(researcher, other_researcher, point_of_contact, participant, staff_user, assigned):
    from django.contrib.auth.models import AnonymousUser

    return {
        "anonymous": AnonymousUser(),
        "participant": participant,
        "point_of_contact": point_of_contact,
        "unassigned_researcher": other_researcher,
        "assigned_researcher": researcher,
        "staff": staff_user,
    }


def expected(perm: str, role: str, status: str) -> bool:
    team = role in TEAM
    return {
        "irm_reports.view_report": team or status == "published",
        "irm_reports.work_on_report": team,
        "irm_reports.change_report": team and status in ("draft", "ready", "failed"),
        "irm_reports.render_report": team and status in ("draft", "ready", "failed"),
        "irm_reports.publish_report": team and status == "ready",
        "irm_reports.reopen_report": team and status == "published",
    }[perm]


@pytest.mark.parametrize("status", [s.value for s in Report.Status])
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    "perm",
    [
        "irm_reports.view_report",
        "irm_reports.work_on_report",
        "irm_reports.change_report",
        "irm_reports.render_report",
        "irm_reports.publish_report",
        "irm_reports.reopen_report",
    ],
)
def test_report_permissions(users, report, perm, role, status):
    report.status = status
    assert users[role].has_perm(perm, report) is expected(perm, role, status)


@pytest.mark.parametrize("role", ROLES)
def test_only_the_plan_team_starts_a_report(users, completed_plan, role):
    assert users[role].has_perm("irm_reports.add_report", completed_plan) is (role in TEAM)


def test_an_inactive_researcher_loses_access(researcher, report):
    researcher.is_active = False
    assert not researcher.has_perm("irm_reports.work_on_report", report)


def test_the_workspace_is_for_researchers_and_staff(researcher, staff_user, point_of_contact):
    assert researcher.has_perm("irm_reports.use_workspace") and staff_user.has_perm("irm_reports.use_workspace")
    assert not point_of_contact.has_perm("irm_reports.use_workspace")
    assert not UserFactory().has_perm("irm_reports.use_workspace")


def test_the_assignment_read_once_follows_the_assignment_services(researcher, report):
    from irm_reports.services import researcher_assign, researcher_unassign

    plan = report.action_plan
    assert researcher.has_perm("irm_reports.work_on_report", report)
    researcher_unassign(plan=plan, researcher=researcher)
    assert not researcher.has_perm("irm_reports.work_on_report", report)
    assert not type(researcher).objects.get(pk=researcher.pk).has_perm("irm_reports.work_on_report", report)
    researcher_assign(plan=plan, researcher=researcher)
    assert researcher.has_perm("irm_reports.change_report", report)


def test_an_unassigned_researchers_next_request_is_refused(researcher, researcher_client, report):
    from django.urls import reverse

    from irm_reports.services import researcher_unassign

    address = reverse("irm_reports:report-detail", args=[report.pk])
    assert researcher_client.get(address).status_code == 200
    researcher_unassign(plan=report.action_plan, researcher=type(researcher).objects.get(pk=researcher.pk))
    assert researcher_client.get(address).status_code == 403


def test_a_researchers_plans_are_read_once_by_a_statement_kept_for_every_researcher(django_assert_num_queries):
    from common import compiled_models
    from irm_reports import researcher_selectors
    from tests.factories import ActionPlanFactory
    from tests.factories.irm_reports import ResearcherAssignmentFactory

    plans = [ActionPlanFactory() for _ in range(4)]
    researchers = [UserFactory(researcher=True) for _ in range(4)]
    for researcher, assigned in zip(researchers, [plans[:2], plans[1:3], [], [plans[3]]], strict=True):
        for plan in assigned:
            ResearcherAssignmentFactory(action_plan=plan, researcher=researcher)
    allowed = {}
    for researcher in researchers:
        fresh = type(researcher).objects.get(pk=researcher.pk)
        with django_assert_num_queries(1):  # one statement for every plan asked about
            allowed[researcher.pk] = [fresh.has_perm("irm_reports.add_report", plan) for plan in plans]
    kept = researcher_selectors._ASSIGNMENTS.compiled
    assert kept not in (None, compiled_models._UNCOMPILED)  # kept: the same statement for each researcher
    assert list(allowed.values()) == [
        [True, True, False, False], [False, True, True, False], [False] * 4, [False, False, False, True],
    ]  # fmt: skip


@pytest.mark.parametrize("report_type", [*fieldsets.REQUIREMENT_SCOPE])
def test_a_reports_requirements_are_those_in_the_scope_of_its_type(report_type, completed_plan):
    """Three reports of one type (one per language): the first through the ORM, the next by the kept statement."""
    from commitments.models import StandardRequirement
    from irm_reports import selectors
    from tests.factories.irm_reports import ReportFactory

    version, phase, _required = fieldsets.REQUIREMENT_SCOPE[report_type]
    expected = list(StandardRequirement.objects.in_scope(version=version, phase=phase).order_by("order"))
    assert expected  # the standards' requirements are loaded by the migrations
    for language in ("en", "fr", "es"):  # through the ORM, then the kept statement
        report = ReportFactory(action_plan=completed_plan, report_type=report_type, language=language)
        assert [requirement for requirement, _assessment in selectors.requirement_rows(report=report)] == expected
