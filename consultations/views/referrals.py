"""An institution's contact reads a proposal referred to it and gives the institution's opinion in the portal."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from common.views import ServiceFormMixin, TargetMixin
from consultations import services
from consultations.forms import InstitutionOpinionForm
from consultations.models import Proposal, Referral


class ReferralAnswerView(TargetMixin, ServiceFormMixin, FormView):
    template_name = "consultations/referral_answer.html"
    form_class = InstitutionOpinionForm
    permission_required = "consultations.answer_referral"
    success_message = _("The opinion is sent: the point of contact reads it before publishing the response.")
    rate_limit_scope = "consultations.referral_opinion"
    target_model = Referral
    target_related = ("proposal__consultation__action_plan__member", "institution", "opinion_by")
    target_attr = "referral"

    def get_initial(self):
        return {"opinion": self.referral.opinion}

    def get_context_data(self, **kwargs):
        proposal = self.referral.proposal
        return super().get_context_data(
            referral=self.referral,
            proposal=proposal,
            consultation=proposal.consultation,
            can_answer=proposal.status in (Proposal.Status.SUBMITTED, Proposal.Status.UNDER_REVIEW),
            **kwargs,
        )

    def perform(self, form):
        return services.referral_give_opinion(referral=self.referral, user=self.request.user, **form.cleaned_data)

    def get_success_url(self):
        return reverse("consultations:referral-answer", args=[self.referral.pk])
