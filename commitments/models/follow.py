"""Followers of a commitment, and the overdue milestones they were told of (once each)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from commitments.models.commitment import Commitment, Milestone


class CommitmentFollow(models.Model):
    """A person told of a commitment's progress updates, monitoring reports, answers and overdue milestones."""

    commitment = models.ForeignKey(
        Commitment, verbose_name=_("commitment"), on_delete=models.CASCADE, related_name="follows"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="commitment_follows",
    )
    created_at = models.DateTimeField(_("followed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("commitment follower")
        verbose_name_plural = _("commitment followers")
        ordering = ["-created_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["commitment", "user"], name="commitment_follow_once")]

    def __str__(self):
        return f"{self.user} → {self.commitment}"


class OverdueMilestoneNotice(models.Model):
    """The followers of a milestone's commitment were told it is overdue: one row, so they are told once."""

    milestone = models.OneToOneField(
        Milestone, verbose_name=_("milestone"), on_delete=models.CASCADE, related_name="overdue_notice"
    )
    created_at = models.DateTimeField(_("notified at"), auto_now_add=True)

    class Meta:
        verbose_name = _("overdue milestone notice")
        verbose_name_plural = _("overdue milestone notices")

    def __str__(self):
        return str(self.milestone_id)
