import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from accounts.models import Organisation
from commitments.models import Commitment, Member, PolicyArea
from common.files import new_file_token
from common.markdown import validate_no_markup
from common.models import TimeStampedModel
from consultations.models.consultation import Consultation

TEXT_VALIDATORS = [MaxLengthValidator(5000), validate_no_markup]


class ProposalQuerySet(models.QuerySet):
    def public(self):
        """What anyone may see listed: submitted proposals, whatever became of them, not hidden."""
        return self.filter(PUBLIC)

    def to_answer(self):
        """Proposals owed a reasoned response (withdrawn, draft and hidden ones are not)."""
        return self.filter(status__in=Proposal.TO_ANSWER, is_hidden=False)

    def search(self, text: str):
        words = text.split()[:8]
        query = Q()
        for word in words:
            query &= Q(title__icontains=word) | Q(problem__icontains=word) | Q(solution__icontains=word)
        return self.filter(query) if words else self


# Proposals anyone may see listed (ProposalQuerySet.public()), for the partial indexes below.
PUBLIC = Q(is_hidden=False) & ~Q(status="draft")


class Proposal(TimeStampedModel):
    """A civil-society proposal to a consultation, answered by the point of contact with reasons."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        UNDER_REVIEW = "under_review", _("Under review")
        ACCEPTED = "accepted", _("Accepted")
        MERGED = "merged", _("Merged into commitments")
        NOT_ACCEPTED = "not_accepted", _("Not accepted")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class WithdrawalReason(models.TextChoices):
        DUPLICATE = "duplicate", _("It duplicates another proposal")
        UNDER_WAY = "under_way", _("It is already under way")
        NOT_FEASIBLE = "not_feasible", _("It is not feasible")
        OTHER = "other", _("Other reason")

    ANSWERED = (Status.ACCEPTED, Status.MERGED, Status.NOT_ACCEPTED)
    TO_ANSWER = (Status.SUBMITTED, Status.UNDER_REVIEW, *ANSWERED)

    consultation = models.ForeignKey(
        Consultation, verbose_name=_("consultation"), on_delete=models.PROTECT, related_name="proposals"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="proposals",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("on behalf of"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposals",
    )
    title = models.CharField(_("title"), max_length=200, validators=[validate_no_markup])
    problem = models.TextField(_("problem"), validators=TEXT_VALIDATORS, help_text=_("What problem should be solved?"))
    solution = models.TextField(
        _("proposed solution"), validators=TEXT_VALIDATORS, help_text=_("What should the government do?")
    )
    expected_results = models.TextField(
        _("expected results"), blank=True, validators=TEXT_VALIDATORS, help_text=_("What would change, for whom?")
    )
    policy_area = models.ForeignKey(
        PolicyArea,
        verbose_name=_("policy area"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="proposals",
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, editable=False)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True, editable=False)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True, editable=False)
    withdrawal_reason = models.CharField(
        _("reason for withdrawing"), max_length=20, choices=WithdrawalReason.choices, blank=True, editable=False
    )
    withdrawal_note = models.TextField(_("explanation"), blank=True, editable=False, validators=TEXT_VALIDATORS)
    is_hidden = models.BooleanField(_("hidden by moderation"), default=False, editable=False)
    support_count = models.PositiveIntegerField(_("supports"), default=0, editable=False)
    # One-time key of the form that created the proposal: a resent form finds its proposal instead of a twin.
    submission_key = models.UUIDField(_("submission key"), default=uuid.uuid4, unique=True, editable=False)

    objects = ProposalQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["-submitted_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="withdrawn", withdrawn_at__isnull=False) & ~Q(withdrawal_reason="")
                | (~Q(status="withdrawn") & Q(withdrawn_at__isnull=True)),
                name="proposal_withdrawal_has_reason",
                violation_error_message=_("A withdrawn proposal has a reason, and only a withdrawn one."),
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(submitted_at__isnull=False),
                name="proposal_submitted_has_date",
            ),
        ]
        # The public lists read these in their sort orders, page after page (keyset pagination).
        indexes = [
            models.Index(fields=["consultation", "status"], name="proposal_consultation_status"),
            models.Index(fields=["author", "status"], name="proposal_author_status"),
            models.Index(
                fields=["-support_count", "-submitted_at", "-id"], condition=PUBLIC, name="proposal_public_supported"
            ),
            models.Index(fields=["-submitted_at", "-id"], condition=PUBLIC, name="proposal_public_newest"),
            models.Index(
                fields=["consultation", "-support_count", "-submitted_at", "-id"],
                condition=PUBLIC,
                name="proposal_consult_supported",
            ),
            models.Index(
                fields=["consultation", "-submitted_at", "-id"], condition=PUBLIC, name="proposal_consult_newest"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("consultations:proposal-detail", args=[self.pk])

    def clean(self):
        if self.policy_area_id and self.consultation_id:
            scope = list(self.consultation.policy_areas.values_list("pk", flat=True))
            if scope and self.policy_area_id not in scope:
                raise ValidationError({"policy_area": _("This policy area is not in the scope of the consultation.")})
        if self.withdrawal_reason == self.WithdrawalReason.OTHER and not self.withdrawal_note.strip():
            raise ValidationError({"withdrawal_note": _("Explain why you withdraw the proposal.")})

    @property
    def is_public(self) -> bool:
        return self.status != self.Status.DRAFT and not self.is_hidden

    @property
    def is_answered(self) -> bool:
        return self.status in self.ANSWERED


def attachment_upload_to(instance, filename: str) -> str:
    return f"proposals/{timezone.now():%Y/%m}/{new_file_token()}/{filename}"


class ProposalAttachment(models.Model):
    """A PDF or an image joined to a proposal; its type was checked from its content."""

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("file"), upload_to=attachment_upload_to, max_length=300)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("type"), max_length=50)
    size = models.PositiveIntegerField(_("size (bytes)"))
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["created_at", "id"]

    def __str__(self):
        return self.original_name

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")


class ProposalResponse(TimeStampedModel):
    """The point of contact's reasoned response to a proposal: drafted, then published."""

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
    opinion = models.TextField(_("opinion received"), blank=True, validators=[MaxLengthValidator(10000)])
    opinion_received_on = models.DateField(_("opinion received on"), null=True, blank=True)
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
