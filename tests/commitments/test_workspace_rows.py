"""commitments.workspace_rows writes the commitments of a plan's workspace page: the same bytes as the reference
template (workspace/includes/_commitment_row.html) on the same plan, in every language, status and set of
permissions; and the page shows them."""

from datetime import date

import pytest
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from commitments.models import ActionPlan, Milestone
from commitments.selectors import workspace_plan_rows
from commitments.workspace_rows import workspace_commitment_rows
from tests.factories import OrganisationFactory
from tests.factories.commitments import ActionPlanFactory, CommitmentFactory, MilestoneFactory

pytestmark = pytest.mark.django_db
PERMISSIONS = [
    {"can_change": True, "can_report": False, "can_translate": True},
    {"can_change": False, "can_report": True, "can_translate": False},
    {"can_change": False, "can_report": False, "can_translate": False},
]


@pytest.fixture
def plan(member):
    plan = ActionPlanFactory(member=member, language="es")
    lead = OrganisationFactory(name="Ministerio de Hacienda & <Función Pública>")
    statuses = list(Milestone.Status)
    for i in range(6):
        commitment = CommitmentFactory(
            action_plan=plan,
            number=f"{i + 1}<b>",
            title=f"Publicar <contratos> & presupuestos {i}",
            lead_institution=lead if i % 2 else None,
            completion=["", "limited", "substantial", "complete"][i % 4],
        )
        for j in range(i % 4):  # one commitment without milestones, others with 1-3
            MilestoneFactory(
                commitment=commitment,
                order=j + 1,
                description=f"Hito <{j}> & más",
                due_date=None if j == 1 else date(2025, 1 + j, 15),
                status=(status := statuses[(i + j) % len(statuses)]),
                completed_on=date(2025, 1, 1) if status == Milestone.Status.COMPLETED else None,
            )
    return plan


def _reference(plan, **permissions) -> str:
    """The template on model instances, as the page rendered them before."""
    milestones = Milestone.objects.order_by(*Milestone.ORDER)
    commitments = (
        plan.commitments.select_related("lead_institution")
        .prefetch_related(Prefetch("milestones", queryset=milestones))
        .order_by("sort_key", "id")
    )
    return "".join(
        render_to_string(
            "commitments/workspace/includes/_commitment_row.html", {"commitment": c, "plan": plan, **permissions}
        )
        for c in commitments
    )


@pytest.mark.parametrize("language", ["en", "fr", "es"])
@pytest.mark.parametrize("status", [s.value for s in ActionPlan.Status])
@pytest.mark.parametrize("permissions", PERMISSIONS)
def test_the_rows_written_in_python_are_the_templates(plan, language, status, permissions):
    plan.status = status
    plan.save(update_fields=["status"])
    with translation.override(language):
        written = workspace_commitment_rows(workspace_plan_rows(plan=plan), plan, **permissions)
        assert written == _reference(plan, **permissions)
    assert written.count("<tr>\n") == plan.commitments.filter(milestones__isnull=False).count()


def test_the_page_lists_each_commitment_and_milestone_in_order(poc_client, plan):
    html = poc_client.get(reverse("commitments:workspace-plan", args=[plan.pk])).content.decode()
    numbers = [c.number for c in plan.commitments.order_by("sort_key", "id")]
    positions = [html.index(f'<span class="commitment-number">{escape(n)}</span>') for n in numbers]
    assert positions == sorted(positions)
    for milestone in Milestone.objects.filter(commitment__action_plan=plan):
        assert reverse("commitments:workspace-milestone-update", args=[milestone.pk]) in html
    assert "No commitment yet." not in html


def test_a_plan_without_commitments_says_so(poc_client, member):
    plan = ActionPlanFactory(member=member)
    html = poc_client.get(reverse("commitments:workspace-plan", args=[plan.pk])).content.decode()
    assert "No commitment yet." in html
    assert 'class="card"' not in html
