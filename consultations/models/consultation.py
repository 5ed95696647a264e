from datetime import date, timedelta

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from parler.models import TranslatableModelMixin
from simple_history.models import HistoricalRecords

from commitments.models import ActionPlan, PolicyArea
from common.addresses import url_for
from common.markdown import validate_no_markup
from common.models import TimeStampedModel, content_language_field
from common.search import search_filter


class ConsultationQuerySet(models.QuerySet):
    def search(self, text: str):
        """Full text (common.search) in the title and the description (stored document), or its plan's search."""
        fields = ("title", "description", "action_plan__title", "action_plan__member__name")
        also = Q(action_plan__in=ActionPlan.objects.search(text))
        return search_filter(self, text, vector="search_vector", fields=fields, also=also)

    def open_now(self, now=None):
        now = now or timezone.now()
        return self.filter(status=Consultation.Status.SCHEDULED, opens_at__lte=now, closes_at__gt=now)

    def with_counts(self):
        """The consultations with `proposal_count` (proposals awaiting or holding a response) and `answered_count`
        (those answered): columns now, kept right by every write of a proposal (Proposal.save), so nothing to
        count per view."""
        return self


class Consultation(TranslatableModelMixin, TimeStampedModel):
    """A call for proposals (or a review of the draft plan) on an action plan, open between two dates.

    Its texts are in `language`; its `translations` (ConsultationTranslation) hold the other languages.
    """

    class Kind(models.TextChoices):
        PROPOSALS = "proposals", _("Call for proposals")
        DRAFT_REVIEW = "draft_review", _("Review of the draft plan")

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Follows its dates")
        CLOSED_EARLY = "closed_early", _("Closed early")
        CANCELLED = "cancelled", _("Cancelled")

    class State(models.TextChoices):
        UPCOMING = "upcoming", _("Upcoming")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")
        CANCELLED = "cancelled", _("Cancelled")

    action_plan = models.ForeignKey(
        ActionPlan, verbose_name=_("action plan"), on_delete=models.PROTECT, related_name="consultations"
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(
        _("description"),
        validators=[MaxLengthValidator(20000), validate_no_markup],
        help_text=_("What the consultation is about and how proposals will be used. Markdown is allowed."),
    )
    language = content_language_field()
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.PROPOSALS)
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(_("closes at"))
    response_due_on = models.DateField(
        _("responses due on"),
        help_text=_("The date by which every proposal gets a reasoned response."),
    )
    policy_areas = models.ManyToManyField(
        PolicyArea,
        verbose_name=_("policy areas in scope"),
        blank=True,
        related_name="consultations",
        help_text=_("Leave empty for a consultation open to every policy area."),
    )
    max_proposals_per_participant = models.PositiveSmallIntegerField(
        _("proposals per participant"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Leave empty for no limit."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SCHEDULED, editable=False
    )
    status_reason = models.TextField(_("reason for closing early or cancelling"), blank=True, editable=False)
    status_changed_at = models.DateTimeField(_("closed or cancelled at"), null=True, blank=True, editable=False)
    # Kept by every save of its proposals (Proposal.save, F() updates): public proposals owed or holding a
    # response (Proposal.TO_ANSWER, not hidden), and those of them answered (Proposal.ANSWERED).
    proposal_count = models.PositiveIntegerField(_("proposals to answer"), default=0, editable=False)
    answered_count = models.PositiveIntegerField(_("proposals answered"), default=0, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    objects = ConsultationQuerySet.as_manager()

    # Written by the database (trigger), read by search only (common.search).
    search_vector = SearchVectorField(null=True, editable=False)

    history = HistoricalRecords(excluded_fields=["proposal_count", "answered_count", "search_vector"])

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")
        ordering = ["-opens_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=models.F("opens_at")),
                name="consultation_closes_after_opening",
                violation_error_message=_("A consultation must close after it opens."),
            ),
            models.CheckConstraint(
                condition=Q(status="scheduled") | (Q(status_changed_at__isnull=False) & ~Q(status_reason="")),
                name="consultation_early_end_has_reason",
                violation_error_message=_("Closing early or cancelling needs a reason."),
            ),
        ]
        indexes = [
            # "Open now, closing first" (the home page) read in the index's order, the id breaking ties: with
            # every consultation open, a sort of all of them took 6.0 ms against 0.17.
            models.Index(fields=["status", "closes_at", "id"], name="consultation_status_closing"),
            # The list's order: its first page read from the index, not sorted from every consultation.
            models.Index(fields=["-opens_at", "-id"], name="consultation_newest"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return url_for("consultations:consultation-detail", self.pk)

    COUNTERS = ("proposal_count", "answered_count")

    def save(self, *args, **kwargs):
        # The counters are only moved by their F() updates: saving a consultation read earlier keeps them as they are.
        if not self._state.adding and kwargs.get("update_fields") is None and not kwargs.get("force_insert"):
            kwargs["update_fields"] = [
                f.name for f in self._meta.concrete_fields if not f.primary_key and f.name not in self.COUNTERS
            ]
        super().save(*args, **kwargs)

    def get_workspace_url(self):
        return reverse("consultations:workspace-consultation", args=[self.pk])

    def clean(self):
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("A consultation must close after it opens.")})
        if self.response_due_on and self.closes_at and self.response_due_on < timezone.localdate(self.closes_at):
            raise ValidationError({"response_due_on": _("Responses cannot be due before the consultation closes.")})

    @staticmethod
    def default_response_due_on(closes_at) -> date:
        return timezone.localdate(closes_at) + timedelta(days=settings.CONSULTATION_RESPONSE_DAYS)

    @property
    def member(self):
        return self.action_plan.member

    @property
    def content_language(self) -> str:
        return self.language

    @property
    def is_public(self) -> bool:
        """Every consultation is on the public pages from its creation (upcoming, open, closed or cancelled)."""
        return True

    @property
    def ended_at(self):
        """When proposals stopped being accepted (or will stop)."""
        if self.status == self.Status.CLOSED_EARLY:
            return self.status_changed_at
        return self.closes_at

    @property
    def state(self) -> str:
        return self.state_of(self.status, self.opens_at, self.closes_at)

    @classmethod
    def state_of(cls, status, opens_at, closes_at, now=None) -> str:
        """The state of a consultation with this status and these dates (now, or at `now`)."""
        if status == cls.Status.CANCELLED:
            return cls.State.CANCELLED
        now = now or timezone.now()
        if now < opens_at:
            return cls.State.UPCOMING
        if status == cls.Status.CLOSED_EARLY or now >= closes_at:
            return cls.State.CLOSED
        return cls.State.OPEN

    def get_state_display(self) -> str:
        return self.State(self.state).label

    @property
    def is_open(self) -> bool:
        return self.state == self.State.OPEN

    @property
    def can_end_early(self) -> bool:
        return self.state in (self.State.UPCOMING, self.State.OPEN)

    @property
    def duration_days(self) -> float:
        return (self.ended_at - self.opens_at).total_seconds() / 86400


class ResponseReminder(models.Model):
    """A reminder sent to the point of contact before a response deadline: one per deadline and step."""

    consultation = models.ForeignKey(
        Consultation, verbose_name=_("consultation"), on_delete=models.CASCADE, related_name="reminders"
    )
    due_on = models.DateField(_("deadline"))
    days_before = models.SmallIntegerField(_("days before the deadline"))
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("response reminder")
        verbose_name_plural = _("response reminders")
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(fields=["consultation", "due_on", "days_before"], name="reminder_once_per_step")
        ]

    def __str__(self):
        return f"{self.consultation} — {self.due_on} (-{self.days_before})"
