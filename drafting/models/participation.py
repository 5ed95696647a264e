"""What participants do on a draft: comment on a paragraph (threaded, supported, flagged) and propose amendments,
which the point of contact accepts, rejects or merges with a public reason."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from common.markdown import validate_no_markup
from common.models import content_language_field
from drafting.models.version import DraftCommitment, DraftParagraph, DraftVersion


class ParagraphComment(models.Model):
    """A comment on a paragraph, or a reply to one (one level of replies); private while its version is in expert
    review and not published."""

    paragraph = models.ForeignKey(
        DraftParagraph, verbose_name=_("paragraph"), on_delete=models.CASCADE, related_name="comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="paragraph_comments",
    )
    parent = models.ForeignKey(
        "self", verbose_name=_("reply to"), on_delete=models.CASCADE, null=True, blank=True, related_name="replies"
    )
    body = models.TextField(_("comment"), validators=[MaxLengthValidator(3000), validate_no_markup])
    language = content_language_field()
    is_hidden = models.BooleanField(_("hidden by moderation"), default=False, editable=False)
    support_count = models.PositiveIntegerField(_("supports"), default=0, editable=False)
    created_at = models.DateTimeField(_("posted at"), auto_now_add=True)

    history = HistoricalRecords(excluded_fields=["support_count"])

    class Meta:
        verbose_name = _("paragraph comment")
        verbose_name_plural = _("paragraph comments")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["paragraph", "created_at"], name="paragraphcomment_thread")]

    def __str__(self):
        return self.body[:80]

    def get_absolute_url(self):
        return self.paragraph.get_absolute_url().replace(f"#{self.paragraph.anchor}", f"#comment-{self.pk}")

    def clean(self):
        if self.parent_id:
            if self.parent.parent_id is not None:
                raise ValidationError({"parent": _("Replies go to a comment, not to another reply.")})
            if self.parent.paragraph_id != self.paragraph_id:
                raise ValidationError({"parent": _("The reply must be on the same paragraph as its comment.")})


class CommentSupport(models.Model):
    comment = models.ForeignKey(
        ParagraphComment, verbose_name=_("comment"), on_delete=models.CASCADE, related_name="supports"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(_("supported at"), auto_now_add=True)

    class Meta:
        verbose_name = _("support of a paragraph comment")
        verbose_name_plural = _("supports of paragraph comments")
        constraints = [models.UniqueConstraint(fields=["comment", "user"], name="commentsupport_once")]

    def __str__(self):
        return f"{self.user_id} → {self.comment_id}"


class CommentFlag(models.Model):
    """A user's report of a paragraph comment to the moderators; open until support staff review it."""

    class Reason(models.TextChoices):
        SPAM = "spam", _("Spam or advertising")
        ABUSE = "abuse", _("Abusive or hateful")
        PERSONAL_DATA = "personal_data", _("Reveals personal data")
        OFF_TOPIC = "off_topic", _("Off topic")
        OTHER = "other", _("Other")

    comment = models.ForeignKey(
        ParagraphComment, verbose_name=_("comment"), on_delete=models.CASCADE, related_name="flags"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("flagged by"), on_delete=models.CASCADE, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    created_at = models.DateTimeField(_("flagged at"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("flag on a paragraph comment")
        verbose_name_plural = _("flags on paragraph comments")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "comment"], condition=Q(resolved_at__isnull=True), name="commentflag_open_once"
            )
        ]

    def __str__(self):
        return f"{self.get_reason_display()} — {self.comment_id}"


class Amendment(models.Model):
    """New wording for a paragraph, or a new milestone for a commitment, proposed on a published version."""

    class Kind(models.TextChoices):
        WORDING = "wording", _("New wording for a paragraph")
        MILESTONE = "milestone", _("A new milestone")

    class State(models.TextChoices):
        PROPOSED = "proposed", _("Awaiting a decision")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")
        MERGED = "merged", _("Merged into another amendment")

    version = models.ForeignKey(
        DraftVersion, verbose_name=_("draft version"), on_delete=models.CASCADE, related_name="amendments"
    )
    draft_commitment = models.ForeignKey(
        DraftCommitment, verbose_name=_("commitment"), on_delete=models.CASCADE, related_name="amendments"
    )
    paragraph = models.ForeignKey(
        DraftParagraph,
        verbose_name=_("paragraph"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="amendments",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.WORDING)
    text = models.TextField(_("proposed text"), validators=[MaxLengthValidator(6000), validate_no_markup])
    explanation = models.TextField(_("why"), blank=True, validators=[MaxLengthValidator(3000), validate_no_markup])
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="amendments",
    )
    language = content_language_field()
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.PROPOSED, editable=False)
    reason = models.TextField(_("public reason"), blank=True, editable=False)
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="merged",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True, editable=False)
    applied_in = models.ForeignKey(
        DraftVersion,
        verbose_name=_("entered version"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="applied_amendments",
    )
    support_count = models.PositiveIntegerField(_("supports"), default=0, editable=False)
    created_at = models.DateTimeField(_("proposed at"), auto_now_add=True)

    history = HistoricalRecords(excluded_fields=["support_count"])

    class Meta:
        verbose_name = _("amendment")
        verbose_name_plural = _("amendments")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="milestone") | Q(paragraph__isnull=False), name="amendment_wording_has_paragraph"
            ),
            models.CheckConstraint(condition=Q(state="proposed") | ~Q(reason=""), name="amendment_decision_has_reason"),
        ]
        indexes = [models.Index(fields=["version", "state"], name="amendment_version_state")]

    def __str__(self):
        return _("Amendment %(id)d to commitment %(number)s") % {
            "id": self.pk or 0,
            "number": self.draft_commitment.number,
        }

    def get_absolute_url(self):
        return reverse("drafting:amendment-detail", kwargs={"pk": self.pk})


# What the point of contact may decide (the API's and the form's choices).
DECISION_CHOICES = [(value, label) for value, label in Amendment.State.choices if value != Amendment.State.PROPOSED]


class AmendmentSupport(models.Model):
    amendment = models.ForeignKey(
        Amendment, verbose_name=_("amendment"), on_delete=models.CASCADE, related_name="supports"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="amendment_supports"
    )
    created_at = models.DateTimeField(_("supported at"), auto_now_add=True)

    class Meta:
        verbose_name = _("support of an amendment")
        verbose_name_plural = _("supports of amendments")
        constraints = [models.UniqueConstraint(fields=["amendment", "user"], name="amendmentsupport_once")]

    def __str__(self):
        return f"{self.user_id} → {self.amendment_id}"
