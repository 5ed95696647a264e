"""Which IRM reports a plan's rows describe, and the ratings each report holds.

OGP's sheet has two report slots per commitment: the design report (`Report Publication Year
(Progress Report)`: a legacy Progress Report, a 2019–2020 Design Report or an Action Plan Review)
and the results report (`… (End Of Term)`: a legacy End-of-Term Report, an Implementation Report or
a Results Report). The ratings a plan's rows carry tell which one it is; the year of submission
decides when no rating does.
"""

from dataclasses import dataclass
from datetime import UTC, datetime

from irm_reports.importing.rows import RowData
from irm_reports.scales import SENTINELS, Methodology, ReportType

RELEVANCE = ("relevance_ati", "relevance_cp", "relevance_pa", "relevance_tech")
DIOG = ("diog_overall", "diog_ati", "diog_cp", "diog_pa")
DESIGN, RESULTS = "design", "results"


@dataclass(frozen=True)
class ReportKind:
    report_type: str
    methodology: str
    side: str
    fields: tuple[str, ...]

    def ratings(self, row: RowData) -> dict:
        """The ratings of this report for the row's commitment (the results side restates the design ratings)."""
        source = row.design if self.side == DESIGN else {**row.design, **row.results}
        return {name: source.get(name) for name in self.fields}

    def year(self, row: RowData) -> int | None:
        return row.design_year if self.side == DESIGN else row.results_year

    def published_at(self, year: int) -> datetime:
        # Only the year is known; a results report of the same year comes after the design report.
        return datetime(year, 6, 30, 12, tzinfo=UTC) if self.side == DESIGN else datetime(year, 7, 1, 12, tzinfo=UTC)


PROGRESS_FIELDS = ("specificity", "verifiable", *RELEVANCE, "potential_impact", "completion", "cluster")
END_OF_TERM_FIELDS = (
    "specificity",
    "verifiable",
    *RELEVANCE,
    "potential_impact",
    "completion",
    "change_in_completion",
    *DIOG,
    "carried_forward",
)
REVIEW_FIELDS = ("verifiable", "open_gov_lens", *RELEVANCE, "potential_for_results", "cluster")
RESULTS_FIELDS = ("verifiable", "open_gov_lens", "potential_for_results", "completion", "early_results", *DIOG)

LEGACY_PROGRESS = ReportKind(ReportType.PROGRESS_REPORT, Methodology.LEGACY_2015, DESIGN, PROGRESS_FIELDS)
DESIGN_REPORT = ReportKind(ReportType.PROGRESS_REPORT, Methodology.TRANSITIONAL_2019, DESIGN, PROGRESS_FIELDS)
ACTION_PLAN_REVIEW = ReportKind(ReportType.ACTION_PLAN_REVIEW, Methodology.REFRESH_2021, DESIGN, REVIEW_FIELDS)
LEGACY_END_OF_TERM = ReportKind(ReportType.END_OF_TERM_REPORT, Methodology.LEGACY_2015, RESULTS, END_OF_TERM_FIELDS)
IMPLEMENTATION_REPORT = ReportKind(
    ReportType.END_OF_TERM_REPORT, Methodology.TRANSITIONAL_2019, RESULTS, END_OF_TERM_FIELDS
)
TRANSITIONAL_RESULTS = ReportKind(ReportType.RESULTS_REPORT, Methodology.TRANSITIONAL_2019, RESULTS, RESULTS_FIELDS)
RESULTS_REPORT = ReportKind(ReportType.RESULTS_REPORT, Methodology.REFRESH_2021, RESULTS, RESULTS_FIELDS)


def _rated(rows: list[RowData], side: str, name: str) -> bool:
    return any(getattr(row, side).get(name) not in (None, *SENTINELS) for row in rows)


def classify(rows: list[RowData], submission_year: int) -> tuple[ReportKind, ReportKind]:
    """The design and results reports of a plan, from the ratings its rows carry.

    Potential for results means an Action Plan Review (IRM Refresh); specificity a legacy Progress
    Report; potential impact without specificity a 2019–2020 Design Report. After an Action Plan
    Review, early results mean a Results Report, "Did it open government?" the transitional one
    (2020 plans). The legacy reports are starred with OGP's current formula, as OGP's own sheet does
    for every legacy report (its `Starred (Current Formula)` columns).
    """
    if _rated(rows, "design", "potential_for_results"):
        design = ACTION_PLAN_REVIEW
    elif _rated(rows, "design", "specificity"):
        design = LEGACY_PROGRESS
    elif _rated(rows, "design", "potential_impact"):
        design = DESIGN_REPORT
    elif submission_year >= 2020:
        design = ACTION_PLAN_REVIEW
    else:
        design = DESIGN_REPORT if submission_year >= 2017 else LEGACY_PROGRESS
    if design is LEGACY_PROGRESS:
        return design, LEGACY_END_OF_TERM
    if design is DESIGN_REPORT:
        return design, IMPLEMENTATION_REPORT
    if _rated(rows, "results", "early_results"):
        return design, RESULTS_REPORT
    if _rated(rows, "results", "diog_overall") or submission_year < 2021:
        return design, TRANSITIONAL_RESULTS
    return design, RESULTS_REPORT
