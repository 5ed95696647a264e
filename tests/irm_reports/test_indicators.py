"""The star formula and OGP's analytic flags, including against OGP's own spreadsheet."""

import csv

import pytest

from irm_reports.importing import OGP_SAMPLE as SAMPLE
from irm_reports.indicators import StarFormula, derived_flags, is_high_ambition_global_report, is_starred
from irm_reports.scales import (
    Answer,
    Completion,
    DidItOpenGovernment,
    PotentialImpact,
    Specificity,
    from_spreadsheet,
)

LEGACY_STAR = {
    "specificity": "high",
    "relevance_ati": "yes",
    "relevance_cp": "no",
    "relevance_pa": "no",
    "potential_impact": "transformative",
    "completion": "substantial",
}


def test_a_legacy_commitment_meeting_every_criterion_is_starred_by_both_formulas():
    assert is_starred(LEGACY_STAR, StarFormula.CURRENT) is True
    assert is_starred(LEGACY_STAR, StarFormula.EARLY) is True


def test_moderate_impact_is_starred_by_the_2014_formula_only():
    ratings = {**LEGACY_STAR, "potential_impact": "moderate"}
    assert is_starred(ratings, StarFormula.EARLY) is True
    assert is_starred(ratings, StarFormula.CURRENT) is False


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"specificity": "low"}, False),
        ({"relevance_ati": "no"}, False),
        ({"completion": "limited"}, False),
        ({"completion": None}, None),
        ({"completion": "not_reviewed"}, None),
        ({"relevance_ati": None}, None),
        ({"specificity": "not_reviewed", "completion": "limited"}, False),
    ],
)
def test_the_star_is_three_valued(change, expected):
    """A failed criterion decides "no"; a missing or not-reviewed one leaves it unknown."""
    assert is_starred({**LEGACY_STAR, **change}, StarFormula.CURRENT) is expected


def test_where_specificity_is_not_rated_verifiability_decides():
    """The IRM's 2019–2020 design reports rated verifiability, not specificity; OGP still starred them."""
    ratings = {**LEGACY_STAR, "specificity": None, "verifiable": "yes"}
    assert is_starred(ratings, StarFormula.CURRENT) is True
    assert is_starred({**ratings, "verifiable": "no"}, StarFormula.CURRENT) is False
    assert is_starred({**ratings, "verifiable": None}, StarFormula.CURRENT) is None
    assert is_starred({**LEGACY_STAR, "specificity": "low", "verifiable": "yes"}, StarFormula.CURRENT) is False


def test_ogps_high_ambition_column_is_relevance_and_moderate_or_transformative_impact():
    assert is_high_ambition_global_report({**LEGACY_STAR, "potential_impact": "moderate"}) is True
    assert is_high_ambition_global_report({**LEGACY_STAR, "potential_impact": "minor"}) is False
    none_relevant = {"relevance_ati": "no", "relevance_cp": "no", "relevance_pa": "no"}
    assert is_high_ambition_global_report({**LEGACY_STAR, **none_relevant}) is False
    assert is_high_ambition_global_report({"potential_impact": "transformative"}) is None


def test_the_refresh_star_uses_verifiable_lens_and_substantial_potential_for_results():
    ratings = {
        "verifiable": "yes",
        "open_gov_lens": "yes",
        "potential_for_results": "substantial",
        "completion": "complete",
        "early_results": "significant",
    }
    flags = derived_flags(ratings, "refresh_2021")
    assert flags == (True, True, True, True)
    flags = derived_flags({**ratings, "potential_for_results": "modest", "early_results": "moderate"}, "refresh_2021")
    assert flags.starred is False and flags.ambitious is False and flags.strong_results is False
    assert flags.high_completion is True


def test_legacy_strong_results_are_a_major_or_outstanding_opening_of_government():
    assert derived_flags({"diog_overall": "major"}, "legacy_2015").strong_results is True
    assert derived_flags({"diog_overall": "marginal"}, "legacy_2015").strong_results is False
    assert derived_flags({"diog_overall": "too_early"}, "legacy_2015").strong_results is None


def test_spreadsheet_codes_and_sentinels_map_to_distinct_values():
    assert from_spreadsheet(Specificity, "3") == "high"
    assert from_spreadsheet(PotentialImpact, "NR") == "not_reviewed"
    assert from_spreadsheet(Completion, "NA") == "not_applicable"
    assert from_spreadsheet(Completion, "ND") is None
    assert from_spreadsheet(Answer, "0") == "no" and from_spreadsheet(Answer, "NR") == "not_reviewed"
    assert from_spreadsheet(DidItOpenGovernment, "Worsens") == "worsened"
    assert from_spreadsheet(DidItOpenGovernment, "0", codes=DidItOpenGovernment.VALUE_CODES) == "not_applicable"
    with pytest.raises(ValueError):
        from_spreadsheet(Specificity, "7")


def _legacy_ratings(row: dict, completion_column: str) -> dict:
    return {
        "specificity": from_spreadsheet(Specificity, row["_Specificity"]),
        "relevance_ati": from_spreadsheet(Answer, row["OGP Value Access To Information"]),
        "relevance_cp": from_spreadsheet(Answer, row["OGP Value Civic Participation"]),
        "relevance_pa": from_spreadsheet(Answer, row["OGP Value Public Accountability"]),
        "potential_impact": from_spreadsheet(PotentialImpact, row["_Potential Impact"]),
        "completion": from_spreadsheet(Completion, row[completion_column]),
    }


def test_the_star_formulas_agree_with_ogps_spreadsheet_on_every_fully_coded_row():
    """Re-deriving OGP's star columns from its own ratings gives no mismatch (DOMAIN §2.3)."""
    with SAMPLE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    checks = [
        ("Starred (Current Formula) Progress Report", "_CompletionProgress", StarFormula.CURRENT),
        ("Starred (2015 Only)", "_CompletionProgress", StarFormula.EARLY),
        ("Starred (Current Formula) End of Term", "_CompletionEndTerm", StarFormula.CURRENT),
    ]
    compared, mismatches = 0, []
    for column, completion, formula in checks:
        for row in rows:
            if row[column] not in ("0", "1"):
                continue
            starred = is_starred(_legacy_ratings(row, completion), formula)
            if starred is None:
                continue
            compared += 1
            if starred != (row[column] == "1"):
                mismatches.append((row["Commitment Unique Identifier"], column))
    assert compared > 100
    assert mismatches == []
