"""Proposals to a consultation and their attachments."""

import uuid

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from parler.models import TranslatableModelMixin
from simple_history.models import HistoricalRecords

from accounts.models import Organisation
from commitments.models import PolicyArea
from common.addresses import url_for
from common.files import new_file_token
from common.markdown import validate_no_markup
from common.models import TimeStampedModel, content_language_field
from common.search import search_filter
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
        """Full text (common.search) in the title, the problem and the solution."""
        return search_filter(self, text, vector="search_vector", fields=("title", "problem", "solution"))


# Proposals anyone may see listed (ProposalQuerySet.public()), for the partial indexes below.
PUBLIC = Q(is_hidden=False) & ~Q(status="draft")


class Proposal(TranslatableModelMixin, TimeStampedModel):
    """A civil-society proposal to a consultation, answered by the point of contact with reasons.

    Its texts are in `language`; its `translations` (ProposalTranslation) hold the other languages.
    """

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
    language = content_language_field()
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
    # Written by the database (trigger), read by search only (common.search).
    search_vector = SearchVectorField(null=True, editable=False)

    objects = ProposalQuerySet.as_manager()

    history = HistoricalRecords(excluded_fields=["search_vector"])

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
        return url_for("consultations:proposal-detail", self.pk)

    # The consultation's counters (Consultation.proposal_count, answered_count) move with every save and delete
    # of a proposal that changes what it counts for: an atomic F() update in the same transaction, from the
    # state the proposal was read in (the services read it locked) to the state it is saved in.

    @property
    def counted_as(self) -> tuple[int, int]:
        """What the proposal adds to its consultation's counters: (proposals to answer, answered)."""
        if self.is_hidden or self.status not in self.TO_ANSWER:
            return (0, 0)
        return (1, int(self.status in self.ANSWERED))

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        if COUNTED_FIELDS.issubset(field_names):
            instance._counted = (instance.consultation_id, instance.counted_as)
        return instance

    def _counted_before(self) -> tuple[int | None, tuple[int, int]]:
        if self._state.adding:
            return (None, (0, 0))
        if getattr(self, "_counted", None) is None:
            stored = Proposal.objects.filter(pk=self.pk).only(*COUNTED_FIELDS).first()
            return (stored.consultation_id, stored.counted_as) if stored else (None, (0, 0))
        return self._counted

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and not {"status", "is_hidden", "consultation", "consultation_id"} & set(
            update_fields
        ):
            return super().save(*args, **kwargs)
        with transaction.atomic(using=kwargs.get("using")):
            before = self._counted_before()
            super().save(*args, **kwargs)
            self._counted = (self.consultation_id, self.counted_as)
            _move_counters(before, self._counted)

    def delete(self, *args, **kwargs):
        with transaction.atomic(using=kwargs.get("using")):
            before = self._counted_before()
            result = super().delete(*args, **kwargs)
            _move_counters(before, (None, (0, 0)))
        return result

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
    def content_language(self) -> str:
        return self.language

    @property
    def translation_owner_id(self) -> int | None:
        """The author's own translation is theirs (common/content_translations.py)."""
        return self.author_id

    @property
    def is_answered(self) -> bool:
        return self.status in self.ANSWERED

    @property
    def published_response(self):
        """The response once published, else None (a proposal without one raises nothing in a template)."""
        response = getattr(self, "response", None)
        return response if response is not None and response.is_published else None


COUNTED_FIELDS = frozenset({"consultation_id", "status", "is_hidden"})


def _move_counters(before: tuple, after: tuple) -> None:
    """Move the consultations' counters from what a proposal counted for to what it counts for now."""
    (old_pk, (old_proposals, old_answered)), (new_pk, (new_proposals, new_answered)) = before, after
    if old_pk == new_pk:
        moves = {new_pk: (new_proposals - old_proposals, new_answered - old_answered)}
    else:
        moves = {old_pk: (-old_proposals, -old_answered), new_pk: (new_proposals, new_answered)}
    for pk, (proposals, answered) in moves.items():
        if pk is not None and (proposals or answered):
            Consultation.objects.filter(pk=pk).update(
                proposal_count=F("proposal_count") + proposals, answered_count=F("answered_count") + answered
            )


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
