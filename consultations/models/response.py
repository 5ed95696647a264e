"""Answering proposals: the reasoned response, internal opinions asked of institutions, reusable templates."""

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from parler.models import TranslatableModelMixin
from simple_history.models import HistoricalRecords

from accounts.models import Organisation
from commitments.models import Commitment, Member
from common.markdown import validate_no_markup
from common.models import TimeStampedModel, content_language_field
from consultations.models.proposal import TEXT_VALIDATORS, Proposal


class ProposalResponse(TranslatableModelMixin, TimeStampedModel):
    """The point of contact's reasoned response to a proposal: drafted, then published.

    Its reasons are in `language`; its `translations` (ProposalResponseTranslation) hold the other languages.
    """

    class Outcome(models.TextChoices):
        ACCEPTED = Proposal.Status.ACCEPTED.value, _("Accepted")
        MERGED = Proposal.Status.MERGED.value, _("Merged into commitments")
        NOT_ACCEPTED = Proposal.Status.NOT_ACCEPTED.value, _("Not accepted")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", pgettext_lazy("response", "Published")

    proposal = models.OneToOneField(
        Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE, related_name="response"
    )
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    reasons = models.TextField(
        _("reasons"),
        validators=[MaxLengthValidator(10000), validate_no_markup],
        help_text=_("Why: how the proposal was considered and what happens next. Markdown is allowed."),
    )
    language = content_language_field()
    commitments = models.ManyToManyField(
        Commitment, verbose_name=_("commitments it fed"), blank=True, related_name="source_responses"
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, editable=False)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    shows_opinions = models.BooleanField(
        _("show the institutions' opinions with the response"),
        default=False,
        help_text=_("The opinions the institutions gave are published under the response, with their names."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("reasoned response")
        verbose_name_plural = _("reasoned responses")
        ordering = ["-published_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="draft") | Q(published_at__isnull=False), name="response_published_has_date"
            ),
        ]

    def __str__(self):
        return f"{self.get_outcome_display()}: {self.proposal}"

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def content_language(self) -> str:
        return self.language

    @property
    def is_public(self) -> bool:
        """Published under a public proposal: a draft is the point of contact's alone."""
        return self.is_published and self.proposal.is_public


class Referral(TimeStampedModel):
    """A proposal sent to a government institution for an internal opinion before the response."""

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE, related_name="referrals"
    )
    institution = models.ForeignKey(
        Organisation,
        verbose_name=_("institution"),
        on_delete=models.PROTECT,
        related_name="referrals",
        limit_choices_to={"kind": Organisation.Kind.GOVERNMENT},
    )
    question = models.TextField(_("what is asked"), blank=True, validators=TEXT_VALIDATORS)
    opinion = models.TextField(
        _("opinion received"), blank=True, validators=[MaxLengthValidator(10000), validate_no_markup]
    )
    opinion_received_on = models.DateField(_("opinion received on"), null=True, blank=True)
    # Set when a contact of the institution gave the opinion in the portal (empty when the point of contact
    # recorded one received otherwise).
    opinion_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("opinion given by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    due_on = models.DateField(_("opinion wanted by"), null=True, blank=True)
    reminded_on = models.DateField(_("contacts reminded on"), null=True, blank=True, editable=False)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("requested by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("internal opinion")
        verbose_name_plural = _("internal opinions")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "institution"],
                name="referral_once_per_institution",
                violation_error_message=_("This proposal was already sent to this institution."),
            ),
            models.CheckConstraint(
                condition=Q(opinion="", opinion_received_on__isnull=True)
                | (~Q(opinion="") & Q(opinion_received_on__isnull=False)),
                name="referral_opinion_has_date",
                violation_error_message=_("An opinion has the date it was received."),
            ),
        ]

    def __str__(self):
        return f"{self.institution} — {self.proposal}"

    @property
    def is_answered(self) -> bool:
        return bool(self.opinion)


class ResponseTemplate(TimeStampedModel):
    """A reusable reasoned response of a member's point of contact (the same reasons for many proposals)."""

    member = models.ForeignKey(
        Member, verbose_name=_("member"), on_delete=models.CASCADE, related_name="response_templates"
    )
    title = models.CharField(_("name"), max_length=200)
    outcome = models.CharField(_("outcome"), max_length=20, choices=ProposalResponse.Outcome.choices)
    reasons = models.TextField(_("reasons"), validators=[MaxLengthValidator(10000), validate_no_markup])

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("response template")
        verbose_name_plural = _("response templates")
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(
                fields=["member", "title"],
                name="responsetemplate_unique_title",
                violation_error_message=_("A template of this name already exists."),
            )
        ]

    def __str__(self):
        return self.title
