"""What each kind of report assesses, and what must be filled in before it can be rendered.

One table per report type and methodology (DOMAIN §2 and §8): the per-commitment fields of its
form, the values each scale offers, and the rules of what is required. The forms, the
completeness check that refuses a render, and the PDF templates all read from here.
"""

from collections.abc import Mapping

from django.utils.translation import gettext_lazy as _

from irm_reports.scales import (
    Answer,
    ChangeInCompletion,
    Completion,
    DidItOpenGovernment,
    EarlyResults,
    Methodology,
    PotentialForResults,
    PotentialImpact,
    ReportType,
    Specificity,
)

RELEVANCE = ("relevance_ati", "relevance_cp", "relevance_pa", "relevance_tech")

# Per-commitment fields shown in the researcher's form, by report type.
ASSESSMENT_FIELDS = {
    ReportType.ACTION_PLAN_REVIEW: (
        "verifiable",
        "open_gov_lens",
        *RELEVANCE,
        "potential_for_results",
        "promising",
        "cluster",
        "context_objectives",
        "analysis",
        "challenges_recommendations",
    ),
    ReportType.RESULTS_REPORT: (
        "verifiable",
        "open_gov_lens",
        "potential_for_results",
        "promising",
        "completion",
        "early_results",
        "what_happened",
        "enablers",
        "constraints",
        "looking_ahead",
    ),
    ReportType.PROGRESS_REPORT: (
        "specificity",
        *RELEVANCE,
        "potential_impact",
        "completion",
        "on_time",
        "cluster",
        "analysis",
        "looking_ahead",
    ),
    ReportType.END_OF_TERM_REPORT: (
        "specificity",
        *RELEVANCE,
        "potential_impact",
        "completion",
        "change_in_completion",
        "diog_overall",
        "diog_ati",
        "diog_cp",
        "diog_pa",
        "carried_forward",
        "what_happened",
        "looking_ahead",
    ),
}
DIOG_FIELDS = ("diog_overall", "diog_ati", "diog_cp", "diog_pa")
# 2020 plans were still scored on "Did it open government?" in their Results Report.
TRANSITIONAL_RESULTS_FIELDS = tuple(f for f in ASSESSMENT_FIELDS[ReportType.RESULTS_REPORT] if f != "early_results") + (
    "diog_overall",
)

LEGACY_COMPLETION = (
    Completion.NOT_STARTED,
    Completion.LIMITED,
    Completion.SUBSTANTIAL,
    Completion.COMPLETE,
    Completion.WITHDRAWN,
    Completion.UNCLEAR,
)
REFRESH_COMPLETION = (
    Completion.NO_EVIDENCE,
    Completion.NOT_STARTED,
    Completion.LIMITED,
    Completion.SUBSTANTIAL,
    Completion.COMPLETE,
)
DIOG_RATINGS = (
    DidItOpenGovernment.WORSENED,
    DidItOpenGovernment.DID_NOT_CHANGE,
    DidItOpenGovernment.MARGINAL,
    DidItOpenGovernment.MAJOR,
    DidItOpenGovernment.OUTSTANDING,
)


def assessment_fields(report_type: str, methodology: str) -> tuple[str, ...]:
    if report_type == ReportType.RESULTS_REPORT and methodology == Methodology.TRANSITIONAL_2019:
        return TRANSITIONAL_RESULTS_FIELDS
    return ASSESSMENT_FIELDS[ReportType(report_type)]


