"""Commitments and their milestones (their progress: progress.py; their translations: translation.py)."""

import re
from datetime import date

from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from parler.models import TranslatableModelMixin
from simple_history.models import HistoricalRecords

from accounts.models import Organisation
from commitments.models.counts import ChildCount
from commitments.models.plan import ActionPlan
from commitments.models.reference import PolicyArea
from common.addresses import url_for
from common.models import TimeStampedModel
from common.search import search_filter


class CommitmentQuerySet(models.QuerySet):
    def with_milestone_progress(self):
        return self.annotate(
            milestone_count=ChildCount(Milestone, "commitment"),
            milestones_completed=ChildCount(Milestone, "commitment", status=Milestone.Status.COMPLETED),
        )

    def search(self, text: str):
        """Full text (common.search): title, identifiers, policy areas in three languages, institutions, aims."""
        return search_filter(self, text, vector="search_vector", fields=SEARCH_FIELDS)


# What a commitment is found by: the stored document of commitments_commitment_document() (migration
# commitments 0015), and the fields the embedded database searches word by word.
SEARCH_FIELDS = (
    "title", "short_title", "ogp_id", "theme", "lead_institution__name", "lead_institution_text",
    "supporting_institutions_text", "policy_areas__name", "policy_areas__name_fr", "policy_areas__name_es",
    "policy_areas__keywords", "objective", "problem", "expected_results",
)  # fmt: skip


def commitment_sort_key(number: str) -> str:
    """Natural order for commitment numbers: "2.10" after "2.9", "10" after "9"."""
    parts = re.findall(r"\d+|[^\d.\s]+", number or "")
    return ".".join(p.zfill(6) if p.isdigit() else p.lower() for p in parts)[:60]


class Completion(models.TextChoices):
    """Completion level on OGP's self-assessment scale."""

    NOT_STARTED = "not_started", _("Not started")
    LIMITED = "limited", _("Limited")
    SUBSTANTIAL = "substantial", _("Substantial")
    COMPLETE = "complete", _("Complete")


