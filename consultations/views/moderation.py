"""Support staff's moderation queue: flagged proposals and comments, hidden or restored with a reason."""

from django.conf import settings
from django.core.paginator import Paginator
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView
from rules.contrib.views import PermissionRequiredMixin

from common.views import ServiceFormMixin, TargetMixin
from consultations import selectors, services
from consultations.forms import ModerationForm
from consultations.models import Comment, Proposal


class ModerationQueueView(PermissionRequiredMixin, TemplateView):
    template_name = "consultations/moderation/queue.html"
    permission_required = "consultations.moderate"

    def get_context_data(self, **kwargs):
        kind = "comment" if self.request.GET.get("kind") == "comment" else "proposal"
        page = Paginator(selectors.moderation_queue(kind=kind), settings.PAGE_SIZE).get_page(
            self.request.GET.get("page")
        )
        return super().get_context_data(kind=kind, page_obj=page, items=page.object_list, **kwargs)


class ModerateMixin(TargetMixin, ServiceFormMixin):
    """Hide or restore one flagged item (`target_model`)."""

    template_name = "consultations/moderation/moderate.html"
    form_class = ModerationForm
    permission_required = "consultations.moderate"
    field = ""

    def get_permission_object(self):
        # Moderation is a role, not a right on the item: it is checked before the item is looked up, so
        # that nobody else learns which items exist (drafts, hidden ones) from a 404 told apart from a 403.
        return None

    def get_context_data(self, **kwargs):
        item = self.get_target()
        return super().get_context_data(
            item=item,
            kind=self.field,
            flags=item.flags.select_related("user").order_by("-created_at")[:100],
            history=item.moderation.select_related("actor").order_by("-created_at")[:100],
            **kwargs,
        )

    def perform(self, form):
        action = services.moderation_hide if form.cleaned_data["action"] == "hide" else services.moderation_restore
        action(reason=form.cleaned_data["reason"], actor=self.request.user, **{self.field: self.get_target()})
        self.success_message = _("The decision is recorded.")
        return self.get_target()

    def get_success_url(self):
        return reverse("consultations:moderation-queue") + ("?kind=comment" if self.field == "comment" else "")


class ModerateProposalView(ModerateMixin, FormView):
    field = "proposal"
    target_model = Proposal
    target_related = ("author", "consultation")


class ModerateCommentView(ModerateMixin, FormView):
    field = "comment"
    target_model = Comment
    target_related = ("author", "proposal")
