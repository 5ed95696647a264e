"""Reference data: OGP's regions, its policy-area taxonomy and the co-creation standards' requirements."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from common.addresses import plain_url
from common.models import LocalizedNameModel, in_page_language


class Region(models.TextChoices):
    AFRICA_MIDDLE_EAST = "africa_middle_east", _("Africa and the Middle East")
    AMERICAS = "americas", _("Americas")
    ASIA_PACIFIC = "asia_pacific", _("Asia and the Pacific")
    EUROPE = "europe", _("Europe")


class PolicyArea(LocalizedNameModel):
    """A tag of OGP's two-level policy-area taxonomy."""

    class Kind(models.TextChoices):
        POLICY_AREA = "policy_area", _("Policy area")
        MECHANISM = "mechanism", _("Mechanism")
        SECTOR = "sector", _("Sector")
        LEGACY = "legacy", _("Legacy tag")

    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent area"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.POLICY_AREA)
    keywords = models.TextField(
        _("search keywords"),
        blank=True,
        help_text=_(
            "Other words people use for this area, in any language (for instance a related term of another "
            "country's administration): searches find the area's commitments by them."
        ),
    )

    class Meta:
        verbose_name = _("policy area")
        verbose_name_plural = _("policy areas")
        ordering = ["name"]

    def __str__(self):
        return self.display_name

    def get_absolute_url(self):
        return plain_url("commitments:commitment-list") + f"?policy_area={self.slug}"


class StandardRequirementQuerySet(models.QuerySet):
    def minimum(self, version: str):
        """The minimum requirements of a version of the standards, in their order (the co-creation checklist reads
        2021's)."""
        return self.filter(version=version, is_minimum=True).order_by("order", "code")

    def in_scope(self, *, version: str, phase: str):
        """The requirements of one version assessed in one phase (those of both phases included)."""
        return self.filter(version=version, phase__in=[phase, StandardRequirement.Phase.BOTH])


class StandardRequirement(models.Model):
    """A requirement of OGP's Participation and Co-Creation Standards (reference data).

    The rows were loaded by irm_reports' migration 0002, when the model lived there; commitments 0008-0009
    took the table over with its rows. New versions of the standards come as commitments data migrations.

    2021 version: the minimum requirements (codes 1.1 to 5.1) that the IRM marks met / in progress /
    not met. 2017 version: the standards table of the IRM reports of 2018–2021 (codes 1a to 5a).
    """

    class Version(models.TextChoices):
        V2017 = "2017", _("2017 standards")
        V2021 = "2021", _("2021 standards")

    class Phase(models.TextChoices):
        CO_CREATION = "co_creation", _("Co-creation")
        IMPLEMENTATION = "implementation", _("Implementation")
        BOTH = "both", _("Co-creation and implementation")

    version = models.CharField(_("version"), max_length=4, choices=Version.choices)
    code = models.CharField(_("code"), max_length=10)
    standard_no = models.PositiveSmallIntegerField(_("standard"))
    text = models.TextField(_("requirement (English)"))
    text_fr = models.TextField(_("requirement (French)"), blank=True)
    text_es = models.TextField(_("requirement (Spanish)"), blank=True)
    is_minimum = models.BooleanField(_("minimum requirement"), default=False)
    phase = models.CharField(_("phase assessed"), max_length=20, choices=Phase.choices)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = StandardRequirementQuerySet.as_manager()
    history = HistoricalRecords()

    TRANSLATED_FIELDS = {"text": ("text_fr", "text_es")}

    class Meta:
        verbose_name = _("standards requirement")
        verbose_name_plural = _("standards requirements")
        ordering = ["version", "order", "code"]
        constraints = [models.UniqueConstraint(fields=["version", "code"], name="requirement_unique_code")]

    def __str__(self):
        return f"{self.code} {self.display_text[:80]}"

    @property
    def display_text(self) -> str:
        """The requirement in the page's language, in English when it has no translation."""
        return in_page_language(self.text, self.text_fr, self.text_es)[0]

    @property
    def display_language(self) -> str:
        """The language of display_text: the page's when translated, English otherwise."""
        return in_page_language(self.text, self.text_fr, self.text_es)[1]
