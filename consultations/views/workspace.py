"""The point of contact's side of co-creation: consultations, reasoned responses, internal opinions, templates.

Every view checks its rule on the object it acts on (consultations/rules.py) and hands the valid form
to one service.
"""

from django.conf import settings
from django.core.paginator import Paginator
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView

from commitments import selectors as commitment_selectors
from commitments.views.workspace import MemberTargetMixin, PlanTargetMixin
from common.text import as_id
from common.views import ServiceFormMixin, TargetMixin
from consultations import selectors, services
from consultations.forms import (
    BulkResponseForm,
    ConsultationEndForm,
    ConsultationForm,
    OpinionForm,
    ReferralForm,
    ResponseForm,
)
from consultations.models import Consultation, Proposal, ProposalResponse, Referral
from consultations.views._common import ConsultationTargetMixin, ProposalTargetMixin


class CoCreationHomeView(MemberTargetMixin, TemplateView):
    """The member's consultations, forum and response templates, for its point of contact."""

    template_name = "consultations/workspace/home.html"
    permission_required = "consultations.manage_forum"

    def get_context_data(self, **kwargs):
        member = self.member
        plans = member.action_plans.order_by("-start_date")
        consultations = (
            Consultation.objects.filter(action_plan__member=member)
            .select_related("action_plan")
            .with_counts()
            .order_by("-opens_at")
        )
        page = Paginator(consultations, settings.PAGE_SIZE).get_page(self.request.GET.get("page"))
        return super().get_context_data(
            member=member,
            plans=plans,
            page_obj=page,
            consultations=page.object_list,
            forum=selectors.forum_get(member=member),
            template_count=member.response_templates.count(),
            **kwargs,
        )


class ConsultationCreateView(PlanTargetMixin, ServiceFormMixin, FormView):
    template_name = "consultations/workspace/consultation_form.html"
    form_class = ConsultationForm
    permission_required = "consultations.open_consultation"
    success_message = _("The consultation is created.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": Consultation(action_plan=self.plan)}

    def get_context_data(self, **kwargs):
        return super().get_context_data(plan=self.plan, member=self.plan.member, **kwargs)

    def perform(self, form):
        return services.consultation_create(action_plan=self.plan, created_by=self.request.user, **form.cleaned_data)

    def get_success_url(self):
        return self.object.get_workspace_url()


class ConsultationUpdateView(ConsultationTargetMixin, ServiceFormMixin, FormView):
    template_name = "consultations/workspace/consultation_form.html"
    form_class = ConsultationForm
    permission_required = "consultations.edit_consultation"
    success_message = _("The consultation is saved.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.consultation}

    def get_context_data(self, **kwargs):
        plan = self.consultation.action_plan
        return super().get_context_data(consultation=self.consultation, plan=plan, member=plan.member, **kwargs)

    def perform(self, form):
        return services.consultation_update(consultation=self.consultation, **form.cleaned_data)

    def get_success_url(self):
        return self.object.get_workspace_url()


class ConsultationEndView(ConsultationTargetMixin, ServiceFormMixin, FormView):
    template_name = "consultations/workspace/consultation_end.html"
    form_class = ConsultationEndForm
    permission_required = "consultations.end_consultation"
    success_message = _("The consultation is closed.")

    def get_context_data(self, **kwargs):
        return super().get_context_data(consultation=self.consultation, **kwargs)

    def perform(self, form):
        return services.consultation_end(
            consultation=self.consultation,
            reason=form.cleaned_data["reason"],
            cancel=form.cleaned_data["action"] == "cancel",
        )

    def get_success_url(self):
        return self.object.get_workspace_url()


class WorkspaceConsultationView(ConsultationTargetMixin, ServiceFormMixin, FormView):
    """Every proposal of a consultation with its response state; answer many at once with one form."""

    template_name = "consultations/workspace/consultation.html"
    form_class = BulkResponseForm
    permission_required = "consultations.manage_consultation"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "consultation": self.consultation}

    def get_context_data(self, **kwargs):
        consultation = selectors.consultation_get(pk=self.consultation.pk)
        status = self.request.GET.get("status", "")
        proposals = selectors.workspace_proposals(consultation=consultation, status=status)
        page = Paginator(proposals, 50).get_page(self.request.GET.get("page"))
        return super().get_context_data(
            consultation=consultation,
            member=consultation.action_plan.member,
            page_obj=page,
            proposals=page.object_list,
            status=status,
            status_choices=[("unanswered", _("Awaiting a response")), *Proposal.Status.choices[1:]],
            answerable=Proposal.TO_ANSWER,
            selected=set(self.request.POST.getlist("proposals")),
            **kwargs,
        )

    def perform(self, form):
        responses = services.response_bulk_save(written_by=self.request.user, **form.cleaned_data)
        self.success_message = _("%(count)d responses saved.") % {"count": len(responses)}
        return self.consultation

    def get_success_url(self):
        return self.consultation.get_workspace_url()


