"""The 2023-2028 strategy's challenge areas and the SDG targets: reference data (English, French, Spanish),
the challenges members declare and the commitments tagged with them."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from commitments.models import Commitment, Member
from common.models import LocalizedNameModel, TimeStampedModel


class ChallengeArea(LocalizedNameModel):
    """One area of the partnership-wide challenge (anti-corruption, digital governance, climate…)."""

    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    commitments = models.ManyToManyField(
        Commitment, verbose_name=_("commitments"), related_name="challenge_areas", blank=True
    )

    class Meta:
        verbose_name = _("challenge area")
        verbose_name_plural = _("challenge areas")
        ordering = ["order", "name"]

    def __str__(self):
        return self.display_name

    def get_absolute_url(self):
        return reverse("cycle:challenge-detail", args=[self.slug])


class SDGTarget(LocalizedNameModel):
    """A target of the 2030 Agenda's Sustainable Development Goals (SDG 16 above all)."""

    code = models.CharField(_("code"), max_length=10, unique=True, help_text=_("As the UN numbers it, e.g. 16.10."))
    goal = models.PositiveSmallIntegerField(_("goal"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    commitments = models.ManyToManyField(
        Commitment, verbose_name=_("commitments"), related_name="sdg_targets", blank=True
    )

    class Meta:
        verbose_name = _("SDG target")
        verbose_name_plural = _("SDG targets")
        ordering = ["goal", "order"]

    def __str__(self):
        return f"{self.code} {self.display_name}"


class MemberChallenge(TimeStampedModel):
    """A member's declaration that it takes up the challenge in an area."""

    member = models.ForeignKey(Member, verbose_name=_("member"), on_delete=models.CASCADE, related_name="challenges")
    area = models.ForeignKey(
        ChallengeArea, verbose_name=_("challenge area"), on_delete=models.PROTECT, related_name="declarations"
    )
    declared_on = models.DateField(_("declared on"))
    ambition = models.TextField(_("what the member sets out to do"), blank=True)

    class Meta:
        verbose_name = _("member's challenge")
        verbose_name_plural = _("members' challenges")
        ordering = ["area__order", "member__name"]
        constraints = [models.UniqueConstraint(fields=["member", "area"], name="memberchallenge_once")]

    def __str__(self):
        return f"{self.member} — {self.area}"
