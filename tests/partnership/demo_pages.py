"""The demo's detail pages for the tests of this folder: the demo itself (a module's fixture, in conftest.py), its
pages' HTML, and the addresses of pages with something in each panel."""

import re
from datetime import date

from commitments.models import ActionPlan, Member, ProgressUpdate, StandardRequirement
from common.cache import bump_content_version
from consultations.models import Consultation, Proposal, RequirementMark
from irm_reports.models import CommitmentAssessment
from monitoring.models import CommitmentMonitoring
from peers.models import SimilarCommitment
from support.models import Engagement
from tests.factories.drafting import published_draft


def page_html(client, address: str, language: str) -> str:
    bump_content_version()  # never the page cache's copy
    client.cookies["django_language"] = language
    response = client.get(address)
    assert response.status_code == 200, address
    return re.sub(r'(value|nonce)="[^"]*"', "", response.content.decode())  # a new CSRF token and nonce each time


def drafted() -> str:
    """The page of a commitment shaped by a published draft (the demo's review of a draft is not open today)."""
    plan = ActionPlan.objects.filter(status=ActionPlan.Status.CO_CREATION, commitments__isnull=False).first()
    published_draft(action_plan=plan)
    return plan.commitments.order_by("pk").first().get_absolute_url()


def marked() -> None:
    """A requirement of the first plan marked by the support unit (the demo marks none)."""
    requirement = StandardRequirement.objects.minimum(StandardRequirement.Version.V2021.value).first()
    note = "Minutes published on the portal."
    RequirementMark.objects.create(
        action_plan=ActionPlan.objects.first(), requirement=requirement, status="met", note=note
    )


def filled_addresses() -> list[str]:
    """Pages with something in each panel: at most three of each kind."""
    related = [CommitmentAssessment.objects.filter(is_latest=True), SimilarCommitment.objects.all(),
               Engagement.commitments.through.objects.all(), CommitmentMonitoring.objects.filter(report_count__gt=0),
               ProgressUpdate.objects.all()]  # fmt: skip
    assert all(rows.exists() for rows in related)
    commitments = {pk for rows in related for pk in rows.values_list("commitment_id", flat=True)[:3]}
    having = ("local_members", "status_events", "forum", "support_requests", "partner_engagements")
    members = [Member.objects.filter(**{f"{name}__isnull": False}).distinct()[:3] for name in having]
    open_now = Consultation.objects.open_now()
    members.append(Member.objects.filter(action_plans__consultations__in=open_now).distinct()[:3])
    members.append(Member.objects.filter(cycle_steps__due_on__gte=date.today()).distinct()[:3])
    having = ("consultations", "reports", "requirement_marks", "forum_meetings")
    plans = [ActionPlan.objects.filter(**{f"{name}__isnull": False}).distinct()[:3] for name in having]
    plans.append(ActionPlan.objects.filter(commitments__monitoring__report_count__gt=0).distinct()[:3])
    having = ("comments", "response", "attachments")
    proposals = [Proposal.objects.public().filter(**{f"{name}__isnull": False}).distinct()[:3] for name in having]
    consultations = [Consultation.objects.filter(proposals__isnull=False).distinct()[:3]]
    return sorted(
        {f"/commitments/{pk}/" for pk in commitments}
        | {row.get_absolute_url() for rows in (*members, *plans, *proposals, *consultations) for row in rows}
    )
