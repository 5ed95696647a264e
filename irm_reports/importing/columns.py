"""The columns of OGP's commitments and IRM data sheet that the importer reads (DOMAIN §9).

Ratings come in pairs: a label column ("Specificity") and its numeric code column ("_Specificity").
The code decides; the label is checked against it. Columns not listed here and not named after a
policy area are OGP's analytic helpers, derived from the others: they are read only to compare
OGP's stars and flags with the portal's (see checks.py), or ignored.
"""

from dataclasses import dataclass

from irm_reports.scales import (
    Answer,
    ChangeInCompletion,
    Completion,
    DidItOpenGovernment,
    EarlyResults,
    PotentialForResults,
    PotentialImpact,
    Specificity,
)

IDENTIFIER = "Commitment Unique Identifier"
MEMBER_NAME = "Country/Locality"
PLAN_NUMBER = "Action Plan Number"
COMMITMENT_NUMBER = "Commitment Number"
CODE = "Code"
REGION = "Region"
KIND = "National Or Local"
SUBMISSION_YEAR = "Year Of Submission"
END_YEAR = "Action Plan End Year"
DURATION = "Action Plan Duration (Years)"
PLAN_ID = "Action Plan ID"
URL = "URL"
TITLE = "Commitment Title"
SHORT_TITLE = "Short Title"
FULL_TEXT = "Full Text"
START_DATE = "Start Date"
END_DATE = "End Date"
LEAD = "Lead Institution"
SUPPORTING = "Supporting Institution(s)"
THEME = "Theme"
DESIGN_YEAR = "Report Publication Year (Progress Report)"
RESULTS_YEAR = "Report Publication Year (End Of Term)"
CLUSTER = "Cluster"
AP_REVIEW_CLUSTER = "Cluster (AP Review)"
CLUSTER_IDS = "Cluster Commitment ID(s)"
VALUE_COLUMNS = {
    "access_to_information": "OGP Value Access To Information",
    "civic_participation": "OGP Value Civic Participation",
    "public_accountability": "OGP Value Public Accountability",
    "technology_innovation": "OGP Value Technology",
}

# Without these a row cannot be placed: a file missing one of them is refused as a whole.
REQUIRED = (
    IDENTIFIER,
    MEMBER_NAME,
    CODE,
    REGION,
    KIND,
    PLAN_ID,
    PLAN_NUMBER,
    SUBMISSION_YEAR,
    END_YEAR,
    COMMITMENT_NUMBER,
    TITLE,
)


@dataclass(frozen=True)
class Rating:
    """An assessment field read from a code column and/or a label column."""

    field: str
    scale: type
    code: str | None = None
    label: str | None = None
    codes: dict | None = None


# Ratings of the design of a commitment (Progress Report, Design Report, Action Plan Review).
DESIGN_RATINGS = (
    Rating("specificity", Specificity, code="_Specificity", label="Specificity"),
    Rating("verifiable", Answer, label="Verifiable"),
    Rating("relevance_ati", Answer, code=VALUE_COLUMNS["access_to_information"]),
    Rating("relevance_cp", Answer, code=VALUE_COLUMNS["civic_participation"]),
    Rating("relevance_pa", Answer, code=VALUE_COLUMNS["public_accountability"]),
    Rating("relevance_tech", Answer, code=VALUE_COLUMNS["technology_innovation"]),
    Rating("potential_impact", PotentialImpact, code="_Potential Impact", label="Potential Impact"),
    Rating("potential_for_results", PotentialForResults, code="_Potential for Results", label="Potential for Results"),
    # The IRM Refresh's open-government lens; in legacy rows the same column says "relevant to a value".
    Rating("open_gov_lens", Answer, code="_Relevant"),
    Rating("completion", Completion, code="_CompletionProgress", label="Completion (Progress Report)"),
)
# Ratings of results (End-of-Term Report, Implementation Report, Results Report).
RESULTS_RATINGS = (
    Rating("completion", Completion, code="_CompletionEndTerm", label="Completion (End Of Term)"),
    Rating("change_in_completion", ChangeInCompletion, code="_ChangeCompletion", label="Change In Completion"),
    Rating("early_results", EarlyResults, code="_Early Results", label="Early Results"),
    Rating("diog_overall", DidItOpenGovernment, code="_OpenGovernment", label="Did It Open Government (Overall)"),
    Rating(
        "diog_ati",
        DidItOpenGovernment,
        code="_DIOGATI",
        label="Did It Open Government (Access To Information)",
        codes=DidItOpenGovernment.VALUE_CODES,
    ),
    Rating(
        "diog_cp",
        DidItOpenGovernment,
        code="_DIOGCP",
        label="Did It Open Government (Civic Participation)",
        codes=DidItOpenGovernment.VALUE_CODES,
    ),
    Rating(
        "diog_pa",
        DidItOpenGovernment,
        code="_DIOGPA",
        label="Did It Open Government: Public Accountability",
        codes=DidItOpenGovernment.VALUE_CODES,
    ),
    Rating("carried_forward", Answer, code="Carried Forward"),
)

# OGP's own stars and analytic flags, compared with the portal's (checks.py).
STAR_EARLY = "Starred (2015 Only)"
STAR_PROGRESS = "Starred (Current Formula) Progress Report"
STAR_END_OF_TERM = "Starred (Current Formula) End of Term"
HIGH_COMPLETION = "High Completion"
HIGH_AMBITION = "High Ambition"
HIGH_DIOG = "High DIOG"
OGP_FLAGS = (STAR_EARLY, STAR_PROGRESS, STAR_END_OF_TERM, HIGH_COMPLETION, HIGH_AMBITION, HIGH_DIOG)

# Every column read above; the policy-area columns are recognised by their names (PolicyArea.name).
KNOWN = {
    *REQUIRED,
    DURATION,
    URL,
    SHORT_TITLE,
    FULL_TEXT,
    START_DATE,
    END_DATE,
    LEAD,
    SUPPORTING,
    THEME,
    DESIGN_YEAR,
    RESULTS_YEAR,
    CLUSTER,
    AP_REVIEW_CLUSTER,
    CLUSTER_IDS,
    *OGP_FLAGS,
    *(r.code for r in DESIGN_RATINGS + RESULTS_RATINGS if r.code),
    *(r.label for r in DESIGN_RATINGS + RESULTS_RATINGS if r.label),
}
# OGP's analytic helpers derived from the columns above (or bookkeeping of OGP's own): not imported.
DERIVED = {
    "Commitment Dummy",
    "Compound",
    "Most Recently Assessed",
    "Star - Most Recently Assessed",
    "IRM Assessed",
    "Updated? (Website)",
    "Active Commitment",
    "Max star",
    "Ambition Assessed",
    "Comp Assessed",
    "DIOG Assessed",
    "Midterm Only",
    "Max Completion",
    "Raw Completion",
    "Ambitious and complete, or DIOG",
    "Ambitious but not complete",
    "Complete but not ambitious",
    "Not complete or ambitious",
    "Not reviewed",
    "CHECKSUM",
    "IRM-Based Score",
    "Binding constraint",
    "Latest IRM Report",
    "Subnational in NAPs",
    "id",
}
