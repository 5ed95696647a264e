"""Draft versions of a plan: each version holds its own copy of every commitment's texts, split into paragraphs
whose keys stay the same from one version to the next (so comments, amendments and diffs can follow them)."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from commitments.models import ActionPlan, Commitment
from common.models import TimeStampedModel
from consultations.models import Consultation


class DraftVersion(TimeStampedModel):
    """Version n of a plan's draft, reviewed in a "review of the draft plan" consultation."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Not published yet")
        PUBLISHED = "published", _("Published")

    action_plan = models.ForeignKey(
        ActionPlan, verbose_name=_("action plan"), on_delete=models.CASCADE, related_name="draft_versions"
    )
    consultation = models.ForeignKey(
        Consultation, verbose_name=_("consultation"), on_delete=models.PROTECT, related_name="draft_versions"
    )
    number = models.PositiveSmallIntegerField(_("version"))
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.DRAFT, editable=False)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)
    expert_review = models.BooleanField(
        _("private expert review"),
        default=False,
        help_text=_("Invited reviewers comment privately before the version is public."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("draft version")
        verbose_name_plural = _("draft versions")
        ordering = ["action_plan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["action_plan", "number"], name="draftversion_number_once"),
            models.CheckConstraint(
                condition=models.Q(state="draft") | models.Q(published_at__isnull=False),
                name="draftversion_published_at",
            ),
        ]

    def __str__(self):
        return _("%(plan)s — draft version %(number)d") % {"plan": self.action_plan.title, "number": self.number}

    def get_absolute_url(self):
        return reverse("drafting:version-detail", kwargs={"pk": self.pk})

    @property
    def is_published(self) -> bool:
        return self.state == self.State.PUBLISHED


class DraftCommitment(models.Model):
    """A version's copy of one commitment (or of one the draft added), in the plan's order."""

    version = models.ForeignKey(
        DraftVersion, verbose_name=_("draft version"), on_delete=models.CASCADE, related_name="commitments"
    )
    commitment = models.ForeignKey(
        Commitment,
        verbose_name=_("commitment"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="draft_copies",
    )
    key = models.CharField(_("key"), max_length=40, help_text=_("The same in every version of the draft."))
    number = models.CharField(_("number"), max_length=20)
    title = models.CharField(_("title"), max_length=500)
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("draft commitment")
        verbose_name_plural = _("draft commitments")
        ordering = ["version", "order", "id"]
        constraints = [models.UniqueConstraint(fields=["version", "key"], name="draftcommitment_key_once")]

    def __str__(self):
        return f"{self.number}. {self.title}"


class DraftParagraph(models.Model):
    """One paragraph of a draft commitment's text (a section of the commitment, or a milestone)."""

    class Section(models.TextChoices):
        PROBLEM = "problem", _("Problem addressed")
        STATUS_QUO = "status_quo", _("Status quo")
        OBJECTIVE = "objective", _("Objective")
        EXPECTED_RESULTS = "expected_results", _("Expected results")
        FULL_TEXT = "full_text", _("Full text")
        MILESTONE = "milestone", _("Milestone")

    draft_commitment = models.ForeignKey(
        DraftCommitment, verbose_name=_("draft commitment"), on_delete=models.CASCADE, related_name="paragraphs"
    )
    key = models.CharField(_("key"), max_length=60, help_text=_("The same in every version of the draft."))
    section = models.CharField(_("section"), max_length=20, choices=Section.choices)
    order = models.PositiveIntegerField(_("order"), default=0)
    text = models.TextField(_("text"))
    # Kept by the comment services (F() updates): the visible comments on this paragraph.
    comment_count = models.PositiveIntegerField(_("comments"), default=0, editable=False)

    class Meta:
        verbose_name = _("draft paragraph")
        verbose_name_plural = _("draft paragraphs")
        ordering = ["draft_commitment", "order", "id"]
        constraints = [models.UniqueConstraint(fields=["draft_commitment", "key"], name="draftparagraph_key_once")]

    def __str__(self):
        return self.text[:80]

    def get_absolute_url(self):
        version_id = self.draft_commitment.version_id
        return reverse("drafting:version-detail", kwargs={"pk": version_id}) + f"?paragraph={self.pk}#p-{self.pk}"

    @property
    def anchor(self) -> str:
        return f"p-{self.pk}"


class DraftReviewer(models.Model):
    """A person the point of contact invited to read and comment on a version before it is public (an
    institution's contact, a partner organisation, the support unit); their comments stay private until the
    version is published."""

    version = models.ForeignKey(
        DraftVersion, verbose_name=_("draft version"), on_delete=models.CASCADE, related_name="reviewers"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("reviewer"), on_delete=models.CASCADE, related_name="draft_reviews"
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("invited at"), auto_now_add=True)

    class Meta:
        verbose_name = _("expert reviewer")
        verbose_name_plural = _("expert reviewers")
        constraints = [models.UniqueConstraint(fields=["version", "user"], name="draftreviewer_once")]

    def __str__(self):
        return f"{self.user_id} → {self.version_id}"
