"""Action plans: a member's set of commitments over two to four years, and the status changes they go through."""

from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from commitments.models.counts import ChildCount
from commitments.models.member import Member
from common.addresses import url_for
from common.models import TimeStampedModel, content_language_field
from common.search import search_filter


class ActionPlanQuerySet(models.QuerySet):
    def search(self, text: str):
        """Full text (common.search) in the title and the summary (stored document), or the member's names."""
        fields = ("title", "description", "member__name", "member__name_fr", "member__name_es")
        also = Q(member__in=Member.objects.search(text))
        return search_filter(self, text, vector="search_vector", fields=fields, also=also)

    def with_counts(self):
        from commitments.models.commitment import Commitment, Milestone  # that module imports this one

        return self.annotate(
            commitment_count=ChildCount(Commitment, "action_plan"),
            milestone_count=ChildCount(Milestone, "commitment", "action_plan"),
            milestones_completed=ChildCount(Milestone, "commitment", "action_plan", status=Milestone.Status.COMPLETED),
        )


class ActionPlan(TimeStampedModel):
    """A member's action plan: a set of commitments over two to four years."""

    class Status(models.TextChoices):
        CO_CREATION = "co_creation", _("Co-creation")
        SUBMITTED = "submitted", _("Submitted")
        IMPLEMENTATION = "implementation", _("Implementation")
        COMPLETED = "completed", _("Completed")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    # The only status changes the portal allows; action_plan_transition() enforces them.
    TRANSITIONS = {
        Status.CO_CREATION: (Status.SUBMITTED, Status.WITHDRAWN),
        Status.SUBMITTED: (Status.CO_CREATION, Status.IMPLEMENTATION, Status.WITHDRAWN),
        Status.IMPLEMENTATION: (Status.COMPLETED, Status.WITHDRAWN),
        Status.COMPLETED: (),
        Status.WITHDRAWN: (),
    }

    member = models.ForeignKey(Member, verbose_name=_("member"), on_delete=models.PROTECT, related_name="action_plans")
    number = models.PositiveSmallIntegerField(_("number"), validators=[MinValueValidator(1)])
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("summary"), blank=True)
    # Its commitments, milestones and progress updates are written in it too (Commitment.content_language).
    language = content_language_field()
    start_date = models.DateField(_("period start"))
    end_date = models.DateField(_("period end"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.CO_CREATION, editable=False
    )
    submitted_on = models.DateField(_("submitted on"), null=True, blank=True, editable=False)
    document_url = models.URLField(_("link to the published plan"), blank=True)
    ogp_id = models.CharField(_("OGP action plan ID"), max_length=40, blank=True)
    # As in OGP's commitments data (`Year Of Submission`, `Action Plan End Year`, `… Duration (Years)`).
    submission_year = models.PositiveSmallIntegerField(
        _("year of submission"), null=True, blank=True, validators=[MinValueValidator(2011), MaxValueValidator(2100)]
    )
    end_year = models.PositiveSmallIntegerField(
        _("end year"), null=True, blank=True, validators=[MinValueValidator(2011), MaxValueValidator(2100)]
    )
    duration_years = models.PositiveSmallIntegerField(
        _("duration (years)"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )

    # Written by the database (trigger), read by search only (common.search).
    search_vector = SearchVectorField(null=True, editable=False)

    objects = ActionPlanQuerySet.as_manager()

    history = HistoricalRecords(excluded_fields=["search_vector"])

    class Meta:
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")
        ordering = ["member__name", "-start_date"]
        constraints = [
            models.UniqueConstraint(
                fields=["member", "number"],
                name="actionplan_unique_number_per_member",
                violation_error_message=_("This member already has an action plan with this number."),
            ),
            models.UniqueConstraint(fields=["ogp_id"], condition=~Q(ogp_id=""), name="actionplan_unique_ogp_id"),
            models.CheckConstraint(
                condition=Q(end_date__gt=models.F("start_date")),
                name="actionplan_period_order",
                violation_error_message=_("The period must end after it starts."),
            ),
        ]
        indexes = [models.Index(fields=["status"], name="actionplan_status")]

    def __str__(self):
        return f"{self.member} — {self.title}"

    def get_absolute_url(self):
        return url_for("commitments:actionplan-detail", self.pk)

    def get_workspace_url(self):
        return url_for("commitments:workspace-plan", self.pk)

    @property
    def content_language(self) -> str:
        return self.language

    @property
    def period_label(self) -> str:
        return f"{self.start_date.year}–{self.end_date.year}"

    @property
    def accepts_commitment_changes(self) -> bool:
        """Commitments and their milestones are written during co-creation only."""
        return self.status == self.Status.CO_CREATION

    @property
    def accepts_progress(self) -> bool:
        """Progress is reported while the plan is being implemented."""
        return self.status == self.Status.IMPLEMENTATION

    def allowed_transitions(self) -> tuple:
        return self.TRANSITIONS[self.Status(self.status)]
