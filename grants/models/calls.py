"""A call for grant applications, its questions and its scoring grid."""

from decimal import Decimal

from django.core.validators import MaxLengthValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from common.markdown import validate_no_markup
from common.models import LocalizedNameModel, TimeStampedModel

MONEY = {"max_digits": 12, "decimal_places": 2}


class GrantCallQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def open_on(self, day):
        return self.filter(opens_on__lte=day, closes_on__gte=day)


class GrantCall(TimeStampedModel):
    """A call for proposals: a micro-grant (USD 5,000–8,000 for co-creation) or a Trust Fund window."""

    class Kind(models.TextChoices):
        MICRO_GRANT = "micro_grant", _("Micro-grant")
        TRUST_FUND = "trust_fund", _("Trust Fund call")

    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.MICRO_GRANT)
    summary = models.TextField(
        _("description"), validators=[MaxLengthValidator(10000), validate_no_markup], help_text=_("Markdown.")
    )
    currency = models.CharField(_("currency"), max_length=3, default="USD", help_text=_("ISO 4217 code, e.g. USD."))
    budget = models.DecimalField(_("total budget"), validators=[MinValueValidator(Decimal("0.01"))], **MONEY)
    amount_min = models.DecimalField(_("smallest grant"), validators=[MinValueValidator(Decimal("0.01"))], **MONEY)
    amount_max = models.DecimalField(_("largest grant"), validators=[MinValueValidator(Decimal("0.01"))], **MONEY)
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"), help_text=_("Applications are accepted until the end of this day."))
    eligibility = models.TextField(
        _("eligibility"), validators=[MaxLengthValidator(10000), validate_no_markup], help_text=_("Markdown.")
    )
    civil_society_only = models.BooleanField(
        _("civil society organisations only"),
        default=True,
        help_text=_("Only organisations recorded as civil society may apply."),
    )
    eligible_members = models.ManyToManyField(
        "commitments.Member",
        verbose_name=_("eligible members"),
        blank=True,
        related_name="grant_calls",
        help_text=_(
            "Leave empty for any member. Otherwise the organisation must work in one of these members "
            "or in their country (e.g. the World Bank's borrowing countries for a Trust Fund call)."
        ),
    )
    faq = models.TextField(
        _("frequently asked questions"),
        blank=True,
        validators=[MaxLengthValidator(20000), validate_no_markup],
        help_text=_("Markdown."),
    )
    is_published = models.BooleanField(_("published"), default=False)

    objects = GrantCallQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("grant call")
        verbose_name_plural = _("grant calls")
        ordering = ["-closes_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount_min__lte=F("amount_max")),
                name="grantcall_amount_range",
                violation_error_message=_("The smallest grant cannot be larger than the largest."),
            ),
            models.CheckConstraint(
                condition=Q(amount_max__lte=F("budget")),
                name="grantcall_amount_within_budget",
                violation_error_message=_("The largest grant cannot be larger than the call's budget."),
            ),
            models.CheckConstraint(
                condition=Q(opens_on__lte=F("closes_on")),
                name="grantcall_dates_in_order",
                violation_error_message=_("A call closes after it opens."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("grants:call-detail", kwargs={"pk": self.pk})

    @property
    def is_open(self) -> bool:
        today = timezone.localdate()
        return self.is_published and self.opens_on <= today <= self.closes_on

    @property
    def state(self) -> str:
        today = timezone.localdate()
        if today < self.opens_on:
            return "upcoming"
        return "open" if today <= self.closes_on else "closed"

    def get_state_display(self) -> str:
        return {"upcoming": _("Upcoming"), "open": _("Open"), "closed": _("Closed")}[self.state]


class CallQuestion(models.Model):
    """A question every application to the call answers, in English and, when translated, French and Spanish."""

    call = models.ForeignKey(GrantCall, verbose_name=_("call"), on_delete=models.CASCADE, related_name="questions")
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    text = models.CharField(_("question"), max_length=500)
    text_fr = models.CharField(_("question (French)"), max_length=500, blank=True)
    text_es = models.CharField(_("question (Spanish)"), max_length=500, blank=True)
    required = models.BooleanField(_("an answer is required"), default=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["call", "order", "id"]

    def __str__(self):
        return self.text

    @property
    def display_text(self) -> str:
        """The question in the active language when it is translated, in English otherwise."""
        return {"fr": self.text_fr, "es": self.text_es}.get(self.display_language, "") or self.text

    @property
    def display_language(self) -> str:
        language = (get_language() or "")[:2]
        return language if {"fr": self.text_fr, "es": self.text_es}.get(language) else "en"


class Criterion(LocalizedNameModel):
    """A line of the call's scoring grid: each reviewer scores it from 0 to 5; its weight counts in the average."""

    call = models.ForeignKey(GrantCall, verbose_name=_("call"), on_delete=models.CASCADE, related_name="criteria")
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    weight = models.PositiveSmallIntegerField(_("weight"), default=1, validators=[MinValueValidator(1)])

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("scoring criterion")
        verbose_name_plural = _("scoring criteria")
        ordering = ["call", "order", "id"]
        constraints = [models.CheckConstraint(condition=Q(weight__gte=1), name="criterion_weight_positive")]

    def __str__(self):
        return self.name
