"""Multilateral and technical partners, and the assistance they give members."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from common.models import LocalizedDescriptionModel, LocalizedNameModel


class Partner(LocalizedNameModel, LocalizedDescriptionModel):
    """An institution that gives members technical or financial assistance (World Bank Group, IDB, OECD…)."""

    class Kind(models.TextChoices):
        MULTILATERAL = "multilateral", _("Multilateral partner")
        TECHNICAL = "technical", _("Technical partner")

    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.MULTILATERAL)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["name"]

    def __str__(self):
        return self.display_name

    def get_absolute_url(self):
        return reverse("support:partner-detail", args=[self.slug])


class Engagement(models.Model):
    """A partner's support to one member: which commitments, what kind, when, with what funding."""

    class Assistance(models.TextChoices):
        TECHNICAL = "technical", _("Technical assistance")
        FINANCIAL = "financial", _("Financial assistance")
        KNOWLEDGE = "knowledge", _("Knowledge and peer exchange")
        CONVENING = "convening", _("Convening and dialogue")

    partner = models.ForeignKey(
        Partner, verbose_name=_("partner"), on_delete=models.CASCADE, related_name="engagements"
    )
    member = models.ForeignKey(
        "commitments.Member", verbose_name=_("member"), on_delete=models.CASCADE, related_name="partner_engagements"
    )
    commitments = models.ManyToManyField(
        "commitments.Commitment", verbose_name=_("commitments"), blank=True, related_name="partner_engagements"
    )
    assistance = models.CharField(_("kind of assistance"), max_length=20, choices=Assistance.choices)
    description = models.TextField(_("description"), blank=True)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    amount = models.DecimalField(_("funding amount"), max_digits=14, decimal_places=2, null=True, blank=True)
    currency = models.CharField(_("currency"), max_length=3, blank=True, help_text=_("ISO 4217 code, e.g. USD."))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("partner engagement")
        verbose_name_plural = _("partner engagements")
        # The newest first, the undated last on every database (PostgreSQL would put them first).
        ordering = [models.F("start_date").desc(nulls_last=True), "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(start_date__isnull=True)
                | models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="engagement_dates_order",
                violation_error_message=_("The end date must not be before the start date."),
            ),
            models.CheckConstraint(
                condition=models.Q(amount__isnull=True) | ~models.Q(currency=""),
                name="engagement_amount_has_currency",
                violation_error_message=_("Give the currency of the amount."),
            ),
        ]

    def __str__(self):
        return f"{self.partner} — {self.member}"
