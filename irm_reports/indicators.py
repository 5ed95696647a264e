"""The IRM's derived indicators, as pure functions of an assessment's ratings.

Starred commitments and OGP's analytic flags (high completion, ambitious, strong results) are
computed here and nowhere else: the assessment service stores them, the importer of OGP's
spreadsheet recomputes them and compares them with OGP's own columns.

Ratings are given as a mapping of CommitmentAssessment field names to stored values (see
irm_reports.scales); a missing key is "no data". Every flag is three-valued: True, False, or None
when the ratings needed to decide are missing or were not reviewed.
"""

from collections.abc import Iterable, Mapping
from typing import NamedTuple

from irm_reports.scales import (
    SENTINELS,
    Answer,
    Completion,
    DidItOpenGovernment,
    EarlyResults,
    Methodology,
    PotentialForResults,
    PotentialImpact,
    Specificity,
)


class StarFormula:
    """Which star formula applies.

    EARLY: IRM reports of 2014–2015 (OGP's `Starred (2015 Only)` column): potential impact moderate
    or transformative. CURRENT: the "raised bar" (`Starred (Current Formula) …` columns): potential
    impact transformative. REFRESH: the same bar on the IRM Refresh's indicators (verifiable,
    open-government lens, substantial potential for results, substantial or complete): our analogue,
    OGP publishes no star for 2021+ plans.
    """

    EARLY = "early"
    CURRENT = "current"
    REFRESH = "refresh"


STAR_FORMULA_BY_METHODOLOGY = {
    Methodology.LEGACY_2014: StarFormula.EARLY,
    Methodology.LEGACY_2015: StarFormula.CURRENT,
    Methodology.TRANSITIONAL_2019: StarFormula.CURRENT,
    Methodology.REFRESH_2021: StarFormula.REFRESH,
}

HIGH_COMPLETION = {Completion.SUBSTANTIAL, Completion.COMPLETE}
# Ratings that are an actual judgement (not a sentinel, not missing) for completion.
COMPLETION_RATED = HIGH_COMPLETION | {
    Completion.NO_EVIDENCE,
    Completion.NOT_STARTED,
    Completion.LIMITED,
    Completion.WITHDRAWN,
    Completion.UNCLEAR,
}


class DerivedFlags(NamedTuple):
    starred: bool | None
    high_completion: bool | None
    ambitious: bool | None
    strong_results: bool | None


def _all(values: Iterable[bool | None]) -> bool | None:
    """Three-valued AND: False as soon as one is False, None when one is unknown, else True."""
    values = list(values)
    if any(v is False for v in values):
        return False
    if any(v is None for v in values):
        return None
    return True


def _rated(value, true_values, rated_values) -> bool | None:
    if value in true_values:
        return True
    if value in rated_values:
        return False
    return None


def _answer(value) -> bool | None:
    return _rated(value, {Answer.YES}, {Answer.NO})


def is_relevant(ratings: Mapping) -> bool | None:
    """Relevant to at least one of access to information, civic participation, public accountability."""
    answers = [_answer(ratings.get(f"relevance_{value}")) for value in ("ati", "cp", "pa")]
    if any(a is True for a in answers):
        return True
    if all(a is False for a in answers):
        return False
    return None


def is_specific(ratings: Mapping) -> bool | None:
    """Specific enough to judge: medium or high specificity. The IRM's design reports of 2019 and later
    rate verifiability instead of specificity; where specificity is not rated, "verifiable" decides."""
    specific = _rated(ratings.get("specificity"), {Specificity.MEDIUM, Specificity.HIGH}, _rated_of(Specificity))
    return _answer(ratings.get("verifiable")) if specific is None else specific


def is_high_completion(ratings: Mapping) -> bool | None:
    return _rated(ratings.get("completion"), HIGH_COMPLETION, COMPLETION_RATED)


def is_starred(ratings: Mapping, formula: str) -> bool | None:
    """The star formula of DOMAIN §2.3 for `formula` (a StarFormula)."""
    if formula == StarFormula.REFRESH:
        criteria = [
            _answer(ratings.get("verifiable")),
            _answer(ratings.get("open_gov_lens")),
            _rated(
                ratings.get("potential_for_results"), {PotentialForResults.SUBSTANTIAL}, _rated_of(PotentialForResults)
            ),
        ]
    else:
        impact = {PotentialImpact.TRANSFORMATIVE}
        if formula == StarFormula.EARLY:
            impact.add(PotentialImpact.MODERATE)
        criteria = [
            is_specific(ratings),
            is_relevant(ratings),
            _rated(ratings.get("potential_impact"), impact, _rated_of(PotentialImpact)),
        ]
    return _all([*criteria, is_high_completion(ratings)])


def is_ambitious(ratings: Mapping, methodology: str) -> bool | None:
    """Transformative potential impact (legacy) or substantial potential for results (IRM Refresh)."""
    if methodology == Methodology.REFRESH_2021:
        return _rated(
            ratings.get("potential_for_results"), {PotentialForResults.SUBSTANTIAL}, _rated_of(PotentialForResults)
        )
    return _rated(ratings.get("potential_impact"), {PotentialImpact.TRANSFORMATIVE}, _rated_of(PotentialImpact))


def is_high_ambition_global_report(ratings: Mapping) -> bool | None:
    """OGP's `High Ambition` helper column (the 2019 Global Report's reading of ambition): relevant to
    at least one OGP value and a moderate or transformative potential impact."""
    impact = {PotentialImpact.MODERATE, PotentialImpact.TRANSFORMATIVE}
    return _all([is_relevant(ratings), _rated(ratings.get("potential_impact"), impact, _rated_of(PotentialImpact))])


def has_strong_results(ratings: Mapping, methodology: str) -> bool | None:
    """Significant early results (IRM Refresh) or a major / outstanding "Did it open government?"."""
    if methodology == Methodology.REFRESH_2021:
        return _rated(ratings.get("early_results"), {EarlyResults.SIGNIFICANT}, _rated_of(EarlyResults))
    strong = {DidItOpenGovernment.MAJOR, DidItOpenGovernment.OUTSTANDING}
    rated = {DidItOpenGovernment.WORSENED, DidItOpenGovernment.DID_NOT_CHANGE, DidItOpenGovernment.MARGINAL}
    return _rated(ratings.get("diog_overall"), strong, strong | rated)


def _rated_of(scale) -> set:
    return {v for v in scale.values if v not in SENTINELS}


def derived_flags(ratings: Mapping, methodology: str) -> DerivedFlags:
    """Every stored derived flag of an assessment written with `methodology`."""
    return DerivedFlags(
        starred=is_starred(ratings, STAR_FORMULA_BY_METHODOLOGY[Methodology(methodology)]),
        high_completion=is_high_completion(ratings),
        ambitious=is_ambitious(ratings, methodology),
        strong_results=has_strong_results(ratings, methodology),
    )
