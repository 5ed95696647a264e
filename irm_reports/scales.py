"""The IRM's rating scales, with the numeric codes of OGP's commitments spreadsheet.

Every scale is a TextChoices whose stored values are stable slugs. Next to the real ratings, the
sentinels of OGP's data are values of their own: `not_reviewed` (the spreadsheet's `NR`, "not
reviewed by the IRM") and, where the data has it, `not_applicable` (`NA`). "No data yet" (`ND`)
is stored as null. `CODES` maps the spreadsheet's underscore columns (`_Specificity`,
`_Potential Impact`…) to these values, for the importer.
"""

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

NOT_REVIEWED = "not_reviewed"
NOT_APPLICABLE = "not_applicable"
SENTINELS = frozenset({NOT_REVIEWED, NOT_APPLICABLE})
# OGP's spreadsheet placeholders: ND = no data yet (null here), NR = not reviewed, NA = not applicable.
SPREADSHEET_SENTINELS = {"ND": None, "NR": NOT_REVIEWED, "NA": NOT_APPLICABLE}


class ReportType(models.TextChoices):
    ACTION_PLAN_REVIEW = "action_plan_review", _("Action Plan Review")
    RESULTS_REPORT = "results_report", _("Results Report")
    PROGRESS_REPORT = "progress_report", _("Progress Report (legacy)")
    END_OF_TERM_REPORT = "end_of_term_report", _("End-of-Term Report (legacy)")


class Methodology(models.TextChoices):
    LEGACY_2014 = "legacy_2014", _("Legacy indicators, 2014 star formula")
    LEGACY_2015 = "legacy_2015", _("Legacy indicators, current star formula (2015 onward)")
    TRANSITIONAL_2019 = "transitional_2019", _("Transitional (2019–2020 plans)")
    REFRESH_2021 = "refresh_2021", _("IRM Refresh (2021 onward)")


# The methodologies each report type is written with.
METHODOLOGIES_BY_TYPE = {
    ReportType.ACTION_PLAN_REVIEW: (Methodology.REFRESH_2021,),
    ReportType.RESULTS_REPORT: (Methodology.REFRESH_2021, Methodology.TRANSITIONAL_2019),
    ReportType.PROGRESS_REPORT: (Methodology.LEGACY_2014, Methodology.LEGACY_2015, Methodology.TRANSITIONAL_2019),
    ReportType.END_OF_TERM_REPORT: (Methodology.LEGACY_2014, Methodology.LEGACY_2015, Methodology.TRANSITIONAL_2019),
}


class Answer(models.TextChoices):
    """Yes / no indicators (verifiable, open-government lens, relevance to a value, promising…)."""

    YES = "yes", _("Yes")
    NO = "no", _("No")
    NOT_REVIEWED = NOT_REVIEWED, _("Not reviewed")
    NOT_APPLICABLE = NOT_APPLICABLE, _("Not applicable")


Answer.CODES = {"1": Answer.YES, "0": Answer.NO, "Yes": Answer.YES, "No": Answer.NO}


class Specificity(models.TextChoices):
    NONE = "none", _("None")
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")
    NOT_REVIEWED = NOT_REVIEWED, _("Not reviewed")


Specificity.CODES = {"0": Specificity.NONE, "1": Specificity.LOW, "2": Specificity.MEDIUM, "3": Specificity.HIGH}


class PotentialImpact(models.TextChoices):
    NONE = "none", _("None")
    MINOR = "minor", _("Minor")
    MODERATE = "moderate", _("Moderate")
    TRANSFORMATIVE = "transformative", _("Transformative")
    NOT_REVIEWED = NOT_REVIEWED, _("Not reviewed")


PotentialImpact.CODES = {
    "0": PotentialImpact.NONE,
    "1": PotentialImpact.MINOR,
    "2": PotentialImpact.MODERATE,
    "3": PotentialImpact.TRANSFORMATIVE,
}


class PotentialForResults(models.TextChoices):
    UNCLEAR = "unclear", _("Unclear")
    MODEST = "modest", _("Modest")
    SUBSTANTIAL = "substantial", _("Substantial")
    NOT_REVIEWED = NOT_REVIEWED, _("Not reviewed")


PotentialForResults.CODES = {
    "0": PotentialForResults.UNCLEAR,
    "1": PotentialForResults.MODEST,
    "2": PotentialForResults.SUBSTANTIAL,
}


class Completion(models.TextChoices):
    """Completion: the Results Report's five-point scale, plus the legacy "withdrawn" and "unclear"."""

    NO_EVIDENCE = "no_evidence", _("No evidence available")
    NOT_STARTED = "not_started", _("Not started")
    LIMITED = "limited", _("Limited")
    SUBSTANTIAL = "substantial", _("Substantial")
    COMPLETE = "complete", _("Complete")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    UNCLEAR = "unclear", _("Unclear")
    NOT_REVIEWED = NOT_REVIEWED, _("Not reviewed")
    NOT_APPLICABLE = NOT_APPLICABLE, _("Not applicable")