def field_choices(field: str, methodology: str) -> list[tuple[str, str]] | None:
    """The ratings a researcher chooses from (the spreadsheet's sentinels are for imported data)."""
    if field in ("verifiable", "open_gov_lens", "promising", "on_time", "carried_forward", *RELEVANCE):
        values = (Answer.YES, Answer.NO)
    elif field == "specificity":
        values = (Specificity.NONE, Specificity.LOW, Specificity.MEDIUM, Specificity.HIGH)
    elif field == "potential_impact":
        values = (PotentialImpact.NONE, PotentialImpact.MINOR, PotentialImpact.MODERATE, PotentialImpact.TRANSFORMATIVE)
    elif field == "potential_for_results":
        values = (PotentialForResults.UNCLEAR, PotentialForResults.MODEST, PotentialForResults.SUBSTANTIAL)
    elif field == "completion":
        values = REFRESH_COMPLETION if methodology == Methodology.REFRESH_2021 else LEGACY_COMPLETION
    elif field == "early_results":
        values = (EarlyResults.NO_NOTABLE, EarlyResults.MODERATE, EarlyResults.SIGNIFICANT)
    elif field == "diog_overall":
        values = (*DIOG_RATINGS, DidItOpenGovernment.TOO_EARLY)
    elif field in DIOG_FIELDS:
        values = (*DIOG_RATINGS, DidItOpenGovernment.NOT_APPLICABLE)
    elif field == "change_in_completion":
        values = (ChangeInCompletion.INCREASE, ChangeInCompletion.NO_CHANGE, ChangeInCompletion.DECREASE)
    else:
        return None
    return [(str(v.value), v.label) for v in values]


def _yes(ratings: Mapping, field: str) -> bool:
    return ratings.get(field) == Answer.YES


def required_fields(report_type: str, methodology: str, ratings: Mapping) -> list[str]:
    """The fields that must be set for this commitment, given what is already rated.

    A commitment that is not verifiable is not reviewable and is not assessed further; narratives
    are required for the promising commitments that the report analyses in depth.
    """
    report_type = ReportType(report_type)
    if report_type in (ReportType.PROGRESS_REPORT, ReportType.END_OF_TERM_REPORT):
        required = ["specificity", *RELEVANCE, "potential_impact", "completion"]
        if report_type == ReportType.PROGRESS_REPORT:
            required.append("on_time")
        else:
            required += ["diog_overall", "carried_forward"]
        return required
    required = ["verifiable"]
    if ratings.get("verifiable") == Answer.NO:
        return required if report_type == ReportType.ACTION_PLAN_REVIEW else [*required, "completion"]
    required += ["open_gov_lens", "potential_for_results", "promising"]
    if report_type == ReportType.ACTION_PLAN_REVIEW:
        if _yes(ratings, "promising"):
            required += ["context_objectives", "analysis"]
        return required
    required.append("completion")
    if methodology == Methodology.TRANSITIONAL_2019:
        required.append("diog_overall")
    elif _yes(ratings, "promising"):
        required.append("early_results")
    if _yes(ratings, "promising"):
        required.append("what_happened")
    return required


def missing_fields(report_type: str, methodology: str, ratings: Mapping) -> list[str]:
    return [f for f in required_fields(report_type, methodology, ratings) if ratings.get(f) in (None, "")]


# Report-level content, by report type: narrative fields and process ratings.
REPORT_FIELDS = {
    ReportType.ACTION_PLAN_REVIEW: ("overview", "acted_according_to_process", "participation", "methodology_text"),
    ReportType.RESULTS_REPORT: (
        "overview",
        "implementation_factors",
        "acted_according_to_process",
        "participation",
        "methodology_text",
    ),
    ReportType.PROGRESS_REPORT: (
        "overview",
        "iap2_level_development",
        "acted_according_to_process",
        "participation",
        "methodology_text",
    ),
    ReportType.END_OF_TERM_REPORT: (
        "overview",
        "iap2_level_development",
        "iap2_level_implementation",
        "acted_according_to_process",
        "participation",
        "methodology_text",
    ),
}
REPORT_REQUIRED = {
    ReportType.ACTION_PLAN_REVIEW: ("overview", "acted_according_to_process"),
    ReportType.RESULTS_REPORT: ("overview", "implementation_factors", "acted_according_to_process"),
    ReportType.PROGRESS_REPORT: ("overview", "iap2_level_development"),
    ReportType.END_OF_TERM_REPORT: ("overview", "iap2_level_implementation"),
}
# Which standards' requirements a report assesses, and in which phase.
REQUIREMENT_SCOPE = {
    ReportType.ACTION_PLAN_REVIEW: ("2021", "co_creation", True),
    ReportType.RESULTS_REPORT: ("2021", "implementation", True),
    ReportType.PROGRESS_REPORT: ("2017", "co_creation", False),
    ReportType.END_OF_TERM_REPORT: ("2017", "implementation", False),
}
REQUIREMENTS_REQUIRED_HELP = _("Every minimum requirement assessed in this phase needs a status and its evidence.")
