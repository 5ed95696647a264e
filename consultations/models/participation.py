from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from parler.models import TranslatableModelMixin

from common.markdown import validate_no_markup
from common.models import content_language_field
from consultations.models.proposal import Proposal


class Support(models.Model):
    """A user's support of a proposal: one per user and proposal, whatever the number of clicks."""

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE, related_name="supports"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="supports"
    )
    created_at = models.DateTimeField(_("supported at"), auto_now_add=True)

    class Meta:
        verbose_name = _("support")
        verbose_name_plural = _("supports")
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["proposal", "user"], name="support_once_per_user")]

    def __str__(self):
        return f"{self.user} → {self.proposal}"


class Follow(models.Model):
    """A user who wants an e-mail when the proposal is answered."""

    proposal = models.ForeignKey(Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE, related_name="follows")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="follows"
    )
    created_at = models.DateTimeField(_("followed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("follower")
        verbose_name_plural = _("followers")
        constraints = [models.UniqueConstraint(fields=["proposal", "user"], name="follow_once_per_user")]

    def __str__(self):
        return f"{self.user} → {self.proposal}"


class Comment(TranslatableModelMixin, models.Model):
    """A comment on a proposal, or a reply to one (one level of replies).

    Its body is in `language`; its `translations` (CommentTranslation) hold the other languages, its author's own
    being theirs (`translation_owner_id`).
    """

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE, related_name="comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="proposal_comments",
    )
    parent = models.ForeignKey(
        "self", verbose_name=_("reply to"), on_delete=models.CASCADE, null=True, blank=True, related_name="replies"
    )
    body = models.TextField(_("comment"), validators=[MaxLengthValidator(3000), validate_no_markup])
    language = content_language_field()
    is_hidden = models.BooleanField(_("hidden by moderation"), default=False, editable=False)
    created_at = models.DateTimeField(_("posted at"), auto_now_add=True)
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["proposal", "parent", "created_at"], name="comment_thread"),
            # A proposal's page of threads, in their order: read from the index, 20 rows, whatever the number.
            models.Index(
                fields=["proposal", "created_at", "id"],
                condition=models.Q(parent__isnull=True),
                name="comment_top_level",
            ),
        ]

    def __str__(self):
        return self.body[:80]

    def get_absolute_url(self):
        return f"{self.proposal.get_absolute_url()}#comment-{self.pk}"

    def clean(self):
        if self.parent_id:
            if self.parent.parent_id is not None:
                raise ValidationError({"parent": _("Replies go to a comment, not to another reply.")})
            if self.parent.proposal_id != self.proposal_id:
                raise ValidationError({"parent": _("The reply must be on the same proposal as its comment.")})

    @property
    def edit_deadline(self):
        return self.created_at + timedelta(minutes=settings.CONSULTATION_COMMENT_EDIT_MINUTES)

    @property
    def is_editable_now(self) -> bool:
        return self.created_at is not None and timezone.now() < self.edit_deadline

    @property
    def content_language(self) -> str:
        return self.language

    @property
    def is_public(self) -> bool:
        return not self.is_hidden and self.proposal.is_public

    @property
    def translation_owner_id(self) -> int | None:
        """The author's translation of their comment is theirs: only they or staff may change it."""
        return self.author_id


class Flag(models.Model):
    """A user's report of a proposal or a comment to the moderators; open until support staff review it."""

    class Reason(models.TextChoices):
        SPAM = "spam", _("Spam or advertising")
        ABUSE = "abuse", _("Abusive or hateful")
        PERSONAL_DATA = "personal_data", _("Reveals personal data")
        OFF_TOPIC = "off_topic", _("Off topic")
        OTHER = "other", _("Other")

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE, null=True, blank=True, related_name="flags"
    )
    comment = models.ForeignKey(
        Comment, verbose_name=_("comment"), on_delete=models.CASCADE, null=True, blank=True, related_name="flags"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("flagged by"), on_delete=models.CASCADE, related_name="flags"
    )
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    note = models.TextField(_("details"), blank=True, validators=[MaxLengthValidator(1000), validate_no_markup])
    created_at = models.DateTimeField(_("flagged at"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("flag")
        verbose_name_plural = _("flags")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(proposal__isnull=False, comment__isnull=True)
                | Q(proposal__isnull=True, comment__isnull=False),
                name="flag_has_one_target",
            ),
            models.UniqueConstraint(
                fields=["user", "proposal"],
                condition=Q(proposal__isnull=False, resolved_at__isnull=True),
                name="flag_open_once_per_user_proposal",
            ),
            models.UniqueConstraint(
                fields=["user", "comment"],
                condition=Q(comment__isnull=False, resolved_at__isnull=True),
                name="flag_open_once_per_user_comment",
            ),
        ]

    def __str__(self):
        return f"{self.get_reason_display()} — {self.proposal or self.comment}"

    @property
    def target(self):
        return self.proposal or self.comment


class ModerationEvent(models.Model):
    """History of moderation: what was hidden or restored, by whom, and why."""

    class Action(models.TextChoices):
        AUTO_HIDDEN = "auto_hidden", _("Hidden automatically after flags")
        HIDDEN = "hidden", _("Hidden")
        RESTORED = "restored", _("Restored")
        KEPT = "kept", _("Reviewed and kept visible")

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE, null=True, blank=True, related_name="moderation"
    )
    comment = models.ForeignKey(
        Comment, verbose_name=_("comment"), on_delete=models.CASCADE, null=True, blank=True, related_name="moderation"
    )
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    reason = models.TextField(_("reason"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("moderation event")
        verbose_name_plural = _("moderation history")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(proposal__isnull=False, comment__isnull=True)
                | Q(proposal__isnull=True, comment__isnull=False),
                name="moderation_has_one_target",
            ),
        ]

    def __str__(self):
        return f"{self.get_action_display()} — {self.proposal or self.comment}"
