"""Open-data exports of commitments: one column list serves the CSV, the JSON and the data dictionary.

Rows are produced from a server-side iterator in chunks, so memory stays flat whatever the table size.
"""

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.db.models import OuterRef, Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from commitments.models import Commitment, Milestone, PolicyArea
from common.db import count_of
from common.spreadsheets import SpreadsheetSafeDictWriter
from irm_reports.models import CommitmentAssessment

EXPORT_CHUNK_SIZE = 2000


@dataclass(frozen=True)
class Column:
    name: str
    description: str
    value: Callable[[Commitment], object]


def _joined(values) -> str:
    return "; ".join(values)


COLUMNS = [
    Column("id", _("Identifier of the commitment in this portal."), lambda c: c.pk),
    Column("ogp_id", _("OGP's unique identifier of the commitment, when known (e.g. UK0107)."), lambda c: c.ogp_id),
    Column("member", _("Name of the OGP member (country or locality)."), lambda c: c.action_plan.member.name),
    Column(
        "member_slug", _("Identifier of the member in this portal's addresses."), lambda c: c.action_plan.member.slug
    ),
    Column("member_kind", _("national or local."), lambda c: c.action_plan.member.kind),
    Column(
        "country", _("ISO 3166-1 alpha-2 code of the member's country."), lambda c: c.action_plan.member.country.code
    ),
    Column("region", _("OGP region of the member."), lambda c: c.action_plan.member.region),
    Column("action_plan_id", _("Identifier of the action plan in this portal."), lambda c: c.action_plan_id),
    Column("action_plan", _("Title of the action plan."), lambda c: c.action_plan.title),
    Column(
        "action_plan_language",
        _("Language the plan and its commitments are written in (en, fr or es)."),
        lambda c: c.action_plan.language,
    ),
    Column("action_plan_start", _("Start of the action plan period (YYYY-MM-DD)."), lambda c: c.action_plan.start_date),
    Column("action_plan_end", _("End of the action plan period (YYYY-MM-DD)."), lambda c: c.action_plan.end_date),
    Column(
        "action_plan_status",
        _("co_creation, submitted, implementation, completed or withdrawn."),
        lambda c: c.action_plan.status,
    ),
    Column("number", _("Number of the commitment in its plan (e.g. 3.1)."), lambda c: c.number),
    Column("title", _("Title of the commitment."), lambda c: c.title),
    Column("problem", _("Problem the commitment addresses."), lambda c: c.problem),
    Column("status_quo", _("Situation before the commitment."), lambda c: c.status_quo),
    Column("objective", _("Objective of the commitment."), lambda c: c.objective),
    Column("expected_results", _("Results expected."), lambda c: c.expected_results),
    Column(
        "lead_institution",
        _("Government institution leading the commitment."),
        lambda c: c.lead_institution.name if c.lead_institution else "",
    ),
    Column(
        "supporting_organisations",
        _("Supporting institutions and civil society organisations, separated by “; ”."),
        lambda c: _joined(o.name for o in c.supporting_organisations.all()),
    ),
    Column(
        "policy_areas",
        _("Policy areas (identifiers of OGP's taxonomy), separated by “; ”."),
        lambda c: _joined(a.slug for a in c.policy_areas.all()),
    ),
    Column(
        "access_to_information",
        _("1 if the commitment declares this OGP value."),
        lambda c: int(c.access_to_information),
    ),
    Column(
        "civic_participation", _("1 if the commitment declares this OGP value."), lambda c: int(c.civic_participation)
    ),
    Column(
        "public_accountability",
        _("1 if the commitment declares this OGP value."),
        lambda c: int(c.public_accountability),
    ),
    Column(
        "technology_innovation",
        _("1 if the commitment declares this OGP value."),
        lambda c: int(c.technology_innovation),
    ),
    Column("start_date", _("Start date of the commitment (YYYY-MM-DD), if given."), lambda c: c.start_date),
    Column("end_date", _("End date of the commitment (YYYY-MM-DD), if given."), lambda c: c.end_date),
    Column(
        "completion_self_reported",
        _("Completion from the latest progress update: not_started, limited, substantial or complete."),
        lambda c: c.completion,
    ),
    Column("milestones", _("Number of milestones."), lambda c: c.milestone_total),
    Column("milestones_completed", _("Number of completed milestones."), lambda c: c.milestone_done),
]


