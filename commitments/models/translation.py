"""Translations of commitments and milestones: the point of contact, staff or the machine give their texts in
another language than their plan's; the original stays in the commitment (common/translations.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from parler.fields import TranslationsForeignKey
from simple_history.models import HistoricalRecords

from commitments.models.commitment import Commitment, Milestone
from common.translations import ContentTranslation


class CommitmentTranslation(ContentTranslation):
    """The texts of the commitment's page. Not its full text: the plan's own wording, kept as published, which
    the translated sections already carry."""

    master = TranslationsForeignKey(
        Commitment, verbose_name=_("commitment"), on_delete=models.CASCADE, related_name="translations"
    )
    title_translated = models.CharField(_("title"), max_length=500)
    short_title_translated = models.CharField(_("short title"), max_length=500, blank=True)
    problem_translated = models.TextField(_("problem addressed"), blank=True)
    status_quo_translated = models.TextField(_("status quo"), blank=True)
    objective_translated = models.TextField(_("objective"), blank=True)
    expected_results_translated = models.TextField(_("expected results"), blank=True)

    history = HistoricalRecords(bases=[models.Model])

    TEXT_FIELDS = {
        "title_translated": "title",
        "short_title_translated": "short_title",
        "problem_translated": "problem",
        "status_quo_translated": "status_quo",
        "objective_translated": "objective",
        "expected_results_translated": "expected_results",
    }

    class Meta:
        verbose_name = _("commitment translation")
        verbose_name_plural = _("commitment translations")
        unique_together = [("language_code", "master")]
        default_permissions = ()


class MilestoneTranslation(ContentTranslation):
    master = TranslationsForeignKey(
        Milestone, verbose_name=_("milestone"), on_delete=models.CASCADE, related_name="translations"
    )
    description_translated = models.TextField(_("description"))
    expected_output_translated = models.CharField(_("expected output"), max_length=500, blank=True)

    history = HistoricalRecords(bases=[models.Model])

    TEXT_FIELDS = {"description_translated": "description", "expected_output_translated": "expected_output"}

    class Meta:
        verbose_name = _("milestone translation")
        verbose_name_plural = _("milestone translations")
        unique_together = [("language_code", "master")]
        default_permissions = ()
