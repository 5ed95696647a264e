"""Following a commitment: the buttons of the commitment page, and the one-click link of every follower's e-mail."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from commitments import services
from commitments.models import Commitment, CommitmentFollow
from common.views import PostActionView, RateLimitMixin


class CommitmentFollowMixin:
    target_model = Commitment
    target_related = ("action_plan",)
    permission_required = "commitments.follow_commitment"
    rate_limit_scope = "commitments.follow"


class CommitmentFollowView(CommitmentFollowMixin, PostActionView):
    success_message = _("You follow this commitment: you will be told of its progress, reports and answers.")

    def perform(self, form):
        return services.commitment_follow(commitment=self.get_target(), user=self.request.user)


class CommitmentUnfollowView(CommitmentFollowMixin, PostActionView):
    success_message = _("You no longer follow this commitment.")

    def perform(self, form):
        return services.commitment_unfollow(commitment=self.get_target(), user=self.request.user)


class CommitmentOptOutView(RateLimitMixin, TemplateView):
    """The link of a follower's e-mail, signed for them and the commitment: it works without signing in. The page
    asks for one click (a POST), so that a mail filter opening the link does not stop anything."""

    template_name = "commitments/follow_optout.html"
    rate_limit_scope = "commitments.follow"

    def dispatch(self, request, *args, **kwargs):
        self.found = services.unfollow_token_read(kwargs["token"])
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        if self.found is None:
            return self.render_to_response({"invalid": True}, status=404)
        user, commitment = self.found
        following = CommitmentFollow.objects.filter(user=user, commitment=commitment).exists()
        return self.render_to_response({"commitment": commitment, "following": following})

    def post(self, request, *args, **kwargs):
        if self.found is None:
            return self.render_to_response({"invalid": True}, status=404)
        user, commitment = self.found
        try:
            with self.rate_limited():
                services.commitment_unfollow(commitment=commitment, user=user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("You no longer follow this commitment: you get no more e-mails about it."))
        return redirect(request.path)
