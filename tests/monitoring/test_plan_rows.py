"""monitoring.plan_rows writes the commitments and open disputes of a plan's monitoring page from the rows
monitoring.plan_page reads: the same bytes as the reference templates (_plan_commitment_row.html, _plan_dispute.html)
rendered on model instances, in every language, with translations, disputes, overdue milestones and files."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.db.models import Prefetch, prefetch_related_objects
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from commitments.models import Commitment, Milestone
from commitments.services.translations import commitment_translation_save
from common.translations import page_translations
from monitoring import plan_page
from monitoring.models import Finding, ReportEvidence
from monitoring.plan_rows import commitment_rows, dispute_items
from monitoring.selectors import commitment_state
from monitoring.services.status import monitoring_refresh
from tests.factories import ActionPlanFactory, CommitmentFactory, MilestoneFactory, OrganisationFactory
from tests.factories.monitoring import MonitoringReportFactory, ReportAnswerFactory
from tests.pages import page_in, query_count

pytestmark = pytest.mark.django_db
LONG = "Publicar <contratos> & presupuestos de los distritos, con sus anexos y el calendario de cada obra pública"


def _evidence(report, count: int) -> None:
    for n in range(count):
        name = f"foto-{n}.pdf"
        ReportEvidence.objects.create(
            report=report, file=ContentFile(b"%PDF-1.4", name=name), original_name=name,
            content_type="application/pdf", size=8,
        )  # fmt: skip


@pytest.fixture
def plan(member, point_of_contact):
    plan = ActionPlanFactory(member=member, implementing=True, language="es")
    lead = OrganisationFactory(name="Ministerio de Hacienda & <Función Pública>")
    past, future = timezone.localdate() - timedelta(days=400), timezone.localdate() + timedelta(days=30)
    statuses = list(Milestone.Status)
    findings = list(Finding)
    for i in range(7):
        commitment = CommitmentFactory(
            action_plan=plan,
            number=f"{i + 1}<b>" if i % 3 else str(10 - i),  # "10" before "9": the plan's order, not the text's
            title=f"{LONG} {i}" if i % 2 else f"Título «{i}» & <corto>",
            lead_institution=lead if i % 2 else None,
            completion=["", "not_started", "limited", "substantial", "complete"][i % 5],
        )
        milestones = []
        for j in range(i % 4):
            status = statuses[(i + j) % len(statuses)]
            milestones.append(
                MilestoneFactory(
                    commitment=commitment,
                    order=j + 1,
                    description=f"Hito <{j}> & más: {LONG}" if j % 2 else f"Hito {j}",
                    due_date=None if j == 2 else (past if (i + j) % 2 else future) + timedelta(days=j),
                    status=status,
                    completed_on=past if status == Milestone.Status.COMPLETED else None,
                )
            )
        if i in (1, 2, 4, 5):
            report = MonitoringReportFactory(
                commitment=commitment, finding=findings[i % len(findings)], latitude=Decimal("40.4"),
                longitude=Decimal("-3.7"), observed_on=date(2025, 3, i + 1),
            )  # fmt: skip
            _evidence(report, i % 3)
            if i == 2:
                ReportAnswerFactory(report=report)
        if milestones and i in (3, 5):
            MonitoringReportFactory(commitment=commitment, milestone=milestones[0], finding=Finding.NOT_STARTED)
        if i == 6:
            monitoring_refresh(commitment_id=commitment.pk)  # a row of statuses without any report
        if i % 2:
            translated = {m.pk: {"description": f"Jalon « {m.pk} » & <plus>"} for m in milestones[::2]}
            commitment_translation_save(
                commitment=commitment, language="fr", texts={"title": f"Publier « {i} » & <budgets> " + "x" * 90},
                milestone_texts=translated, translated_by=point_of_contact,
            )  # fmt: skip
    return plan


def _reference(plan) -> tuple[str, str, list]:
    """The templates on model instances, as the page read and rendered them before."""
    commitments = list(
        Commitment.objects.filter(action_plan=plan)
        .select_related("lead_institution", "monitoring__latest_report")
        .prefetch_related(
            Prefetch("milestones", queryset=Milestone.objects.order_by(*Milestone.ORDER)),
            page_translations(Commitment),
            "monitoring__latest_report__evidence",
        )
        .order_by("sort_key", "id")
    )
    for commitment in commitments:
        commitment.action_plan = plan
    states = [commitment_state(c, list(c.milestones.all()), getattr(c, "monitoring", None)) for c in commitments]
    prefetch_related_objects([m for state in states for m in state.overdue], page_translations(Milestone))
    rows = "".join(render_to_string("monitoring/includes/_plan_commitment_row.html", {"state": s}) for s in states)
    disputes = [s for s in states if s.disputed]
    items = "".join(render_to_string("monitoring/includes/_plan_dispute.html", {"state": s}) for s in disputes)
    return rows, items, states


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_the_rows_written_in_python_are_the_templates(plan, language):
    with translation.override(language):
        rows, items, states = _reference(plan)
        commitments = plan_page.plan_commitments(plan=plan)
        data = plan_page.plan_monitoring(plan=plan, commitments=commitments, filters={})
        written_rows, written_items = commitment_rows(data["states"], plan), dispute_items(data["disputes"], plan)
    assert written_rows == rows
    assert written_items == items
    # The fixture shows what the page can show: disputes, overdue milestones, files, progress, translations.
    assert items.count("<li>") == len(data["disputes"]) >= 2
    assert rows.count("<tr>") == 7 and '<ul class="plain-list">' in rows
    assert rows.count('<a href="/monitoring/reports/') == 4 and rows.count("</a> · ") == 4  # 1, 2, 1 and 2 files
    assert [s.government_progress for s in data["states"]] == [s.government_progress for s in states]
    assert [s.civil_society_progress for s in data["states"]] == [s.civil_society_progress for s in states]
    if language == "fr":
        assert "Publier « 1 » &amp; &lt;budgets&gt;" in rows and "Jalon « " in rows


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_page_shows_the_written_rows_and_reads_a_fixed_number_of_queries(client, plan, language):
    url = reverse("monitoring:plan", kwargs={"pk": plan.pk})
    page = page_in(client, url, language)
    with translation.override(language):
        rows, items, _states = _reference(plan)
    assert f"<tbody>{rows}</tbody>" in page and f"<ul>{items}</ul>" in page
    before = query_count(client, url)
    commitment = CommitmentFactory(action_plan=plan, number="99", title="Otro compromiso")
    MilestoneFactory(commitment=commitment, due_date=timezone.localdate() - timedelta(days=90))
    MonitoringReportFactory(commitment=commitment, finding=Finding.DELAYED)
    assert query_count(client, url) == before
    assert "Otro compromiso</a>" in page_in(client, url, language)
