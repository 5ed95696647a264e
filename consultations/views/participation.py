"""What participants do: write, submit, edit and withdraw proposals; support, follow, comment, flag."""

import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from common.views import PostActionView, ServiceFormMixin
from consultations import selectors, services
from consultations.forms import CommentEditForm, CommentForm, FlagForm, ProposalForm, WithdrawForm
from consultations.models import Proposal
from consultations.views._common import (
    CommentTargetMixin,
    ConsultationTargetMixin,
    ProposalTargetMixin,
    StateGuardMixin,
)


class ProposalFormMixin(ServiceFormMixin):
    template_name = "consultations/proposal_form.html"
    form_class = ProposalForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "consultation": self.get_consultation(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        return super().get_context_data(consultation=self.get_consultation(), **kwargs)


class ProposalCreateView(ConsultationTargetMixin, StateGuardMixin, ProposalFormMixin, FormView):
    """Write a proposal: it is saved as a draft, then previewed (with similar proposals) before submitting."""

    permission_required = "consultations.participate"
    state_permission = "consultations.write_proposal"
    state_message = _("This consultation is not open: it does not accept proposals.")
    success_message = _("Your draft is saved. Check it below, then submit it.")
    rate_limit_scope = "consultations.proposal"

    def get_consultation(self):
        return self.get_target()

    def get_initial(self):
        # A fresh one-time key per form shown: the same form sent twice creates one proposal.
        return {"submission_key": uuid.uuid4()}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": Proposal(consultation=self.consultation)}

    def perform(self, form):
        data = form.service_data(self.request.user)
        data.pop("remove_attachments", None)
        return services.proposal_create(consultation=self.consultation, author=self.request.user, **data)


class ProposalUpdateView(ProposalTargetMixin, StateGuardMixin, ProposalFormMixin, FormView):
    permission_required = "consultations.own_proposal"
    state_permission = "consultations.edit_proposal"
    state_message = _("This proposal can no longer be edited.")
    success_message = _("Your changes are saved.")

    def get_consultation(self):
        return self.get_target().consultation

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.proposal}

    def get_context_data(self, **kwargs):
        return super().get_context_data(proposal=self.proposal, **kwargs)

    def perform(self, form):
        return services.proposal_update(proposal=self.proposal, **form.service_data(self.request.user))


class ProposalSubmitView(ProposalTargetMixin, PostActionView):
    permission_required = "consultations.submit_proposal"
    success_message = _("Your proposal is submitted. Everyone can now read, support and discuss it.")

    def perform(self, form):
        return services.proposal_submit(proposal=self.proposal)


class ProposalWithdrawView(ProposalTargetMixin, ServiceFormMixin, FormView):
    template_name = "consultations/proposal_withdraw.html"
    form_class = WithdrawForm
    permission_required = "consultations.withdraw_proposal"
    success_message = _("Your proposal is withdrawn.")

    def get_context_data(self, **kwargs):
        return super().get_context_data(proposal=self.proposal, **kwargs)

    def perform(self, form):
        return services.proposal_withdraw(
            proposal=self.proposal,
            reason=form.cleaned_data["withdrawal_reason"],
            note=form.cleaned_data["withdrawal_note"],
        )


class ProposalDeleteView(ProposalTargetMixin, ServiceFormMixin, FormView):
    template_name = "consultations/proposal_confirm_delete.html"
    form_class = forms.Form
    permission_required = "consultations.discard_proposal"
    success_message = _("The draft is deleted.")

    def get_context_data(self, **kwargs):
        return super().get_context_data(proposal=self.proposal, **kwargs)

    def perform(self, form):
        services.proposal_discard(proposal=self.proposal)
        return None

    def get_success_url(self):
        return reverse("consultations:proposal-mine")


class ProposalSupportView(ProposalTargetMixin, PostActionView):
    permission_required = "consultations.support_proposal"
    success_message = _("Thank you: your support is counted.")
    rate_limit_scope = "consultations.support"

    def perform(self, form):
        return services.proposal_support(proposal=self.proposal, user=self.request.user)


class ProposalUnsupportView(ProposalTargetMixin, PostActionView):
    permission_required = "consultations.support_proposal"
    success_message = _("Your support is withdrawn.")

    def perform(self, form):
        return services.proposal_unsupport(proposal=self.proposal, user=self.request.user)


class ProposalFollowView(ProposalTargetMixin, PostActionView):
    permission_required = "consultations.follow_proposal"
    success_message = _("You will get an e-mail when this proposal is answered.")

    def perform(self, form):
        return services.proposal_follow(proposal=self.proposal, user=self.request.user)


class ProposalUnfollowView(ProposalTargetMixin, PostActionView):
    permission_required = "consultations.follow_proposal"
    success_message = _("You no longer follow this proposal.")

    def perform(self, form):
        return services.proposal_unfollow(proposal=self.proposal, user=self.request.user)


class FlagViewMixin(ServiceFormMixin):
    template_name = "consultations/flag_form.html"
    form_class = FlagForm
    success_message = _("Thank you. The moderators will review it.")
    rate_limit_scope = "consultations.flag"

    def get_success_url(self):
        return self.get_target().get_absolute_url()


class ProposalFlagView(ProposalTargetMixin, FlagViewMixin, FormView):
    permission_required = "consultations.flag_proposal"

    def get_context_data(self, **kwargs):
        return super().get_context_data(proposal=self.proposal, target=self.proposal, **kwargs)

    def perform(self, form):
        return services.flag_create(user=self.request.user, proposal=self.proposal, **form.cleaned_data)


class CommentFlagView(CommentTargetMixin, FlagViewMixin, FormView):
    permission_required = "consultations.flag_comment"

    def get_context_data(self, **kwargs):
        return super().get_context_data(proposal=self.comment.proposal, target=self.comment, **kwargs)

    def perform(self, form):
        return services.flag_create(user=self.request.user, comment=self.comment, **form.cleaned_data)


class CommentCreateView(ProposalTargetMixin, StateGuardMixin, ServiceFormMixin, FormView):
    """Post a comment or a reply; the form comes back here, with its text, when something is wrong."""

    template_name = "consultations/comment_form.html"
    form_class = CommentForm
    permission_required = "consultations.discuss_proposal"
    state_permission = "consultations.comment_proposal"
    state_message = _("The consultation is closed.")
    success_message = _("Your comment is posted.")
    rate_limit_scope = "consultations.comment"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "proposal": self.proposal}

    def get_context_data(self, **kwargs):
        return super().get_context_data(proposal=self.proposal, **kwargs)

    def perform(self, form):
        parent = form.cleaned_data.get("parent")
        if parent is not None and not self.request.user.has_perm("consultations.reply_comment", parent):
            raise ValidationError(_("This comment cannot be answered."))
        return services.comment_create(proposal=self.proposal, author=self.request.user, **form.cleaned_data)

    def get_success_url(self):
        return selectors.comment_url(comment=self.object)


class CommentUpdateView(CommentTargetMixin, ServiceFormMixin, FormView):
    template_name = "consultations/comment_form.html"
    form_class = CommentEditForm
    permission_required = "consultations.edit_comment"
    success_message = _("Your comment is updated.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.comment}

    def get_context_data(self, **kwargs):
        return super().get_context_data(proposal=self.comment.proposal, comment=self.comment, **kwargs)

    def perform(self, form):
        return services.comment_update(comment=self.comment, **form.cleaned_data)

    def get_success_url(self):
        return selectors.comment_url(comment=self.object)
