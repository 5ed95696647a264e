"""The IRM workspace's forms sum up their errors like every other form: one summary at the top, each field's
error a link to that field (WCAG 3.3.1), however many forms the page holds."""

import re

import pytest
from django.urls import reverse

from tests.factories import CommitmentFactory

pytestmark = pytest.mark.django_db


def summary(body: str) -> str:
    found = re.findall(r"<div[^>]*data-error-summary.*?</div>", body, flags=re.S)
    assert len(found) == 1, "exactly one error summary on the page"
    return found[0]


def test_recommendations_formset_links_each_error_to_its_field(researcher_client, report):
    url = reverse("irm_reports:recommendations-edit", args=[report.pk])
    data = {"form-TOTAL_FORMS": "2", "form-INITIAL_FORMS": "0", "form-0-kind": "design", "form-0-title": "",
            "form-1-kind": "not-a-kind", "form-1-title": "Publish progress"}  # fmt: skip
    response = researcher_client.post(url, data)
    assert response.status_code == 400
    box = summary(response.content.decode())
    assert 'href="#id_form-1-kind"' in box
    assert 'id="id_form-1-kind"' in response.content.decode()


def test_the_assessment_form_links_its_errors(researcher_client, report):
    commitment = CommitmentFactory(action_plan=report.action_plan)
    url = reverse("irm_reports:assessment-edit", args=[report.pk, commitment.pk])
    response = researcher_client.post(url, {"completion": "not-a-level"})
    box = summary(response.content.decode())
    assert 'href="#id_completion"' in box