# _CompletionProgress / _CompletionEndTerm
Completion.CODES = {
    "0": Completion.WITHDRAWN,
    "1": Completion.UNCLEAR,
    "2": Completion.NOT_STARTED,
    "3": Completion.LIMITED,
    "4": Completion.SUBSTANTIAL,
    "5": Completion.COMPLETE,
}


class EarlyResults(models.TextChoices):
    NO_NOTABLE = "no_notable", _("No notable results")
    MODERATE = "moderate", _("Moderate")
    SIGNIFICANT = "significant", _("Significant")
    NOT_REVIEWED = NOT_REVIEWED, _("Not reviewed")


EarlyResults.CODES = {"0": EarlyResults.NO_NOTABLE, "1": EarlyResults.MODERATE, "2": EarlyResults.SIGNIFICANT}


class DidItOpenGovernment(models.TextChoices):
    """ "Did it open government?", overall and for each OGP value (legacy End-of-Term indicators)."""

    WORSENED = "worsened", _("Worsened")
    DID_NOT_CHANGE = "did_not_change", _("Did not change")
    MARGINAL = "marginal", _("Marginal")
    MAJOR = "major", _("Major")
    OUTSTANDING = "outstanding", _("Outstanding")
    TOO_EARLY = "too_early", _("No early results to report yet")
    NOT_REVIEWED = NOT_REVIEWED, _("Not reviewed")
    NOT_APPLICABLE = NOT_APPLICABLE, _("Not applicable")


# _OpenGovernment (overall) and _DIOGATI / _DIOGCP / _DIOGPA (per value) are coded differently.
DidItOpenGovernment.CODES = {
    "0": DidItOpenGovernment.WORSENED,
    "1": DidItOpenGovernment.DID_NOT_CHANGE,
    "2": DidItOpenGovernment.MARGINAL,
    "3": DidItOpenGovernment.MAJOR,
    "4": DidItOpenGovernment.OUTSTANDING,
}
DidItOpenGovernment.VALUE_CODES = {
    "0": DidItOpenGovernment.NOT_APPLICABLE,
    "1": DidItOpenGovernment.WORSENED,
    "2": DidItOpenGovernment.DID_NOT_CHANGE,
    "3": DidItOpenGovernment.MARGINAL,
    "4": DidItOpenGovernment.MAJOR,
    "5": DidItOpenGovernment.OUTSTANDING,
}
# Labels of the spreadsheet that differ from ours.
DidItOpenGovernment.LABELS = {
    "Worsens": DidItOpenGovernment.WORSENED,
    "No early results to report yet": DidItOpenGovernment.TOO_EARLY,
}


class ChangeInCompletion(models.TextChoices):
    INCREASE = "increase", _("Increase")
    NO_CHANGE = "no_change", _("No change")
    DECREASE = "decrease", _("Decrease")
    NOT_REVIEWED = NOT_REVIEWED, _("Not reviewed")


# _ChangeCompletion: the end-of-term completion code minus the midterm one.
ChangeInCompletion.CODES = {
    **{str(step): ChangeInCompletion.DECREASE for step in range(-5, 0)},
    "0": ChangeInCompletion.NO_CHANGE,
    **{str(step): ChangeInCompletion.INCREASE for step in range(1, 6)},
}


class Iap2Level(models.TextChoices):
    """IAP2 level of public influence, from the lowest to the highest."""

    NO_CONSULTATION = "no_consultation", _("No consultation")
    INFORM = "inform", _("Inform")
    CONSULT = "consult", _("Consult")
    INVOLVE = "involve", _("Involve")
    COLLABORATE = "collaborate", _("Collaborate")
    EMPOWER = "empower", _("Empower")


class RequirementStatus(models.TextChoices):
    MET = "met", _("Met")
    IN_PROGRESS = "in_progress", _("In progress")
    NOT_MET = "not_met", _("Not met")
    NOT_APPLICABLE = NOT_APPLICABLE, _("Not applicable")


def from_spreadsheet(scale, raw: str | None, *, codes: dict | None = None):
    """A spreadsheet cell (numeric code, label or sentinel) as a value of `scale`; ND and blanks are None.

    Raises ValueError for a value the scale does not know.
    """
    text = (raw or "").strip()
    if not text or text == "ND":
        return None
    if text in SPREADSHEET_SENTINELS:
        value = SPREADSHEET_SENTINELS[text]
        if value not in scale.values:
            raise ValueError(f"{scale.__name__} has no value for {text!r}")
        return value
    mapping = codes if codes is not None else getattr(scale, "CODES", {})
    if text in mapping:
        return str(mapping[text])
    with translation.override("en"):  # OGP's sheets are in English, whatever the language of who imports
        labels = {str(label).lower(): value for value, label in scale.choices}
    labels.update({k.lower(): str(v) for k, v in getattr(scale, "LABELS", {}).items()})
    if text.lower() in labels:
        return labels[text.lower()]
    raise ValueError(f"{scale.__name__} has no value for {text!r}")
