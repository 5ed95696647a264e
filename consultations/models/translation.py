"""Translations of proposals: the author (or the point of contact, or staff, or the machine) gives the title and
the texts in another language; the original stays in the proposal (common/translations.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from parler.fields import TranslationsForeignKey
from simple_history.models import HistoricalRecords

from common.markdown import validate_no_markup
from common.translations import ContentTranslation
from consultations.models.proposal import TEXT_VALIDATORS, Proposal


class ProposalTranslation(ContentTranslation):
    master = TranslationsForeignKey(
        Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE, related_name="translations"
    )
    title_translated = models.CharField(_("title"), max_length=200, validators=[validate_no_markup])
    problem_translated = models.TextField(_("problem"), validators=TEXT_VALIDATORS)
    solution_translated = models.TextField(_("proposed solution"), validators=TEXT_VALIDATORS)
    expected_results_translated = models.TextField(_("expected results"), blank=True, validators=TEXT_VALIDATORS)

    history = HistoricalRecords(bases=[models.Model])

    TEXT_FIELDS = {
        "title_translated": "title",
        "problem_translated": "problem",
        "solution_translated": "solution",
        "expected_results_translated": "expected_results",
    }

    class Meta:
        verbose_name = _("proposal translation")
        verbose_name_plural = _("proposal translations")
        unique_together = [("language_code", "master")]
        default_permissions = ()
