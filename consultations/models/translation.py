"""Translations of content: a person (see consultations.rules) or the machine gives the texts of a proposal, a
consultation, a reasoned response or a comment in another language; the original stays in the object
(common/translations.py)."""

from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from parler.fields import TranslationsForeignKey
from simple_history.models import HistoricalRecords

from common.markdown import validate_no_markup
from common.translations import ContentTranslation
from consultations.models.consultation import Consultation
from consultations.models.participation import Comment
from consultations.models.proposal import TEXT_VALIDATORS, Proposal
from consultations.models.response import ProposalResponse


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


class ConsultationTranslation(ContentTranslation):
    master = TranslationsForeignKey(
        Consultation, verbose_name=_("consultation"), on_delete=models.CASCADE, related_name="translations"
    )
    title_translated = models.CharField(_("title"), max_length=300, validators=[validate_no_markup])
    description_translated = models.TextField(
        _("description"), validators=[MaxLengthValidator(20000), validate_no_markup]
    )

    history = HistoricalRecords(bases=[models.Model])

    TEXT_FIELDS = {"title_translated": "title", "description_translated": "description"}

    class Meta:
        verbose_name = _("consultation translation")
        verbose_name_plural = _("consultation translations")
        unique_together = [("language_code", "master")]
        default_permissions = ()


class ProposalResponseTranslation(ContentTranslation):
    master = TranslationsForeignKey(
        ProposalResponse, verbose_name=_("reasoned response"), on_delete=models.CASCADE, related_name="translations"
    )
    reasons_translated = models.TextField(_("reasons"), validators=[MaxLengthValidator(10000), validate_no_markup])

    history = HistoricalRecords(bases=[models.Model])

    TEXT_FIELDS = {"reasons_translated": "reasons"}

    class Meta:
        verbose_name = _("response translation")
        verbose_name_plural = _("response translations")
        unique_together = [("language_code", "master")]
        default_permissions = ()


class CommentTranslation(ContentTranslation):
    master = TranslationsForeignKey(
        Comment, verbose_name=_("comment"), on_delete=models.CASCADE, related_name="translations"
    )
    body_translated = models.TextField(_("comment"), validators=[MaxLengthValidator(3000), validate_no_markup])

    history = HistoricalRecords(bases=[models.Model])

    TEXT_FIELDS = {"body_translated": "body"}

    class Meta:
        verbose_name = _("comment translation")
        verbose_name_plural = _("comment translations")
        unique_together = [("language_code", "master")]
        default_permissions = ()
