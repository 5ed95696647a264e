"""Reads of the rows of the HTML commitment lists (commitments.rows): a plan's page and the commitment list read
their rows as values(), by statements compiled once per process (common.db.PageQuery)."""

from commitments.models import ActionPlan, Commitment, CommitmentTranslation, PolicyArea
from common.db import PageQuery
from common.hints import RowHint
from common.translations import page_language, translations_by_master

# A row of the commitment lists (commitments.rows), read as values(): its plan's language (its texts'), the member
# and period of its plan (shown by a list of every plan's commitments), its milestones' progress.
COMMITMENT_ROW_VALUES = (
    "id", "number", "title", "completion", "lead_institution__name", "action_plan_id", "action_plan__language",
    "action_plan__start_date", "action_plan__end_date", "action_plan__member__name", "action_plan__member__name_fr",
    "action_plan__member__name_es", "milestone_count", "milestones_completed",
)  # fmt: skip
# Statements compiled once (common.db.PageQuery): a list's rows by their ids, a plan's by its id.
_ROWS_OF = PageQuery(
    lambda ids: (
        Commitment.objects.filter(pk__in=ids).with_milestone_progress().values(*COMMITMENT_ROW_VALUES).order_by()
    ),
    annotations=True,
)
_PLAN_ROWS_OF = PageQuery(
    lambda plan_ids: (
        Commitment.objects.filter(action_plan_id__in=plan_ids)
        .with_milestone_progress()
        .values(*COMMITMENT_ROW_VALUES)
        .order_by("sort_key", "id")
    ),
    annotations=True,
)


def listed_commitment_rows(*, ids: list[int]) -> list[dict]:
    """The rows of these commitments as the commitment list shows them (commitments.rows.listed_rows), in no
    order: COMMITMENT_ROW_VALUES, their policy areas and their translations (_with_row_details)."""
    return _with_row_details(_ROWS_OF(ids))


def action_plan_commitment_rows(*, plan: ActionPlan) -> list[dict]:
    """A plan's commitments as its page's rows show them (commitments.rows.commitment_rows), in the plan's order."""
    return _with_row_details(_PLAN_ROWS_OF([plan.pk]), translated=not PLAN_TRANSLATIONS.known_empty(plan))


# Whether any commitment of the plan is translated (common.hints), read with the plan's page: most are not.
PLAN_TRANSLATIONS = RowHint(
    "commitment_translations", lambda plan: CommitmentTranslation.objects.filter(master__action_plan_id=plan)
)


def _with_row_details(rows: list[dict], *, translated: bool = True) -> list[dict]:
    """Each row with `areas` (its policy areas, listed_areas_of) and `translations` ({the page's language: texts},
    common.translations.translations_by_master): one query each (none for the translations of rows known to have
    none: `translated` False)."""
    ids = [row["id"] for row in rows]
    areas = listed_areas_of(ids)
    translations = translations_by_master(CommitmentTranslation, ids, language=page_language()) if translated else {}
    for row in rows:
        row["areas"] = areas.get(row["id"], [])
        row["translations"] = translations.get(row["id"], {})
    return rows


_LISTED_AREA_FIELDS = (
    "commitment_id", "policyarea_id", "policyarea__slug", "policyarea__name", "policyarea__name_fr",
    "policyarea__name_es",
)  # fmt: skip
_LISTED_AREAS_OF = PageQuery(
    lambda ids: (
        Commitment.policy_areas.through.objects.filter(commitment_id__in=ids)
        .order_by("policyarea__name", "policyarea_id")
        .values(*_LISTED_AREA_FIELDS)
    )
)


def listed_areas_of(ids: list[int]) -> dict[int, list[PolicyArea]]:
    """{commitment id: its policy areas in name order} (one query), one instance per area for the whole list: a
    prefetch built one per commitment and area (about 165 on a plan's page, of about 60 areas) and cost three times
    its query."""
    areas: dict[int, PolicyArea] = {}
    listed: dict[int, list[PolicyArea]] = {}
    for row in _LISTED_AREAS_OF(ids):
        area_id = row["policyarea_id"]
        if area_id not in areas:
            areas[area_id] = PolicyArea(
                id=area_id, slug=row["policyarea__slug"], name=row["policyarea__name"],
                name_fr=row["policyarea__name_fr"], name_es=row["policyarea__name_es"],
            )  # fmt: skip
        listed.setdefault(row["commitment_id"], []).append(areas[area_id])
    return listed


def with_listed_areas(commitments: list[Commitment]) -> list[Commitment]:
    """The commitments, each with its policy areas in name order as `listed_areas` (listed_areas_of)."""
    listed = listed_areas_of([c.pk for c in commitments])
    for commitment in commitments:
        commitment.listed_areas = listed.get(commitment.pk, [])
    return commitments