class Commitment(TranslatableModelMixin, TimeStampedModel):
    """A concrete, time-bound reform promised in an action plan."""

    # Indexed by the two indexes of Meta that start with it, not by one of its own.
    action_plan = models.ForeignKey(
        ActionPlan,
        verbose_name=_("action plan"),
        on_delete=models.CASCADE,
        related_name="commitments",
        db_index=False,
    )
    number = models.CharField(_("number"), max_length=20, help_text=_("As in the plan, e.g. 3.1."))
    sort_key = models.CharField(max_length=60, editable=False, default="")
    ogp_id = models.CharField(
        _("OGP unique identifier"), max_length=40, blank=True, help_text=_("e.g. UK0107, when OGP has assigned one.")
    )
    title = models.CharField(_("title"), max_length=500)
    short_title = models.CharField(_("short title"), max_length=500, blank=True)
    full_text = models.TextField(_("full text"), blank=True, help_text=_("The commitment as written in the plan."))
    theme = models.CharField(_("theme"), max_length=500, blank=True)
    problem = models.TextField(_("problem addressed"), blank=True)
    status_quo = models.TextField(_("status quo"), blank=True)
    objective = models.TextField(_("objective"), blank=True)
    expected_results = models.TextField(_("expected results"), blank=True)
    lead_institution = models.ForeignKey(
        Organisation,
        verbose_name=_("lead institution"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="led_commitments",
        limit_choices_to={"kind": Organisation.Kind.GOVERNMENT},
    )
    lead_institution_text = models.TextField(
        _("lead institution (as written)"), blank=True, help_text=_("As given in OGP's data, when imported.")
    )
    supporting_organisations = models.ManyToManyField(
        Organisation,
        verbose_name=_("supporting institutions and CSOs"),
        blank=True,
        related_name="supported_commitments",
    )
    supporting_institutions_text = models.TextField(
        _("supporting institutions (as written)"), blank=True, help_text=_("As given in OGP's data, when imported.")
    )
    # Its link table also has an (area, commitment) index that Django does not know of (migration 0026): a migration
    # that rebuilds the table (SQLite, on altering this field) must create it again.
    policy_areas = models.ManyToManyField(
        PolicyArea, verbose_name=_("policy areas"), blank=True, related_name="commitments"
    )
    access_to_information = models.BooleanField(_("access to information"), default=False)
    civic_participation = models.BooleanField(_("civic participation"), default=False)
    public_accountability = models.BooleanField(_("public accountability"), default=False)
    technology_innovation = models.BooleanField(_("technology and innovation"), default=False)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    # The dates as OGP's data gives them ("July 2014", "I quarter of 2021"…), when imported.
    start_date_text = models.TextField(_("start date (as written)"), blank=True)
    end_date_text = models.TextField(_("end date (as written)"), blank=True)
    ogp_url = models.URLField(_("page on OGP's website"), max_length=500, blank=True)
    completion = models.CharField(
        _("completion (self-reported)"),
        max_length=20,
        choices=Completion.choices,
        blank=True,
        editable=False,
        help_text=_("From the latest progress update."),
    )
    # Funding (optional): what the commitment costs, where the money comes from, what is still missing.
    budget = models.DecimalField(_("budget"), max_digits=16, decimal_places=2, null=True, blank=True)
    budget_currency = models.CharField(_("currency"), max_length=3, blank=True, help_text=_("ISO 4217 code, e.g. USD."))
    funding_source = models.CharField(_("source of funding"), max_length=300, blank=True)
    funding_gap = models.DecimalField(
        _("funding gap"), max_digits=16, decimal_places=2, null=True, blank=True, help_text=_("What is not yet funded.")
    )
    # Written by the database (trigger), read by search only (common.search).
    search_vector = SearchVectorField(null=True, editable=False)

    objects = CommitmentQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["search_vector"])

    class Meta:
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        ordering = ["action_plan", "sort_key"]
        constraints = [
            # Numbers are unique among the portal's own commitments; OGP's data has plans where two
            # commitments share one, and keys them on OGP's identifier (commitment_unique_ogp_id).
            models.UniqueConstraint(
                fields=["action_plan", "number"],
                condition=Q(ogp_id=""),
                name="commitment_unique_number_per_plan",
                violation_error_message=_("This plan already has a commitment with this number."),
            ),
            models.UniqueConstraint(fields=["ogp_id"], condition=~Q(ogp_id=""), name="commitment_unique_ogp_id"),
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(end_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="commitment_dates_order",
                violation_error_message=_("The end date must not be before the start date."),
            ),
            models.CheckConstraint(
                condition=Q(budget__isnull=True) | ~Q(budget_currency=""),
                name="commitment_budget_has_currency",
                violation_error_message=_("Give the currency of the budget."),
            ),
            models.CheckConstraint(
                condition=Q(funding_gap__isnull=True) | Q(budget__isnull=True) | Q(funding_gap__lte=models.F("budget")),
                name="commitment_funding_gap_within_budget",
                violation_error_message=_("The funding gap cannot be larger than the budget."),
            ),
        ]
        indexes = [
            models.Index(fields=["action_plan", "sort_key"], name="commitment_plan_sort"),
            # A plan's commitment ids, by completion, from the index alone: the filters by member and country
            # (and completion) read them for a whole country (thousands) without visiting the table
            # (docs/PERFORMANCE.md, sixth and seventh rounds).
            models.Index(fields=["action_plan", "completion", "id"], name="commitment_plan_completion"),
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"

    def get_absolute_url(self):
        return url_for("commitments:commitment-detail", self.pk)

    def save(self, *args, **kwargs):
        # Derived, never edited: keeps "2.10" after "2.9" in every listing.
        self.sort_key = commitment_sort_key(self.number)
        super().save(*args, **kwargs)

    # Every commitment is public: the machine may translate it (common.content_translations).
    is_public = True

    @property
    def content_language(self) -> str:
        """The language of its texts: its plan's (lists select the plan's `language` with the commitment)."""
        return self.action_plan.language

    @property
    def ogp_values(self) -> list[str]:
        flags = [
            (self.access_to_information, _("Access to information")),
            (self.civic_participation, _("Civic participation")),
            (self.public_accountability, _("Public accountability")),
            (self.technology_innovation, _("Technology and innovation")),
        ]
        return [label for on, label in flags if on]


class Milestone(TranslatableModelMixin, TimeStampedModel):
    """A verifiable step of a commitment with its due date."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        IN_PROGRESS = "in_progress", _("In progress")
        COMPLETED = "completed", _("Completed")
        DELAYED = "delayed", _("Delayed")
        CANCELLED = "cancelled", _("Cancelled")

    commitment = models.ForeignKey(
        Commitment, verbose_name=_("commitment"), on_delete=models.CASCADE, related_name="milestones"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    description = models.TextField(_("description"))
    expected_output = models.CharField(_("expected output"), max_length=500, blank=True)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NOT_STARTED)
    completed_on = models.DateField(_("completed on"), null=True, blank=True)

    history = HistoricalRecords()

    # A commitment's milestones in their order, the undated after the dated of the same rank on every database
    # (SQLite sorts NULL first, PostgreSQL last).
    ORDER = ("order", F("due_date").asc(nulls_last=True), "id")

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["commitment", "order", F("due_date").asc(nulls_last=True), "id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(status="completed") & Q(completed_on__isnull=False))
                | (~Q(status="completed") & Q(completed_on__isnull=True)),
                name="milestone_completed_has_date",
                violation_error_message=_("A completed milestone has a completion date, and only a completed one."),
            ),
        ]

    def __str__(self):
        return self.description[:80]

    def clean(self):
        errors = {}
        if self.due_date and self.commitment_id:
            plan = self.commitment.action_plan
            if not plan.start_date <= self.due_date <= plan.end_date:
                errors["due_date"] = _("The due date must fall within the action plan period (%(period)s).") % {
                    "period": f"{plan.start_date:%Y-%m-%d} – {plan.end_date:%Y-%m-%d}"
                }
        if self.completed_on and self.completed_on > date.today():
            errors["completed_on"] = _("The completion date cannot be in the future.")
        if self.status == self.Status.COMPLETED and not self.completed_on:
            errors["completed_on"] = _("Give the date the milestone was completed.")
        if self.status != self.Status.COMPLETED and self.completed_on:
            errors["completed_on"] = _("Only a completed milestone has a completion date.")
        if errors:
            raise ValidationError(errors)

    is_public = True

    @property
    def content_language(self) -> str:
        return self.commitment.content_language

    @property
    def is_overdue(self) -> bool:
        return milestone_overdue(self.due_date, self.status)


def milestone_overdue(due_date: date | None, status: str) -> bool:
    """Past its due date and neither completed nor cancelled (Milestone.is_overdue; rows read as values() too)."""
    done = (Milestone.Status.COMPLETED, Milestone.Status.CANCELLED)
    return bool(due_date and due_date < date.today() and status not in done)
