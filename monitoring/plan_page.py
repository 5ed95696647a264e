"""What a plan's monitoring page reads (monitoring.views.public.PlanMonitoringView), as values() rows.

Every commitment of the plan with its lead institution, stored statuses, latest report and that report's number of
files (one statement), their milestones (one), policy areas (one) and, on a page in another language than the
plan's, their translations (one). Read as model instances, the plan's 33 commitments and 130 milestones with their
translations cost about 7 ms of the page's 16; the rows are written by monitoring.plan_rows.
"""

from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from django.db.models import OuterRef

from commitments.models import (
    ActionPlan,
    Commitment,
    CommitmentTranslation,
    Milestone,
    MilestoneTranslation,
    milestone_overdue,
)
from commitments.row_selectors import listed_areas_of
from common.addresses import url_for
from common.db import PageQuery, count_of
from common.text import sort_key
from common.translations import page_language, translations_by_master
from monitoring import status as rule
from monitoring.models import ReportEvidence
from monitoring.selectors import CommitmentState, commitment_state, plan_points

_ROW_VALUES = (
    "id", "number", "title", "completion", "lead_institution_id", "lead_institution__name",
    "monitoring__civil_society_status", "monitoring__milestone_findings", "monitoring__report_count",
    "monitoring__unanswered_count", "monitoring__latest_report", "monitoring__latest_report__observed_on", "files",
)  # fmt: skip
_COMMITMENTS = PageQuery(
    lambda plan_ids: (
        Commitment.objects.filter(action_plan_id__in=plan_ids)
        .annotate(files=count_of(ReportEvidence.objects.filter(report_id=OuterRef("monitoring__latest_report"))))
        .values(*_ROW_VALUES)
        .order_by("sort_key", "id")
    ),
    annotations=True,
)
_MILESTONES = PageQuery(
    lambda plan_ids: (
        Milestone.objects.filter(commitment__action_plan_id__in=plan_ids)
        .values("id", "commitment_id", "description", "due_date", "status")
        .order_by(*Milestone.ORDER)
    )
)


@dataclass
class PlanMilestone:
    """A milestone as the page needs it: commitment_state reads `pk` and `status`, CommitmentState.overdue
    `is_overdue`."""

    pk: int
    description: str
    due_date: date | None
    status: str
    translations: dict = field(default_factory=dict)  # {the page's language: texts}, for the overdue ones

    @property
    def is_overdue(self) -> bool:
        return milestone_overdue(self.due_date, self.status)


class LatestReport(NamedTuple):
    pk: int
    observed_on: date
    files: int

    def get_absolute_url(self) -> str:
        return url_for("monitoring:report-detail", self.pk)


class Monitoring(NamedTuple):
    """A commitment's stored statuses (CommitmentMonitoring's fields that commitment_state reads)."""

    civil_society_status: str
    milestone_findings: dict
    latest_report: LatestReport | None
    unanswered_count: int
    report_count: int


@dataclass
class PlanCommitment:
    """A commitment as the page shows it (its texts in `translations`, the page's language only)."""

    pk: int
    number: str
    title: str
    completion: str
    lead_institution_id: int | None
    lead_institution_name: str | None
    areas: list
    translations: dict
    milestones: list
    monitoring: Monitoring | None


def _monitoring(row: dict) -> Monitoring | None:
    if row["monitoring__report_count"] is None:  # no row of statuses yet
        return None
    report = row["monitoring__latest_report"]
    latest = LatestReport(report, row["monitoring__latest_report__observed_on"], row["files"]) if report else None
    return Monitoring(
        row["monitoring__civil_society_status"], row["monitoring__milestone_findings"] or {}, latest,
        row["monitoring__unanswered_count"], row["monitoring__report_count"],
    )  # fmt: skip


def plan_commitments(*, plan: ActionPlan) -> list[PlanCommitment]:
    """The plan's commitments in its order, with their milestones (in theirs), policy areas (as the commitment lists
    read them, listed_areas_of) and translations into the page's language."""
    rows = _COMMITMENTS([plan.pk])
    ids = [row["id"] for row in rows]
    milestones: dict[int, list[PlanMilestone]] = {}
    for row in _MILESTONES([plan.pk]):
        milestone = PlanMilestone(row["id"], row["description"], row["due_date"], row["status"])
        milestones.setdefault(row["commitment_id"], []).append(milestone)
    areas = listed_areas_of(ids)
    language = page_language()
    translations = {}
    if language != plan.language:
        translations = translations_by_master(CommitmentTranslation, ids, language=language)
    return [
        PlanCommitment(
            row["id"],
            row["number"],
            row["title"],
            row["completion"],
            row["lead_institution_id"],
            row["lead_institution__name"],
            areas.get(row["id"], []),
            translations.get(row["id"], {}),
            milestones.get(row["id"], []),
            _monitoring(row),
        )
        for row in rows
    ]


def plan_filter_choices(*, commitments: list[PlanCommitment]) -> dict:
    """The policy areas and lead institutions of the plan's commitments, by name (accents and case aside, the same
    on every database)."""
    areas = {area.pk: area for commitment in commitments for area in commitment.areas}
    institutions = {c.lead_institution_id: c.lead_institution_name for c in commitments if c.lead_institution_id}
    return {
        "areas": sorted(areas.values(), key=lambda area: (sort_key(area.name), area.pk)),
        "institutions": sorted(institutions.items(), key=lambda item: (sort_key(item[1]), item[0])),
    }


def _matches(commitment: PlanCommitment, filters: dict) -> bool:
    area, institution = filters.get("policy_area"), filters.get("institution")
    if area and not any(a.slug == area for a in commitment.areas):
        return False
    return not institution or str(commitment.lead_institution_id) == str(institution)


def _progress(states: list[CommitmentState], name: str) -> int | None:
    values = [getattr(s, name) for s in states]
    return rule.percent(rule.plan_progress([None if value is None else value / 100 for value in values]))


def plan_monitoring(*, plan: ActionPlan, commitments: list[PlanCommitment], filters: dict) -> dict:
    """The plan's commitments (plan_commitments) of the policy area and institution asked for, with both statuses,
    their overdue milestones and latest evidence; the open disputes, the progress of those commitments and the
    points of the plan's findings that carry a place."""
    states = [commitment_state(c, c.milestones, c.monitoring) for c in commitments if _matches(c, filters)]
    # Only the overdue milestones' descriptions are shown: their translations alone (one query).
    language = page_language()
    if language != plan.language:
        overdue = [m for state in states for m in state.overdue]
        translations = translations_by_master(MilestoneTranslation, [m.pk for m in overdue], language=language)
        for milestone in overdue:
            milestone.translations = translations.get(milestone.pk, {})
    all_states = states
    if filters.get("disputed") == "yes":
        states = [s for s in states if s.disputed]
    elif filters.get("disputed") == "no":
        states = [s for s in states if not s.disputed]
    return {
        "states": states,
        "disputes": [s for s in all_states if s.disputed],
        "government_progress": _progress(all_states, "government_progress"),
        "civil_society_progress": _progress(all_states, "civil_society_progress"),
        "unanswered": sum(s.unanswered for s in all_states),
        "points": plan_points(plan=plan),
    }
