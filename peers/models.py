"""Peer exchange: the commitments of other members similar to each commitment (stored, refreshed by a task),
and the exchanges a point of contact asks another member's point of contact for."""

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from commitments.models import Commitment, Member
from common.models import TimeStampedModel


class SimilarCommitment(models.Model):
    """One of the commitments of other members closest to `commitment` (peers.similarity), best first."""

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="similar_rows")
    similar = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="+")
    rank = models.PositiveSmallIntegerField()
    score = models.FloatField()

    class Meta:
        verbose_name = _("similar commitment")
        verbose_name_plural = _("similar commitments")
        ordering = ["commitment", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["commitment", "similar"], name="similar_unique_pair"),
            models.CheckConstraint(condition=~Q(commitment=F("similar")), name="similar_not_itself"),
        ]
        indexes = [models.Index(fields=["commitment", "rank"], name="similar_commitment_rank")]

    def __str__(self):
        return f"{self.commitment_id} ~ {self.similar_id} ({self.score:.3f})"


class SimilarityMark(models.Model):
    """When the similar commitments of a commitment were last computed: the commitment is refreshed again
    when it was saved since (or has no mark: new, or imported in bulk). `source_key` fingerprints the title and
    policy areas they were computed from: when it changes, the lists of its neighbours are refreshed too."""

    commitment = models.OneToOneField(
        Commitment, on_delete=models.CASCADE, primary_key=True, related_name="similarity_mark"
    )
    computed_at = models.DateTimeField()
    source_key = models.CharField(max_length=64, blank=True, default="")

    class Meta:
        verbose_name = _("similarity mark")
        verbose_name_plural = _("similarity marks")

    def __str__(self):
        return f"{self.commitment_id} @ {self.computed_at:%Y-%m-%d %H:%M}"


class ExchangeRequest(TimeStampedModel):
    """A point of contact asks the points of contact of another member for an exchange about one of that
    member's commitments; one of them accepts or declines it, with a message."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting an answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    commitment = models.ForeignKey(
        Commitment,
        verbose_name=_("commitment asked about"),
        on_delete=models.CASCADE,
        related_name="exchange_requests",
    )
    about = models.ForeignKey(
        Commitment,
        verbose_name=_("own commitment"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The requesting member's commitment the exchange would help, if any."),
    )
    member = models.ForeignKey(
        Member, verbose_name=_("member asked"), on_delete=models.CASCADE, related_name="exchanges_received"
    )
    requester_member = models.ForeignKey(
        Member, verbose_name=_("requesting member"), on_delete=models.CASCADE, related_name="exchanges_sent"
    )
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="exchange_requests",
    )
    message = models.TextField(_("message"), validators=[MaxLengthValidator(5000)])
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    answer = models.TextField(_("answer"), blank=True, validators=[MaxLengthValidator(5000)])
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("exchange request")
        verbose_name_plural = _("exchange requests")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=~Q(member=F("requester_member")), name="exchange_between_two_members"),
            models.CheckConstraint(
                condition=Q(status="pending", answered_at__isnull=True)
                | (~Q(status="pending") & Q(answered_at__isnull=False)),
                name="exchange_answered_has_date",
            ),
        ]
        indexes = [
            models.Index(fields=["member", "-created_at"], name="exchange_member_newest"),
            models.Index(fields=["requester_member", "-created_at"], name="exchange_requester_newest"),
        ]

    def __str__(self):
        return f"{self.requester_member} → {self.member}: {self.commitment.title[:60]}"

    def get_absolute_url(self):
        return reverse("peers:exchange-detail", args=[self.pk])

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING
