"""What the consultations views share: the objects they act on, and the state guard of their forms."""

from django.contrib import messages
from django.shortcuts import redirect

from common.views import TargetMixin
from consultations.models import Comment, Consultation, Proposal


class ConsultationTargetMixin(TargetMixin):
    target_model = Consultation
    target_related = ("action_plan__member",)
    target_attr = "consultation"


class ProposalTargetMixin(TargetMixin):
    target_model = Proposal
    target_related = ("consultation__action_plan__member", "author", "response")
    target_attr = "proposal"


class CommentTargetMixin(TargetMixin):
    target_model = Comment
    target_related = ("proposal__consultation__action_plan__member", "author")
    target_attr = "comment"


class StateGuardMixin:
    """A form whose state rule (`state_permission`, the action's permission, the one the API checks) no longer
    holds is not shown: the visitor goes back to the object with `state_message`. A form sent anyway passes
    `permission_required` (who may send it) and is refused by the service, with a message on the form."""

    state_permission = ""
    state_message = ""

    def get(self, request, *args, **kwargs):
        target = self.get_target()
        if not request.user.has_perm(self.state_permission, target):
            messages.warning(request, self.state_message)
            return redirect(target.get_absolute_url())
        return super().get(request, *args, **kwargs)
