"""OGP's stars and analytic flags against the portal's own rules (irm_reports.indicators, DOMAIN §2.3).

Each of OGP's columns is recomputed from the row's ratings with the portal's formulas; a value is
compared when OGP computed one (0 or 1) and the portal's rules decide (enough ratings). Every
disagreement is reported with the commitment's identifier; none stops the import.
"""

from irm_reports.importing import columns as col
from irm_reports.importing import values
from irm_reports.importing.reports import ReportKind
from irm_reports.importing.rows import RowData
from irm_reports.importing.summary import Disagreement
from irm_reports.indicators import (
    COMPLETION_RATED,
    StarFormula,
    has_strong_results,
    is_high_ambition_global_report,
    is_high_completion,
    is_starred,
)


def portal_values(row: RowData, results: ReportKind) -> dict[str, bool | None]:
    """The portal's value of each of OGP's star and flag columns for this row."""
    design_ratings = row.design
    results_ratings = {**row.design, **row.results}
    latest = results_ratings if row.results.get("completion") in COMPLETION_RATED else row.design
    return {
        col.STAR_EARLY: is_starred(design_ratings, StarFormula.EARLY),
        col.STAR_PROGRESS: is_starred(design_ratings, StarFormula.CURRENT),
        col.STAR_END_OF_TERM: is_starred(results_ratings, StarFormula.CURRENT),
        col.HIGH_COMPLETION: is_high_completion(latest),
        col.HIGH_AMBITION: is_high_ambition_global_report(row.design),
        col.HIGH_DIOG: has_strong_results(results_ratings, results.methodology),
    }


def compare(row: RowData, results: ReportKind) -> tuple[int, list[Disagreement]]:
    """How many of the row's OGP values were compared, and the disagreements."""
    compared, disagreements = 0, []
    for column, portal in portal_values(row, results).items():
        try:
            ogp = values.yes_no(row.ogp_flags.get(column, ""))
        except ValueError:  # not a value OGP computed: nothing to compare
            ogp = None
        if ogp is None or portal is None:
            continue
        compared += 1
        if ogp != portal:
            disagreements.append(Disagreement(row.identifier, row.row, column, ogp, portal))
    return compared, disagreements
