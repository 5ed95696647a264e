"""Audit history: what IRM researchers and the support unit change in reports is kept, with who did it."""

import pytest
from django.urls import reverse

from irm_reports.models import CommitmentAssessment, Recommendation, ResearcherAssignment
from tests.factories import CommitmentFactory, UserFactory

pytestmark = pytest.mark.django_db


def _admin_history(client, model_name: str, pk: int) -> str:
    client.force_login(UserFactory(staff=True))
    page = client.get(reverse(f"admin:irm_reports_{model_name}_history", args=[pk]))
    assert page.status_code == 200
    return page.content.decode()


def test_a_researchers_assessment_is_recorded_with_the_researcher_and_shown_in_the_admin(
    researcher_client, researcher, report
):
    commitment = CommitmentFactory(action_plan=report.action_plan, number="1")
    url = reverse("irm_reports:assessment-edit", args=[report.pk, commitment.pk])
    researcher_client.post(url, {"verifiable": "yes", "completion": "substantial"})
    researcher_client.post(url, {"verifiable": "yes", "completion": "complete"})
    assessment = CommitmentAssessment.objects.get(commitment=commitment)
    records = list(assessment.history.all())
    assert [r.completion for r in records] == ["complete", "substantial"]
    assert {r.history_user for r in records} == {researcher}
    assert str(researcher) in _admin_history(researcher_client, "commitmentassessment", assessment.pk)


def test_recommendations_replaced_in_bulk_keep_their_history(researcher_client, researcher, report):
    url = reverse("irm_reports:recommendations-edit", args=[report.pk])
    for title in ("Make milestones measurable", "Publish progress quarterly"):
        data = {"form-TOTAL_FORMS": "1", "form-INITIAL_FORMS": "0", "form-0-kind": "design", "form-0-title": title}
        assert researcher_client.post(url, data).status_code == 302
    history = Recommendation.history.order_by("history_id")
    assert [(r.title, r.history_type) for r in history] == [
        ("Make milestones measurable", "+"),
        ("Make milestones measurable", "-"),
        ("Publish progress quarterly", "+"),
    ]
    assert {r.history_user for r in history} == {researcher}
    current = Recommendation.objects.get()
    assert str(researcher) in _admin_history(researcher_client, "recommendation", current.pk)


def test_the_support_unit_assigning_a_researcher_is_recorded(client, completed_plan):
    staff = UserFactory(staff=True)
    researcher = UserFactory(researcher=True)
    client.force_login(staff)
    response = client.post(
        reverse("admin:irm_reports_researcherassignment_add"),
        {"action_plan": completed_plan.pk, "researcher": researcher.pk},
    )
    assert response.status_code == 302
    assignment = ResearcherAssignment.objects.get(researcher=researcher)
    assert assignment.history.get().history_user == staff
    assert str(staff) in _admin_history(client, "researcherassignment", assignment.pk)
