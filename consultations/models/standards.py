from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from commitments.models import ActionPlan, StandardRequirement
from common.models import TimeStampedModel


class RequirementMark(TimeStampedModel):
    """Support staff's assessment of one minimum requirement for one action plan."""

    class Status(models.TextChoices):
        MET = "met", _("Met")
        NOT_MET = "not_met", _("Not met")
        NOT_ASSESSABLE = "not_assessable", _("Not yet assessable")

    action_plan = models.ForeignKey(
        ActionPlan, verbose_name=_("action plan"), on_delete=models.CASCADE, related_name="requirement_marks"
    )
    requirement = models.ForeignKey(
        StandardRequirement,
        verbose_name=_("requirement"),
        on_delete=models.PROTECT,
        related_name="marks",
        limit_choices_to={"version": "2021", "is_minimum": True},
    )
    status = models.CharField(_("assessment"), max_length=20, choices=Status.choices)
    note = models.TextField(_("evidence or explanation"), blank=True)
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("set by"), on_delete=models.SET_NULL, null=True, blank=True
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("requirement assessment")
        verbose_name_plural = _("requirement assessments")
        ordering = ["action_plan", "requirement__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["action_plan", "requirement"],
                name="requirementmark_once_per_plan",
                violation_error_message=_("This requirement is already assessed for this plan."),
            )
        ]

    def __str__(self):
        return f"{self.requirement.code}: {self.get_status_display()}"


class CoCreationChecklist(ActionPlan):
    """An action plan seen through the minimum requirements of the co-creation standards (admin screen)."""

    class Meta:
        proxy = True
        verbose_name = _("co-creation checklist")
        verbose_name_plural = _("co-creation checklists")