def _latest(commitment):
    return commitment.latest_assessments[0] if commitment.latest_assessments else None


def _irm(field: str):
    def value(commitment):
        assessment = _latest(commitment)
        result = getattr(assessment, field) if assessment else None
        return "" if result is None else (int(result) if isinstance(result, bool) else result)

    return value


# The latest IRM assessment (the one in the most recently published report): empty when there is none,
# or when its methodology does not rate that indicator. not_reviewed / not_applicable are kept as such.
COLUMNS += [
    Column(
        "irm_report_type",
        _("Type of the IRM report of the latest assessment."),
        lambda c: _latest(c).report.report_type if _latest(c) else "",
    ),
    Column(
        "irm_report_published",
        _("Publication date of that IRM report (YYYY-MM-DD)."),
        lambda c: _latest(c).report.published_at.date() if _latest(c) and _latest(c).report.published_at else "",
    ),
    Column("irm_verifiable", _("IRM: verifiable (yes, no, not_reviewed)."), _irm("verifiable")),
    Column("irm_open_gov_lens", _("IRM: open-government lens (yes, no)."), _irm("open_gov_lens")),
    Column("irm_specificity", _("IRM (legacy): specificity."), _irm("specificity")),
    Column("irm_potential_impact", _("IRM (legacy): potential impact."), _irm("potential_impact")),
    Column("irm_potential_for_results", _("IRM: potential for results."), _irm("potential_for_results")),
    Column("irm_completion", _("IRM: completion."), _irm("completion")),
    Column("irm_early_results", _("IRM: early results."), _irm("early_results")),
    Column("irm_did_it_open_government", _("IRM (legacy): did it open government? (overall)"), _irm("diog_overall")),
    Column("irm_starred", _("IRM: 1 if starred, 0 if not, empty when it cannot be said."), _irm("starred")),
]


def export_queryset(*, member=None) -> QuerySet:
    milestones = Milestone.objects.filter(commitment=OuterRef("pk"))
    queryset = (
        Commitment.objects.select_related("action_plan__member", "lead_institution")
        .prefetch_related(
            Prefetch("supporting_organisations", queryset=Organisation.objects.only("name")),
            Prefetch("policy_areas", queryset=PolicyArea.objects.only("slug")),
            Prefetch(
                "irm_assessments",
                queryset=CommitmentAssessment.objects.filter(is_latest=True).select_related("report"),
                to_attr="latest_assessments",
            ),
        )
        .annotate(
            milestone_total=count_of(milestones),
            milestone_done=count_of(milestones.filter(status=Milestone.Status.COMPLETED)),
        )
        .order_by("pk")
    )
    if member is not None:
        queryset = queryset.filter(action_plan__member=member)
    return queryset


def export_rows(queryset: QuerySet) -> Iterator[dict]:
    """Commitments as flat dicts, read in chunks (prefetches run per chunk)."""
    for commitment in queryset.iterator(chunk_size=EXPORT_CHUNK_SIZE):
        yield {column.name: column.value(commitment) for column in COLUMNS}


class _Line:
    """A file-like object whose write() returns the line instead of storing it."""

    def write(self, value: str) -> str:
        return value


def csv_chunks(rows: Iterator[dict], *, bom: bool = False) -> Iterator[str]:
    """The CSV, line by line; a cell a spreadsheet would run as a formula is written as text."""
    writer = SpreadsheetSafeDictWriter(_Line(), fieldnames=[c.name for c in COLUMNS])
    if bom:
        yield "\ufeff"
    yield writer.writeheader()
    for row in rows:
        yield writer.writerow(row)


def json_chunks(rows: Iterator[dict]) -> Iterator[str]:
    yield "["
    for index, row in enumerate(rows):
        yield ("," if index else "") + "\n" + json.dumps(row, default=str, ensure_ascii=False)
    yield "\n]\n"
