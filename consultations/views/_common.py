from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import View

from common.views import ObjectPermissionMixin
from consultations.models import Comment, Consultation, Proposal


class ConsultationTargetMixin:
    def get_target(self):
        if not hasattr(self, "consultation"):
            self.consultation = get_object_or_404(
                Consultation.objects.select_related("action_plan__member"), pk=self.kwargs["pk"]
            )
        return self.consultation


class ProposalTargetMixin:
    def get_target(self):
        if not hasattr(self, "proposal"):
            self.proposal = get_object_or_404(
                Proposal.objects.select_related("consultation__action_plan__member", "author", "response"),
                pk=self.kwargs["pk"],
            )
        return self.proposal


class CommentTargetMixin:
    def get_target(self):
        if not hasattr(self, "comment"):
            self.comment = get_object_or_404(
                Comment.objects.select_related("proposal__consultation__action_plan__member", "author"),
                pk=self.kwargs["pk"],
            )
        return self.comment


class StateGuardMixin:
    """A form whose state rule (`state_permission`) no longer holds is not shown: the visitor goes back
    to the object with `state_message`. A form sent anyway is refused by the service, with a message."""

    state_permission = ""
    state_message = ""

    def get(self, request, *args, **kwargs):
        target = self.get_target()
        if not request.user.has_perm(self.state_permission, target):
            messages.warning(request, self.state_message)
            return redirect(target.get_absolute_url())
        return super().get(request, *args, **kwargs)


class ActionView(ObjectPermissionMixin, View):
    """A button (POST only): check the permission on the target, call one service, go back with a message."""

    http_method_names = ["post"]
    success_message = ""

    def act(self, target):
        raise NotImplementedError

    def get_redirect_url(self, target) -> str:
        return target.get_absolute_url()

    def post(self, request, *args, **kwargs):
        target = self.get_target()
        try:
            self.act(target)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            if self.success_message:
                messages.success(request, self.success_message)
        return redirect(self.get_redirect_url(target))
