"""What participants do on a draft: comment on a paragraph, support and flag comments, propose and support
amendments."""

from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from common.views import PostActionView, ServiceFormMixin, TargetMixin
from drafting import selectors
from drafting.forms import AmendmentForm, CommentForm, FlagForm
from drafting.models import Amendment, DraftCommitment, DraftParagraph, ParagraphComment
from drafting.services import amendments, comments

PARAGRAPH_RELATED = ("draft_commitment__version__action_plan", "draft_commitment__version__consultation")


class ParagraphTargetMixin(TargetMixin):
    target_model = DraftParagraph
    target_related = PARAGRAPH_RELATED
    target_attr = "paragraph"


class CommentTargetMixin(TargetMixin):
    target_model = ParagraphComment
    target_related = tuple(f"paragraph__{name}" for name in PARAGRAPH_RELATED)
    target_attr = "comment"


class CommentCreateView(ParagraphTargetMixin, PostActionView):
    """A comment on a paragraph, or a reply (`parent`); back to the paragraph's opened thread."""

    permission_required = "drafting.comment_draftparagraph"
    form_class = CommentForm
    invalid_message = _("Write your comment (at most 3000 characters) and send it again.")
    success_message = _("Your comment is published.")
    rate_limit_scope = "drafting.comment"

    created = None

    def perform(self, form):
        data = form.cleaned_data
        self.created = comments.comment_create(
            paragraph=self.paragraph, author=self.request.user, body=data["body"], parent=data.get("parent")
        )
        return self.created

    def get_success_url(self):
        """The page of the thread that shows the new comment (the paragraph's thread if none was made)."""
        if self.created is None:
            return self.paragraph.get_absolute_url()
        return selectors.paragraph_comment_url(comment=self.created)


class CommentSupportView(CommentTargetMixin, PostActionView):
    permission_required = "drafting.support_paragraphcomment"
    success_message = _("Thank you: your support is counted.")
    rate_limit_scope = "drafting.support"

    def perform(self, form):
        return comments.comment_support(comment=self.comment, user=self.request.user)

    def get_success_url(self):
        return selectors.paragraph_comment_url(comment=self.get_target())


class CommentFlagView(CommentTargetMixin, PostActionView):
    permission_required = "drafting.flag_paragraphcomment"
    form_class = FlagForm
    invalid_message = _("Choose why you flag this comment.")
    success_message = _("Thank you: the moderators will review this comment.")
    rate_limit_scope = "drafting.flag"

    def perform(self, form):
        return comments.comment_flag(comment=self.comment, user=self.request.user, **form.cleaned_data)

    def get_success_url(self):
        return selectors.paragraph_comment_url(comment=self.get_target())


class AmendmentCreateView(ServiceFormMixin, FormView):
    """New wording for a paragraph (`draft-paragraphs/<id>/amend/`) or a new milestone for a commitment
    (`draft-commitments/<id>/milestone/`)."""

    template_name = "drafting/amendment_form.html"
    form_class = AmendmentForm
    rate_limit_scope = "drafting.amendment"
    success_message = _("Your amendment is published: others can support it, and the point of contact will decide.")

    def get_context_data(self, **kwargs):
        target = self.get_target()
        return super().get_context_data(
            target=target, paragraph=target if isinstance(target, DraftParagraph) else None, **kwargs
        )


class ParagraphAmendView(ParagraphTargetMixin, AmendmentCreateView):
    permission_required = "drafting.amend_draftparagraph"

    def perform(self, form):
        return amendments.amendment_propose(author=self.request.user, paragraph=self.paragraph, **form.cleaned_data)


class MilestoneAmendView(TargetMixin, AmendmentCreateView):
    target_model = DraftCommitment
    target_related = ("version__action_plan", "version__consultation")
    permission_required = "drafting.amend_draftcommitment"

    def perform(self, form):
        return amendments.amendment_propose(
            author=self.request.user, draft_commitment=self.get_target(), **form.cleaned_data
        )


class AmendmentSupportView(PostActionView):
    target_model = Amendment
    target_related = ("version__action_plan", "version__consultation")
    target_attr = "amendment"
    permission_required = "drafting.support_amendment"
    success_message = _("Thank you: your support is counted.")
    rate_limit_scope = "drafting.support"

    def perform(self, form):
        return amendments.amendment_support(amendment=self.amendment, user=self.request.user)