class ResponseEditView(ProposalTargetMixin, ServiceFormMixin, FormView):
    """Draft or publish the reasoned response to one proposal; a template can fill it in."""

    template_name = "consultations/workspace/response_form.html"
    form_class = ResponseForm
    permission_required = "consultations.respond_proposal"

    def get_form_kwargs(self):
        response = getattr(self.proposal, "response", None) or ProposalResponse(proposal=self.proposal)
        return {**super().get_form_kwargs(), "instance": response, "plan": self.proposal.consultation.action_plan}

    def get_initial(self):
        template_id = as_id(self.request.GET.get("template"))
        member = self.proposal.consultation.action_plan.member
        template = member.response_templates.filter(pk=template_id).first() if template_id is not None else None
        return {"outcome": template.outcome, "reasons": template.reasons} if template else {}

    def get_context_data(self, **kwargs):
        member = self.proposal.consultation.action_plan.member
        return super().get_context_data(
            proposal=self.proposal,
            consultation=self.proposal.consultation,
            templates=member.response_templates.all(),
            referrals=self.proposal.referrals.select_related("institution", "opinion_by"),
            # Links through the private-file view, which checks the same permission again.
            attachments=[
                attachment
                for attachment in self.proposal.attachments.all()
                if self.request.user.has_perm("consultations.read_proposalattachment", attachment)
            ],
            **kwargs,
        )

    def perform(self, form):
        publish = self.request.POST.get("action") == "publish"
        response = services.response_save(
            proposal=self.proposal, publish=publish, written_by=self.request.user, **form.cleaned_data
        )
        self.success_message = (
            _("The response is published.") if response.is_published else _("The draft response is saved.")
        )
        return response

    def get_success_url(self):
        return self.proposal.consultation.get_workspace_url() + f"#proposal-{self.proposal.pk}"


class ReferralCreateView(ProposalTargetMixin, ServiceFormMixin, FormView):
    template_name = "consultations/workspace/referral_form.html"
    form_class = ReferralForm
    permission_required = "consultations.route_proposal"
    success_message = _("The proposal is sent for an opinion and marked as under review.")

    def get_context_data(self, **kwargs):
        member = self.proposal.consultation.action_plan.member
        return super().get_context_data(
            proposal=self.proposal,
            institution_names=commitment_selectors.member_institution_names(member=member),
            **kwargs,
        )

    def perform(self, form):
        return services.referral_create(proposal=self.proposal, requested_by=self.request.user, **form.cleaned_data)

    def get_success_url(self):
        return reverse("consultations:workspace-response", args=[self.proposal.pk])


class ReferralOpinionView(TargetMixin, ServiceFormMixin, FormView):
    template_name = "consultations/workspace/referral_opinion.html"
    form_class = OpinionForm
    permission_required = "consultations.record_referral"
    success_message = _("The opinion is recorded.")
    target_model = Referral
    target_related = ("proposal__consultation__action_plan__member", "institution")
    target_attr = "referral"

    def get_initial(self):
        return {"opinion": self.referral.opinion, "received_on": self.referral.opinion_received_on}

    def get_context_data(self, **kwargs):
        return super().get_context_data(referral=self.referral, proposal=self.referral.proposal, **kwargs)

    def perform(self, form):
        return services.referral_record_opinion(referral=self.referral, **form.cleaned_data)

    def get_success_url(self):
        return reverse("consultations:workspace-response", args=[self.referral.proposal_id])
