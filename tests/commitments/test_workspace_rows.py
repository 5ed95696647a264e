"""commitments.workspace_rows writes the commitments of a plan's workspace page: the same bytes as the reference
template (workspace/includes/_commitment_row.html) on the same plan, in every language, status and set of
permissions; and the page shows them."""

import itertools
from datetime import date

import pytest
from django.db.models import F, Prefetch
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from commitments.models import ActionPlan, Milestone
from commitments.selectors import workspace_plan_rows
from commitments.workspace_rows import workspace_commitment_rows
from tests.factories import OrganisationFactory
from tests.factories.commitments import ActionPlanFactory, CommitmentFactory, MilestoneFactory

pytestmark = pytest.mark.django_db
PERMISSIONS = [
    {"can_change": change, "can_report": report, "can_translate": translate}
    for change, report, translate in itertools.product([True, False], repeat=3)
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


def _positions(html: str, marks: list[str]) -> list[int]:
    return [html.index(mark) for mark in marks]


def test_the_page_lists_commitments_and_milestones_in_their_order(poc_client, member):
    """Numbers in their natural order ("2", "9", "10", whatever order they were written in), milestones by their
    order then due date (none last), whatever order they were written in."""
    plan = ActionPlanFactory(member=member, status="co_creation")
    for number in ("10", "9", "2"):
        CommitmentFactory(action_plan=plan, number=number)
    first = plan.commitments.get(number="2")
    for order, due in ((2, date(2025, 1, 1)), (1, None), (1, date(2025, 9, 1)), (1, date(2025, 3, 1))):
        MilestoneFactory(commitment=first, order=order, due_date=due)
    html = poc_client.get(reverse("commitments:workspace-plan", args=[plan.pk])).content.decode()
    numbers = _positions(html, [f'<span class="commitment-number">{n}</span>' for n in ("2", "9", "10")])
    assert numbers == sorted(numbers)
    expected = first.milestones.order_by("order", F("due_date").asc(nulls_last=True), "id")
    assert [m.due_date for m in expected] == [date(2025, 3, 1), date(2025, 9, 1), None, date(2025, 1, 1)]
    links = _positions(html, [reverse("commitments:workspace-milestone-update", args=[m.pk]) for m in expected])
    assert links == sorted(links)
    assert "No commitment yet." not in html


def test_a_plan_without_commitments_says_so(poc_client, member):
    plan = ActionPlanFactory(member=member)
    html = poc_client.get(reverse("commitments:workspace-plan", args=[plan.pk])).content.decode()
    assert "No commitment yet." in html
    assert 'class="card"' not in html


def test_a_commitment_written_between_the_two_reads_waits_for_the_next_page(plan):
    """Another request commits a commitment with a milestone after the rows were read, before their milestones."""
    from django.db import connection

    added = []

    def write_between(execute, sql, params, many, context):
        if not added and sql.startswith("SELECT") and 'FROM "commitments_milestone"' in sql:
            added.append(MilestoneFactory(commitment=CommitmentFactory(action_plan=plan)))
        return execute(sql, params, many, context)

    before = plan.commitments.count()
    with connection.execute_wrapper(write_between):
        rows = workspace_plan_rows(plan=plan)
    assert added and len(rows) == before
    listed = Milestone.objects.filter(commitment__action_plan=plan).exclude(pk=added[0].pk)
    assert sorted(m["id"] for row in rows for m in row["milestones"]) == sorted(listed.values_list("pk", flat=True))


def test_an_address_under_a_script_prefix_is_escaped_as_the_template_escapes_it(plan):
    from django.urls import get_script_prefix, set_script_prefix

    permissions = {"can_change": True, "can_report": True, "can_translate": True}
    previous = get_script_prefix()
    set_script_prefix("/o&g/")
    try:
        written = workspace_commitment_rows(workspace_plan_rows(plan=plan), plan, **permissions)
        assert written == _reference(plan, **permissions) and 'href="/o&amp;g/' in written
    finally:
        set_script_prefix(previous)
