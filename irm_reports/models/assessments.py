from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from common.models import TimeStampedModel
from irm_reports.scales import (
    Answer,
    ChangeInCompletion,
    Completion,
    DidItOpenGovernment,
    EarlyResults,
    PotentialForResults,
    PotentialImpact,
    RequirementStatus,
    Specificity,
)


def _rating(label, choices, **kwargs):
    return models.CharField(label, max_length=20, choices=choices, null=True, blank=True, **kwargs)


class CommitmentAssessment(TimeStampedModel):
    """The IRM's assessment of one commitment in one report.

    Every indicator of every methodology is here, null when the report's methodology does not use
    it or when there is no data yet; which ones a report uses is in irm_reports.fieldsets. The
    derived flags are stored by the service that saves an assessment (irm_reports.indicators).
    """

    RATINGS = (
        "verifiable",
        "open_gov_lens",
        "relevance_ati",
        "relevance_cp",
        "relevance_pa",
        "relevance_tech",
        "specificity",
        "potential_impact",
        "potential_for_results",
        "promising",
        "completion",
        "on_time",
        "early_results",
        "diog_overall",
        "diog_ati",
        "diog_cp",
        "diog_pa",
        "carried_forward",
        "change_in_completion",
    )
    NARRATIVES = (
        "context_objectives",
        "analysis",
        "challenges_recommendations",
        "what_happened",
        "enablers",
        "constraints",
        "looking_ahead",
    )
    DERIVED = ("starred", "high_completion", "ambitious", "strong_results")

    report = models.ForeignKey(
        "irm_reports.Report", verbose_name=_("report"), on_delete=models.CASCADE, related_name="assessments"
    )
    commitment = models.ForeignKey(
        "commitments.Commitment",
        verbose_name=_("commitment"),
        on_delete=models.PROTECT,
        related_name="irm_assessments",
    )
    # Design
    verifiable = _rating(_("verifiable"), Answer.choices)
    open_gov_lens = _rating(_("open-government lens"), Answer.choices)
    relevance_ati = _rating(_("relevant to access to information"), Answer.choices)
    relevance_cp = _rating(_("relevant to civic participation"), Answer.choices)
    relevance_pa = _rating(_("relevant to public accountability"), Answer.choices)
    relevance_tech = _rating(_("technology and innovation"), Answer.choices)
    specificity = _rating(_("specificity"), Specificity.choices)
    potential_impact = _rating(_("potential impact"), PotentialImpact.choices)
    potential_for_results = _rating(_("potential for results"), PotentialForResults.choices)
    promising = _rating(_("promising"), Answer.choices)
    cluster = models.CharField(_("cluster"), max_length=100, blank=True, help_text=_("IRM cluster, if any."))
    # Results
    completion = _rating(_("completion"), Completion.choices)
    on_time = _rating(_("on time"), Answer.choices)
    early_results = _rating(_("early results"), EarlyResults.choices)
    diog_overall = _rating(_("did it open government? (overall)"), DidItOpenGovernment.choices)
    diog_ati = _rating(_("did it open government? (access to information)"), DidItOpenGovernment.choices)
    diog_cp = _rating(_("did it open government? (civic participation)"), DidItOpenGovernment.choices)
    diog_pa = _rating(_("did it open government? (public accountability)"), DidItOpenGovernment.choices)
    carried_forward = _rating(_("carried forward to the next plan"), Answer.choices)
    change_in_completion = _rating(_("change in completion since the midterm"), ChangeInCompletion.choices)
    # Narratives
    context_objectives = models.TextField(_("context and objectives"), blank=True)
    analysis = models.TextField(_("analysis: potential for results"), blank=True)
    challenges_recommendations = models.TextField(_("challenges and recommendations"), blank=True)
    what_happened = models.TextField(_("what happened"), blank=True)
    enablers = models.TextField(_("enabling factors"), blank=True)
    constraints = models.TextField(_("constraining factors"), blank=True)
    looking_ahead = models.TextField(_("looking ahead"), blank=True)
    # Derived (irm_reports.indicators), stored for lists and statistics.
    starred = models.BooleanField(_("starred"), null=True, editable=False)
    high_completion = models.BooleanField(_("high completion"), null=True, editable=False)
    ambitious = models.BooleanField(_("ambitious"), null=True, editable=False)
    strong_results = models.BooleanField(_("strong results"), null=True, editable=False)
    # The commitment's assessment in its most recently published report: what pages, the API and
    # open data show as "the latest IRM assessment" (irm_reports.services.latest_assessments_refresh).
    is_latest = models.BooleanField(_("latest published assessment"), default=False, editable=False)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assessed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("commitment assessment")
        verbose_name_plural = _("commitment assessments")
        ordering = ["report", "commitment__sort_key"]
        constraints = [
            models.UniqueConstraint(
                fields=["commitment"], condition=models.Q(is_latest=True), name="assessment_one_latest_per_commitment"
            ),
            models.UniqueConstraint(
                fields=["report", "commitment"],
                name="assessment_unique_commitment_per_report",
                violation_error_message=_("This commitment is already assessed in this report."),
            ),
        ]

    def __str__(self):
        return f"{self.report} — {self.commitment}"

    def clean(self):
        if self.report_id and self.commitment_id and self.commitment.action_plan_id != self.report.action_plan_id:
            raise ValidationError({"commitment": _("The commitment is not part of the report's action plan.")})

    def ratings(self) -> dict:
        """The ratings as a mapping of field name to stored value (what irm_reports.indicators reads)."""
        return {field: getattr(self, field) for field in self.RATINGS + self.NARRATIVES}


