"""The API: monitoring reports read and written with the pages' rules; `civil_society_status` and `disputed` on
every commitment, the fast list path equal to the serializer, at a constant number of queries."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.test import APIClient, APIRequestFactory

from commitments.models import ActionPlan
from monitoring.models import Finding, MonitoringReport
from partnership.api.serializers import CommitmentSerializer
from partnership.api.views import CommitmentViewSet
from tests.factories import CommitmentFactory, MilestoneFactory, UserFactory
from tests.factories.monitoring import MonitoringReportFactory, ReportAnswerFactory

pytestmark = pytest.mark.django_db


def _reference(ids, path):
    request = Request(APIRequestFactory().get(path))
    view = CommitmentViewSet(request=request, format_kwarg=None, action="list")
    objects = {obj.pk: obj for obj in view.get_queryset().filter(pk__in=ids)}
    data = CommitmentSerializer([objects[pk] for pk in ids], many=True, context={"request": request}).data
    return json.loads(JSONRenderer().render(data))


@pytest.fixture
def monitored(commitment):
    """A commitment disputed (civil society: not started; government: complete), one disputed by a milestone,
    one agreed, one without reports."""
    commitment.completion = "complete"
    commitment.save()
    MonitoringReportFactory(commitment=commitment, finding=Finding.NOT_STARTED)
    by_milestone = CommitmentFactory(action_plan=commitment.action_plan, number="2", completion="limited")
    milestone = MilestoneFactory(commitment=by_milestone, status="completed", completed_on="2024-03-01")
    MonitoringReportFactory(commitment=by_milestone, milestone=milestone, finding=Finding.DELAYED)
    MonitoringReportFactory(commitment=by_milestone, finding=Finding.ON_TRACK)
    agreed = CommitmentFactory(action_plan=commitment.action_plan, number="3", completion="substantial")
    MonitoringReportFactory(commitment=agreed, finding=Finding.ON_TRACK)
    quiet = CommitmentFactory(action_plan=commitment.action_plan, number="4")
    return [commitment, by_milestone, agreed, quiet]


def test_commitments_carry_both_statuses_in_the_list_and_the_detail(monitored):
    api = APIClient()
    items = {item["id"]: item for item in api.get("/api/v1/commitments/?page_size=100").json()["results"]}
    got = [(items[c.pk]["civil_society_status"], items[c.pk]["disputed"]) for c in monitored]
    assert got == [("not_started", True), ("on_track", True), ("on_track", False), (None, False)]
    ids = [c.pk for c in monitored]
    assert [items[pk] for pk in ids] == _reference(ids, "/api/v1/commitments/")
    detail = api.get(f"/api/v1/commitments/{monitored[0].pk}/").json()
    assert (detail["civil_society_status"], detail["disputed"]) == ("not_started", True)


def test_the_commitment_list_costs_the_same_queries_with_more_monitored_commitments(monitored, commitment):
    api = APIClient()
    with CaptureQueriesContext(connection) as few:
        assert api.get("/api/v1/commitments/?page_size=100").status_code == 200
    for n in range(5):
        more = CommitmentFactory(action_plan=commitment.action_plan, number=f"9.{n}")
        MonitoringReportFactory(commitment=more, milestone=MilestoneFactory(commitment=more))
    from django.core.cache import cache

    cache.clear()
    with CaptureQueriesContext(connection) as many:
        assert api.get("/api/v1/commitments/?page_size=100").status_code == 200
    assert len(many) == len(few)


def test_reports_are_listed_by_commitment_at_a_constant_cost(monitored, django_assert_max_num_queries):
    api = APIClient()
    ReportAnswerFactory(report=MonitoringReport.objects.filter(commitment=monitored[0]).get())
    MonitoringReportFactory(commitment=monitored[0], draft=True)  # never listed
    response = api.get(f"/api/v1/monitoring-reports/?commitment={monitored[0].pk}")
    [item] = response.json()["results"]
    assert item["finding"] == "not_started" and item["answer"]["kind"] == "disputed"
    MonitoringReportFactory.create_batch(6, commitment=monitored[1])
    with django_assert_max_num_queries(6):
        assert len(api.get("/api/v1/monitoring-reports/").json()["results"]) == 10


def test_a_participant_files_through_the_api_with_the_same_rules(commitment, monitor, member):
    api = APIClient()
    payload = {"commitment": commitment.pk, "finding": "delayed", "text": "No works on site.", "on_behalf": True}
    assert api.post("/api/v1/monitoring-reports/", payload, format="json").status_code == 401
    api.force_authenticate(monitor)
    response = api.post("/api/v1/monitoring-reports/", payload, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["organisation"] == "Vecinos de Lavapiés" and response.json()["status"] == "submitted"
    co_creation = CommitmentFactory(action_plan__member=member, action_plan__status=ActionPlan.Status.CO_CREATION)
    refused = api.post("/api/v1/monitoring-reports/", {**payload, "commitment": co_creation.pk}, format="json")
    assert refused.status_code == 400 and "co-creation" in json.dumps(refused.json())
    api.force_authenticate(UserFactory())
    pk = response.json()["id"]
    assert api.patch(f"/api/v1/monitoring-reports/{pk}/", {"text": "Hijacked"}, format="json").status_code == 403


def test_the_author_edits_withdraws_and_the_point_of_contact_answers_through_the_api(
    commitment, monitor, point_of_contact
):
    from tests.consultations.files import png_upload

    api = APIClient()
    api.force_authenticate(monitor)
    created = api.post(
        "/api/v1/monitoring-reports/",
        {"commitment": commitment.pk, "finding": "delayed", "text": "Late.", "evidence": [png_upload("site.png")]},
        format="multipart",
    )
    assert created.status_code == 201, created.json()
    pk = created.json()["id"]
    assert created.json()["evidence"][0]["content_type"] == "image/png"
    edited = api.patch(f"/api/v1/monitoring-reports/{pk}/", {"text": "Very late."}, format="json")
    assert edited.status_code == 200 and edited.json()["text"] == "Very late."
    api.force_authenticate(point_of_contact)
    answered = api.post(
        f"/api/v1/monitoring-reports/{pk}/answer/", {"kind": "acknowledged", "text": "Yes."}, format="json"
    )
    assert answered.status_code == 200 and answered.json()["answer"]["kind"] == "acknowledged"
    api.force_authenticate(monitor)
    refused = api.patch(f"/api/v1/monitoring-reports/{pk}/", {"text": "Changed"}, format="json")
    assert refused.status_code == 403
    withdrawn = api.post(f"/api/v1/monitoring-reports/{pk}/withdraw/", {"reason": "Fixed since."}, format="json")
    assert withdrawn.status_code == 200 and withdrawn.json()["status"] == "withdrawn"
