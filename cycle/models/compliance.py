"""Compliance findings: what the cycle's rules found for a member, with the evidence and staff's decision."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from commitments.models import ActionPlan, Member, MemberStatusEvent
from common.models import TimeStampedModel


class ComplianceFinding(TimeStampedModel):
    """One instance of a rule not met (a late plan, a forum that stopped meeting…), found by the daily check.

    `subject` names the row it is about ("plan:12", "forum:3", "consultation:8"), so the same instance is
    found again rather than duplicated; it is `resolved_on` once the check no longer finds it.
    """

    class Kind(models.TextChoices):
        LATE_PLAN = "late_plan", _("Action plan late")
        MIN_REQUIREMENTS = "min_requirements", _("Submitted without the minimum co-creation requirements")
        FORUM_INACTIVE = "forum_inactive", _("Forum has not met for six months")
        FORUM_PARITY = "forum_parity", _("Forum without parity")
        UNANSWERED = "unanswered_proposals", _("Proposals without a reasoned response after the deadline")

    class Decision(models.TextChoices):
        PENDING = "", _("Awaiting a decision")
        PROCEDURAL_REVIEW = "procedural_review", _("Place under procedural review")
        NO_ACTION = "no_action", _("No action")

    # The status-event reason each kind leads to when staff place the member under review.
    REASONS = {
        Kind.LATE_PLAN: MemberStatusEvent.Reason.LATE_ACTION_PLAN,
        Kind.MIN_REQUIREMENTS: MemberStatusEvent.Reason.MIN_REQUIREMENTS,
        Kind.FORUM_INACTIVE: MemberStatusEvent.Reason.MIN_REQUIREMENTS,
        Kind.FORUM_PARITY: MemberStatusEvent.Reason.MIN_REQUIREMENTS,
        Kind.UNANSWERED: MemberStatusEvent.Reason.MIN_REQUIREMENTS,
    }

    member = models.ForeignKey(
        Member, verbose_name=_("member"), on_delete=models.CASCADE, related_name="compliance_findings"
    )
    action_plan = models.ForeignKey(
        ActionPlan, verbose_name=_("action plan"), on_delete=models.SET_NULL, null=True, blank=True
    )
    kind = models.CharField(_("finding"), max_length=30, choices=Kind.choices)
    subject = models.CharField(_("about"), max_length=60)
    evidence = models.JSONField(_("evidence"), default=dict, help_text=_("The facts found, by name."))
    found_on = models.DateField(_("found on"))
    resolved_on = models.DateField(_("resolved on"), null=True, blank=True)
    decision = models.CharField(_("decision"), max_length=20, choices=Decision.choices, blank=True)
    decision_reason = models.TextField(_("reason for the decision"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("decided by"), on_delete=models.SET_NULL, null=True, blank=True
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    status_event = models.ForeignKey(
        MemberStatusEvent, verbose_name=_("status event"), on_delete=models.SET_NULL, null=True, blank=True
    )

    class Meta:
        verbose_name = _("compliance finding")
        verbose_name_plural = _("compliance findings")
        ordering = ["-found_on", "member__name", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "subject"], condition=Q(resolved_on__isnull=True), name="finding_open_once"
            ),
        ]

    def __str__(self):
        return f"{self.member} — {self.get_kind_display()}"

    def get_absolute_url(self):
        return reverse("cycle:finding-detail", args=[self.pk])

    @property
    def evidence_text(self) -> str:
        from cycle.evidence import describe  # that module reads this one

        return describe(self)

    @property
    def is_open(self) -> bool:
        return self.resolved_on is None
