"""Staff review of submitted applications (a score per criterion per reviewer) and reporting milestones."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxLengthValidator, MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from common.models import TimeStampedModel
from grants.models.applications import TEXT, GrantApplication
from grants.models.calls import Criterion

SCORE_MAX = 5


class Review(TimeStampedModel):
    """One reviewer's scoring of one application; `total` is the weighted average of the scores (0–5)."""

    application = models.ForeignKey(
        GrantApplication, verbose_name=_("application"), on_delete=models.CASCADE, related_name="reviews"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="grant_reviews",
    )
    comment = models.TextField(_("comment"), blank=True, validators=[MaxLengthValidator(5000)])
    total = models.DecimalField(_("weighted score"), max_digits=4, decimal_places=2, default=Decimal("0"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["application", "reviewer"], name="review_once_per_reviewer"),
        ]

    def __str__(self):
        return f"{self.reviewer} → {self.application}"


class ReviewScore(models.Model):
    review = models.ForeignKey(Review, verbose_name=_("review"), on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, verbose_name=_("criterion"), on_delete=models.CASCADE, related_name="+")
    score = models.PositiveSmallIntegerField(_("score"), validators=[MaxValueValidator(SCORE_MAX)])

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        ordering = ["criterion__order", "criterion_id"]
        constraints = [
            models.UniqueConstraint(fields=["review", "criterion"], name="score_once_per_criterion"),
            models.CheckConstraint(condition=Q(score__lte=SCORE_MAX), name="score_at_most_max"),
        ]

    def __str__(self):
        return f"{self.criterion}: {self.score}"


class ReportingMilestone(models.Model):
    """A report an awarded organisation owes (narrative, financial…), due on a date, received or not."""

    application = models.ForeignKey(
        GrantApplication, verbose_name=_("grant"), on_delete=models.CASCADE, related_name="milestones"
    )
    title = models.CharField(_("report due"), max_length=200)
    due_on = models.DateField(_("due on"))
    received_on = models.DateField(_("received on"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True, validators=TEXT)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("reporting milestone")
        verbose_name_plural = _("reporting milestones")
        ordering = ["due_on", "id"]

    def __str__(self):
        return self.title
