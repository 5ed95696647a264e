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


def test_an_assignment_cannot_be_moved_to_another_researcher_in_the_admin(
    client, staff_user, researcher, other_researcher, assigned, report
):
    """Changing the researcher would have added the new pair and kept the old one (and its access)."""
    client.force_login(staff_user)
    url = reverse("admin:irm_reports_researcherassignment_change", args=[assigned.pk])
    page = client.get(url).content.decode()
    assert 'name="researcher"' not in page and 'name="action_plan"' not in page
    client.post(url, {"action_plan": assigned.action_plan_id, "researcher": other_researcher.pk})
    assert list(ResearcherAssignment.objects.values_list("researcher_id", flat=True)) == [researcher.pk]
    assert not other_researcher.has_perm("irm_reports.work_on_report", report)
