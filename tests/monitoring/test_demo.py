"""The demo: a plan in implementation with findings from several organisations, photos, places, a dispute and
its answer; a second load adds nothing."""

import time
from io import StringIO

import pytest
from django.core.management import call_command

from monitoring.demo import seed_monitoring
from monitoring.models import MonitoringReport, ReportAnswer, ReportEvidence

pytestmark = pytest.mark.django_db


def test_the_demo_has_findings_a_dispute_and_its_answer(client):
    call_command("seed_demo", "--password", "demo-pass-123", stdout=StringIO())
    reports = MonitoringReport.objects.filter(status="submitted")
    assert reports.count() == 3
    assert reports.values("organisation").distinct().count() == 3
    assert reports.filter(latitude__isnull=False).count() == 3
    assert ReportEvidence.objects.filter(content_type="image/jpeg").count() == 2
    answer = ReportAnswer.objects.get()
    assert answer.kind == "disputed"
    page = client.get(answer.report.commitment.get_absolute_url()).content.decode()
    assert "data-disputed" in page and "projects portal" in page
    plan_page = client.get(f"/action-plans/{answer.report.commitment.action_plan_id}/monitoring/").content.decode()
    assert "<circle" in plan_page and "Open disputes" in plan_page
    started = time.monotonic()
    assert seed_monitoring() == 0
    assert time.monotonic() - started < 3
    assert MonitoringReport.objects.count() == 3
