"""The action-plan cycle calendar: each member's dated steps, computed from its plans, corrected by staff."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from commitments.models import ActionPlan, Member
from common.models import TimeStampedModel


class CycleStepQuerySet(models.QuerySet):
    def between(self, start, end):
        """Steps due from `start` to `end` (both included), with their member and plan."""
        return self.filter(due_on__gte=start, due_on__lte=end).select_related("member", "action_plan")


class CycleStep(TimeStampedModel):
    """One dated step of a member's cycle for one plan (by number, so the next plan has steps before it exists).

    Recomputation (`cycle.services.calendar.member_cycle_refresh`) rewrites the rows it computes, except
    those staff corrected (`corrected`): a corrected date stands until staff untick it.
    """

    class Kind(models.TextChoices):
        CO_CREATION_START = "co_creation_start", _("Co-creation starts")
        PLAN_DUE = "plan_due", _("Action plan due")
        SUBMISSION = "submission", _("Action plan submitted")
        DESIGN_REVIEW = "design_review", _("IRM Action Plan Review")
        MID_TERM = "mid_term", _("Mid-term of implementation")
        PLAN_END = "plan_end", _("Implementation ends")
        END_OF_TERM = "end_of_term", _("IRM Results Report")
        LOCAL_ASSESSMENT = "local_assessment", _("End-of-commitment assessment")

    member = models.ForeignKey(Member, verbose_name=_("member"), on_delete=models.CASCADE, related_name="cycle_steps")
    plan_number = models.PositiveSmallIntegerField(_("action plan number"))
    action_plan = models.ForeignKey(
        ActionPlan,
        verbose_name=_("action plan"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cycle_steps",
        help_text=_("Empty for a plan not written yet."),
    )
    kind = models.CharField(_("step"), max_length=20, choices=Kind.choices)
    due_on = models.DateField(_("date"))
    done = models.BooleanField(_("done"), default=False, help_text=_("The step has taken place."))
    computed_on = models.DateField(_("computed date"), null=True, blank=True, editable=False)
    rule = models.CharField(_("rule applied"), max_length=300, blank=True, editable=False)
    corrected = models.BooleanField(
        _("corrected by staff"),
        default=False,
        help_text=_("A corrected step keeps its date when the calendar is computed again."),
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    objects = CycleStepQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("cycle step")
        verbose_name_plural = _("cycle calendar")
        ordering = ["due_on", "member__name", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["member", "plan_number", "kind"], name="cyclestep_unique_per_plan"),
        ]
        indexes = [models.Index(fields=["due_on"], name="cyclestep_due_on")]

    def __str__(self):
        return f"{self.member} — {self.get_kind_display()} ({self.due_on})"

    def get_absolute_url(self):
        return reverse("commitments:member-detail", args=[self.member.slug])

    @property
    def uid(self) -> str:
        """Stable across recomputations (iCal UID): the member, the plan number and the step."""
        return f"{self.member.slug}-{self.plan_number}-{self.kind}"


class CycleReminder(models.Model):
    """A reminder sent to the points of contact ahead of a step: one per step, date and lead time."""

    step = models.ForeignKey(CycleStep, verbose_name=_("step"), on_delete=models.CASCADE, related_name="reminders")
    due_on = models.DateField(_("date reminded"))
    days_before = models.SmallIntegerField(_("days before"))
    recipients = models.PositiveSmallIntegerField(_("recipients"), default=0)
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("cycle reminder")
        verbose_name_plural = _("cycle reminders")
        constraints = [
            models.UniqueConstraint(fields=["step", "due_on", "days_before"], name="cyclereminder_once"),
        ]

    def __str__(self):
        return f"{self.step} − {self.days_before}"
