"""Every API list costs the same number of queries with 10 rows and with 1,000."""

from datetime import date, timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from commitments.models import ActionPlan, Commitment, Member, Milestone, PolicyArea
from consultations.models import Consultation, Proposal
from irm_reports.models import CommitmentAssessment, Report, ReportRendering
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
LISTS = [
    "/api/v1/members/",
    "/api/v1/action-plans/",
    "/api/v1/commitments/",
    "/api/v1/commitments/?policy_area=open-data&country=KE&search=budget",
    "/api/v1/consultations/",
    "/api/v1/proposals/",
    "/api/v1/proposals/?sort=supported",
    "/api/v1/reports/",
]


def _add(n: int, start: int) -> None:
    """n rows of every kind, in bulk; each commitment with a policy area, a milestone and an assessment."""
    area, _created = PolicyArea.objects.get_or_create(slug="open-data", defaults={"name": "Open Data"})
    author = UserFactory()
    members = Member.objects.bulk_create(
        Member(name=f"Member {i}", slug=f"m-{i}", kind="local", country="KE", region="africa_middle_east")
        for i in range(start, start + n)
    )
    plans = ActionPlan.objects.bulk_create(
        ActionPlan(member=m, number=1, title=f"Plan {m.pk}", start_date=date(2024, 1, 1), end_date=date(2025, 12, 31))
        for m in members
    )
    commitments = Commitment.objects.bulk_create(
        Commitment(action_plan=p, number="1", sort_key="000001", title=f"Open budget {p.pk}") for p in plans
    )
    Commitment.policy_areas.through.objects.bulk_create(
        Commitment.policy_areas.through(commitment_id=c.pk, policyarea_id=area.pk) for c in commitments
    )
    Milestone.objects.bulk_create(Milestone(commitment=c, description="Publish") for c in commitments)
    now = timezone.now()
    reports = Report.objects.bulk_create(
        Report(action_plan=p, report_type="results_report", methodology="refresh_2021", published_at=now) for p in plans
    )
    renderings = ReportRendering.objects.bulk_create(
        ReportRendering(
            report=r, version=1, language=r.language, status="done", pdf=f"r{r.pk}.pdf", pdf_sha256="0" * 64
        )
        for r in reports
    )
    for report, rendering in zip(reports, renderings, strict=True):
        report.rendering, report.status = rendering, "published"
    Report.objects.bulk_update(reports, ["rendering", "status"])
    CommitmentAssessment.objects.bulk_create(
        CommitmentAssessment(report=r, commitment=c, completion="complete", starred=True, is_latest=True)
        for r, c in zip(reports, commitments, strict=True)
    )
    consultations = Consultation.objects.bulk_create(
        Consultation(
            action_plan=p,
            title=f"Consultation {p.pk}",
            opens_at=now - timedelta(days=1),
            closes_at=now + timedelta(days=9),
            response_due_on=(now + timedelta(days=40)).date(),
        )
        for p in plans
    )
    Proposal.objects.bulk_create(
        Proposal(
            consultation=c,
            author=author,
            title=f"Proposal {c.pk}",
            problem="P",
            solution="S",
            status="submitted",
            submitted_at=now,
            support_count=c.pk % 7,
        )
        for c in consultations
    )


def _queries(api, url) -> int:
    cache.clear()  # the uncached path (bulk_create does not change the content version)
    with CaptureQueriesContext(connection) as ctx:
        response = api.get(url)
    assert response.status_code == 200, (url, response.content[:300])
    return len(ctx.captured_queries)


def test_every_list_costs_the_same_at_10_and_1000_rows():
    api = APIClient()
    _add(10, 0)
    small = {url: _queries(api, url) for url in LISTS}
    _add(990, 10)
    large = {url: _queries(api, url) for url in LISTS}
    assert large == small
