import pytest
from django.urls import reverse

from irm_reports.models import ResearcherAssignment

pytestmark = pytest.mark.django_db


def test_support_staff_assign_a_researcher_in_the_admin(client, staff_user, researcher, completed_plan):
    client.force_login(staff_user)
    url = reverse("admin:irm_reports_researcherassignment_add")
    response = client.post(url, {"action_plan": completed_plan.pk, "researcher": researcher.pk})
    assert response.status_code == 302
    assignment = ResearcherAssignment.objects.get()
    assert assignment.researcher == researcher and assignment.assigned_by == staff_user


def test_the_admin_lists_reports_and_assessments(client, staff_user, report):
    client.force_login(staff_user)
    for name in ("report", "commitmentassessment", "researcherassignment", "requirementassessment"):
        assert client.get(reverse(f"admin:irm_reports_{name}_changelist")).status_code == 200
    assert client.get(reverse("admin:irm_reports_report_change", args=[report.pk])).status_code == 200
