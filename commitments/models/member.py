"""Members (national and local governments), their status history, and the institutions that lead commitments."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from accounts.models import Organisation
from commitments.models.counts import ChildCount
from commitments.models.reference import Region
from common.addresses import url_for
from common.models import LocalizedNameModel, TimeStampedModel
from common.search import document, every_word, search_filter, search_words


class Institution(Organisation):
    """Government institutions: the organisations that can lead a commitment."""

    class InstitutionManager(models.Manager):
        def get_queryset(self):
            return super().get_queryset().filter(kind=Organisation.Kind.GOVERNMENT)

    objects = InstitutionManager()

    class Meta:
        proxy = True
        verbose_name = _("institution")
        verbose_name_plural = _("institutions")


class MemberQuerySet(models.QuerySet):
    def national(self):
        return self.filter(kind=Member.Kind.NATIONAL)

    def local(self):
        return self.filter(kind=Member.Kind.LOCAL)

    SEARCH_DOCUMENT = (("name", "A"), ("name_fr", "A"), ("name_es", "A"), ("code", "A"))

    def search(self, text: str):
        """Full text (common.search) in the names in three languages and OGP's code."""
        fields = [field for field, _weight in self.SEARCH_DOCUMENT]
        # A few hundred rows: parts of names are found too ("tbilis").
        also = every_word(fields, search_words(text))
        return search_filter(self, text, vector=document(*self.SEARCH_DOCUMENT), fields=fields, also=also)

    def with_counts(self):
        from commitments.models.commitment import Commitment  # the modules below import this one
        from commitments.models.plan import ActionPlan

        return self.annotate(
            plan_count=ChildCount(ActionPlan, "member"),
            commitment_count=ChildCount(Commitment, "action_plan", "member"),
        )


class Member(LocalizedNameModel, TimeStampedModel):
    """A national or local government taking part in OGP."""

    class Kind(models.TextChoices):
        NATIONAL = "national", _("National")
        LOCAL = "local", _("Local")
        # OGP's data has a few members that are neither (its `National Or Local` column says "Other").
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        UNDER_REVIEW = "under_procedural_review", _("Under procedural review")
        INACTIVE = "inactive", _("Inactive")
        SUSPENDED = "suspended", _("Suspended")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    country = CountryField(_("country"), blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("national member"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="local_members",
        limit_choices_to={"kind": "national"},
        help_text=_("For a local member: the national member of its country, if that country takes part."),
    )
    region = models.CharField(_("OGP region"), max_length=20, choices=Region.choices)
    joined_year = models.PositiveSmallIntegerField(
        _("year joined"),
        null=True,
        blank=True,
        validators=[MinValueValidator(2011), MaxValueValidator(2100)],
    )
    code = models.CharField(_("OGP code"), max_length=20, blank=True)
    status = models.CharField(
        _("current status"),
        max_length=30,
        choices=Status.choices,
        default=Status.ACTIVE,
        editable=False,
        help_text=_("The status of the latest status event."),
    )
    website_url = models.URLField(_("OGP website"), blank=True)
    description = models.TextField(_("description"), blank=True)

    objects = MemberQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("member")
        verbose_name_plural = _("members")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["code"], condition=~Q(code=""), name="member_unique_code"),
            models.CheckConstraint(
                condition=Q(kind="local") | Q(parent__isnull=True),
                name="member_only_local_has_parent",
                violation_error_message=_("Only a local member has a national member."),
            ),
        ]
        indexes = [
            models.Index(fields=["kind", "region"], name="member_kind_region"),
            models.Index(fields=["country"], name="member_country"),
        ]

    def __str__(self):
        return self.display_name

    def get_absolute_url(self):
        return url_for("commitments:member-detail", self.slug)

    def clean(self):
        if not self.country and self.kind in (self.Kind.NATIONAL, self.Kind.LOCAL):
            raise ValidationError({"country": _("A national or local member has a country.")})
        if self.parent_id:
            if self.parent_id == self.pk:
                raise ValidationError({"parent": _("A member cannot be its own national member.")})
            if self.parent.kind != self.Kind.NATIONAL:
                raise ValidationError({"parent": _("The national member must be a national member.")})
            if self.country and self.parent.country != self.country:
                raise ValidationError({"parent": _("The national member must be of the same country.")})


class MemberStatusEvent(models.Model):
    """One dated change of a member's status; the history is kept, the latest one is current."""

    class Reason(models.TextChoices):
        NONE = "", _("—")
        LATE_ACTION_PLAN = "late_action_plan", _("Action plan not delivered on time")
        MIN_REQUIREMENTS = "min_requirements_not_met", _("Minimum requirements not met")
        NO_PROGRESS = "no_progress_on_commitments", _("No progress on commitments")
        RESPONSE_POLICY = "response_policy", _("Response Policy")
        VOLUNTARY = "voluntary", _("Voluntary")

    member = models.ForeignKey(Member, verbose_name=_("member"), on_delete=models.CASCADE, related_name="status_events")
    status = models.CharField(_("status"), max_length=30, choices=Member.Status.choices)
    effective_on = models.DateField(_("effective on"))
    reason = models.CharField(_("reason"), max_length=30, choices=Reason.choices, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), on_delete=models.SET_NULL, null=True, blank=True
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("status event")
        verbose_name_plural = _("status history")
        ordering = ["-effective_on", "-id"]

    def __str__(self):
        return f"{self.get_status_display()} ({self.effective_on})"
