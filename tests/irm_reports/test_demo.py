import pytest

from accounts.models import User
from irm_reports.models import PublishedVersion, Report, ResearcherAssignment
from partnership.demo import seed_demo

pytestmark = pytest.mark.django_db


def test_the_demo_publishes_kaduna_states_results_report_once():
    result = seed_demo(password="demo-password-1")
    assert ("researcher@demo.ogp.example", "demo-password-1") in result["accounts"]
    researcher = User.objects.get(email="researcher@demo.ogp.example")
    assert researcher.role == User.Role.IRM_RESEARCHER
    report = Report.objects.get(action_plan__member__slug="kaduna-state", source=Report.Source.PORTAL)
    assert report.status == Report.Status.PUBLISHED and report.assessments.count() == 2
    assert report.assessments.filter(starred=True).count() == 1
    seed_demo()
    assert Report.objects.filter(source=Report.Source.PORTAL).count() == 1 and PublishedVersion.objects.count() == 1
    assert ResearcherAssignment.objects.filter(researcher=researcher).count() == 2
