"""The support unit's menu of services and the representative who answers each member."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from common.models import LocalizedDescriptionModel, LocalizedNameModel, TimeStampedModel


class ServiceOffer(LocalizedNameModel, LocalizedDescriptionModel):
    """One service of the menu (seed: "Soutien OGP aux pays et aux sections locales")."""

    class Level(models.TextChoices):
        BASIC = "basic", _("Basic")
        ADVANCED = "advanced", _("Advanced")

    class CycleStep(models.TextChoices):
        THROUGHOUT = "throughout", _("Throughout the cycle")
        CO_CREATION = "co_creation", _("Developing the action plan")
        IMPLEMENTATION = "implementation", _("Implementing the action plan")
        RESOURCES = "resources", _("Mobilising resources")

    class Audience(models.TextChoices):
        POINTS_OF_CONTACT = "points_of_contact", _("Points of contact")
        CONTACTS_AND_CIVIL_SOCIETY = "contacts_and_civil_society", _("Points of contact and civil society")

    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    level = models.CharField(_("level"), max_length=10, choices=Level.choices, default=Level.BASIC)
    cycle_step = models.CharField(_("cycle step"), max_length=20, choices=CycleStep.choices)
    audience = models.CharField(
        _("who may ask"), max_length=30, choices=Audience.choices, default=Audience.CONTACTS_AND_CIVIL_SOCIETY
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("offered"), default=True)

    history = HistoricalRecords()

    TRANSLATED_FIELDS = LocalizedNameModel.TRANSLATED_FIELDS | LocalizedDescriptionModel.TRANSLATED_FIELDS

    class Meta:
        verbose_name = _("support service")
        verbose_name_plural = _("support services")
        ordering = ["order", "name"]

    def __str__(self):
        return self.display_name

    @property
    def open_to_civil_society(self) -> bool:
        return self.audience == self.Audience.CONTACTS_AND_CIVIL_SOCIETY


class Representative(TimeStampedModel):
    """The support-unit staff member named for one member: they receive its requests."""

    member = models.OneToOneField(
        "commitments.Member", verbose_name=_("member"), on_delete=models.CASCADE, related_name="support_representative"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("representative"),
        on_delete=models.PROTECT,
        related_name="represented_members",
        limit_choices_to={"is_staff": True},
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("support-unit representative")
        verbose_name_plural = _("support-unit representatives")
        ordering = ["member__name"]

    def __str__(self):
        return f"{self.member} — {self.user}"