class RequirementAssessment(models.Model):
    """A requirement of the Participation and Co-Creation Standards, marked by the IRM for one report."""

    class Phase(models.TextChoices):
        CO_CREATION = "co_creation", _("Co-creation")
        IMPLEMENTATION = "implementation", _("Implementation")

    report = models.ForeignKey(
        "irm_reports.Report",
        verbose_name=_("report"),
        on_delete=models.CASCADE,
        related_name="requirement_assessments",
    )
    requirement = models.ForeignKey(
        "commitments.StandardRequirement",
        verbose_name=_("requirement"),
        on_delete=models.PROTECT,
        related_name="assessments",
    )
    phase = models.CharField(_("phase"), max_length=20, choices=Phase.choices)
    status = models.CharField(_("status"), max_length=20, choices=RequirementStatus.choices)
    evidence = models.TextField(_("evidence"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("requirement assessment")
        verbose_name_plural = _("requirement assessments")
        ordering = ["report", "requirement__order"]
        constraints = [
            models.UniqueConstraint(fields=["report", "requirement"], name="requirementassessment_unique"),
        ]

    def __str__(self):
        return f"{self.requirement.code}: {self.get_status_display()}"

    def clean(self):
        if self.status and self.status != RequirementStatus.NOT_APPLICABLE and not self.evidence.strip():
            raise ValidationError({"evidence": _("Give the evidence for this finding.")})


class Recommendation(models.Model):
    """One of the IRM's recommendations in a report."""

    class Kind(models.TextChoices):
        CO_CREATION = "co_creation", _("Co-creation")
        DESIGN = "design", _("Design")
        IMPLEMENTATION = "implementation", _("Implementation")

    class FollowUp(models.TextChoices):
        NOT_ADDRESSED = "not_addressed", _("Not addressed")
        PARTIALLY = "partially", _("Partially addressed")
        ADDRESSED = "addressed", _("Addressed")

    report = models.ForeignKey(
        "irm_reports.Report", verbose_name=_("report"), on_delete=models.CASCADE, related_name="recommendations"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    kind = models.CharField(_("about"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("recommendation"), max_length=300)
    text = models.TextField(_("explanation"), blank=True)
    follow_up_status = models.CharField(_("follow-up"), max_length=20, choices=FollowUp.choices, null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        ordering = ["report", "order", "id"]

    def __str__(self):
        return self.title
