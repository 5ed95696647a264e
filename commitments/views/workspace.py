"""The point of contact's workspace: write their own member's plans, commitments and progress.

Every view checks its rule on the object it acts on (see commitments/rules.py) and hands the
valid form to one service.
"""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, ListView, TemplateView

from commitments import selectors, services
from commitments.forms import (
    ActionPlanForm,
    CommitmentForm,
    MilestoneForm,
    MilestoneStatusForm,
    ProgressUpdateForm,
    TransitionForm,
)
from commitments.models import ActionPlan, Commitment, Member, Milestone, ProgressUpdate
from common.awaiting import awaiting_for_member
from common.views import PostActionView, ServiceFormMixin, TargetMixin


class WorkspaceHomeView(LoginRequiredMixin, ListView):
    """Points of contact go to their member; support staff pick one."""

    template_name = "commitments/workspace/home.html"
    context_object_name = "members"
    paginate_by = 50

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if user.is_authenticated and user.is_point_of_contact:
            return redirect("commitments:workspace-member", slug=user.member.slug)
        if user.is_authenticated and not user.has_perm("commitments.use_workspace"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return Member.objects.search(self.request.GET.get("search", "")).order_by("name")


class MemberTargetMixin(TargetMixin):
    """Views on one member (URL kwarg slug)."""

    target_model = Member
    target_related = ("parent",)
    target_kwarg = "slug"
    target_attr = "member"


class PlanTargetMixin(TargetMixin):
    """Views on one action plan (URL kwarg pk)."""

    target_model = ActionPlan
    target_related = ("member",)
    target_attr = "plan"


class WorkspaceMemberView(MemberTargetMixin, TemplateView):
    template_name = "commitments/workspace/member.html"
    permission_required = "commitments.add_actionplan"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["member"] = self.member
        context["action_plans"] = selectors.member_action_plans(member=self.member)
        context["awaiting"] = awaiting_for_member(member=self.member)
        return context


class WorkspacePlanView(PlanTargetMixin, TemplateView):
    """A plan with its commitments and milestones, and the actions its status allows."""

    template_name = "commitments/workspace/plan.html"
    permission_required = "commitments.transition_actionplan"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user, plan = self.request.user, self.plan
        context["plan"] = plan
        context["commitments"] = selectors.workspace_plan_rows(plan=plan)
        context["transitions"] = [ActionPlan.Status(s) for s in plan.allowed_transitions()]
        context["can_edit"] = user.has_perm("commitments.change_actionplan", plan)
        context["can_add_commitment"] = user.has_perm("commitments.add_commitment", plan)
        # For whoever may see this page (the member's managers, commitments/rules.py), the rules on a commitment
        # look at its plan only: the same for every row.
        any_commitment = Commitment(action_plan=plan)
        context["can_change"] = user.has_perm("commitments.change_commitment", any_commitment)
        context["can_report"] = user.has_perm("commitments.add_progressupdate", any_commitment)
        context["can_translate"] = user.has_perm("commitments.translate_commitment", any_commitment)
        return context


class ActionPlanCreateView(MemberTargetMixin, ServiceFormMixin, FormView):
    template_name = "commitments/workspace/actionplan_form.html"
    form_class = ActionPlanForm
    permission_required = "commitments.add_actionplan"
    success_message = _("The action plan was created. Add its commitments next.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": ActionPlan(member=self.member)}

    def get_context_data(self, **kwargs):
        return super().get_context_data(member=self.member, **kwargs)

    def perform(self, form):
        return services.action_plan_create(member=self.member, **form.cleaned_data)

    def get_success_url(self):
        return self.object.get_workspace_url()


class ActionPlanUpdateView(PlanTargetMixin, ServiceFormMixin, FormView):
    template_name = "commitments/workspace/actionplan_form.html"
    form_class = ActionPlanForm
    permission_required = "commitments.change_actionplan"
    success_message = _("The action plan was saved.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.plan}

    def get_context_data(self, **kwargs):
        return super().get_context_data(member=self.plan.member, plan=self.plan, **kwargs)

    def perform(self, form):
        return services.action_plan_update(plan=self.plan, **form.cleaned_data)

    def get_success_url(self):
        return self.object.get_workspace_url()


class ActionPlanTransitionView(PlanTargetMixin, PostActionView):
    permission_required = "commitments.transition_actionplan"
    form_class = TransitionForm
    invalid_message = _("Choose a valid status.")

    def perform(self, form):
        return services.action_plan_transition(plan=self.plan, **form.cleaned_data)

    def get_success_message(self, plan):
        return _("The action plan is now “%(status)s”.") % {"status": plan.get_status_display()}

    def get_success_url(self):
        return self.plan.get_workspace_url()


class CommitmentFormMixin(TargetMixin, ServiceFormMixin):
    template_name = "commitments/workspace/commitment_form.html"
    form_class = CommitmentForm

    def get_context_data(self, **kwargs):
        plan = self.get_plan()
        return super().get_context_data(
            plan=plan,
            member=plan.member,
            institution_names=selectors.member_institution_names(member=plan.member),
            **kwargs,
        )

    def get_success_url(self):
        return self.object.action_plan.get_workspace_url() + f"#commitment-{self.object.pk}"


class CommitmentCreateView(PlanTargetMixin, CommitmentFormMixin, FormView):
    permission_required = "commitments.add_commitment"
    success_message = _("The commitment was added.")

    def get_plan(self):
        return self.plan

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": Commitment(action_plan=self.plan)}

    def perform(self, form):
        return services.commitment_create(action_plan=self.plan, **form.service_data())


class CommitmentUpdateView(CommitmentFormMixin, FormView):
    permission_required = "commitments.change_commitment"
    success_message = _("The commitment was saved.")
    target_model = Commitment
    target_related = ("action_plan__member", "lead_institution")
    target_attr = "commitment"

    def get_plan(self):
        return self.commitment.action_plan

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.commitment}

    def get_context_data(self, **kwargs):
        return super().get_context_data(commitment=self.commitment, **kwargs)

    def perform(self, form):
        return services.commitment_update(commitment=self.commitment, **form.service_data())


class CommitmentChildMixin(TargetMixin, ServiceFormMixin):
    """Views that add something to a commitment (milestone, progress update)."""

    target_model = Commitment
    target_related = ("action_plan__member",)
    target_attr = "commitment"

    def get_context_data(self, **kwargs):
        plan = self.commitment.action_plan
        return super().get_context_data(commitment=self.commitment, plan=plan, member=plan.member, **kwargs)

    def get_success_url(self):
        return self.commitment.action_plan.get_workspace_url() + f"#commitment-{self.commitment.pk}"


class MilestoneCreateView(CommitmentChildMixin, FormView):
    template_name = "commitments/workspace/milestone_form.html"
    form_class = MilestoneForm
    permission_required = "commitments.add_milestone"
    success_message = _("The milestone was added.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": Milestone(commitment=self.commitment)}

    def perform(self, form):
        return services.milestone_create(commitment=self.commitment, **form.cleaned_data)


class MilestoneUpdateView(TargetMixin, ServiceFormMixin, FormView):
    """The whole milestone during co-creation, its status during implementation."""

    template_name = "commitments/workspace/milestone_form.html"
    permission_required = "commitments.change_milestone"
    success_message = _("The milestone was saved.")
    target_model = Milestone
    target_related = ("commitment__action_plan__member",)
    target_attr = "milestone"

    def get_form_class(self):
        plan = self.milestone.commitment.action_plan
        return MilestoneForm if plan.accepts_commitment_changes else MilestoneStatusForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.milestone}

    def get_context_data(self, **kwargs):
        commitment = self.milestone.commitment
        plan = commitment.action_plan
        return super().get_context_data(
            milestone=self.milestone, commitment=commitment, plan=plan, member=plan.member, **kwargs
        )

    def perform(self, form):
        return services.milestone_update(milestone=self.milestone, **form.cleaned_data)

    def get_success_url(self):
        commitment = self.milestone.commitment
        return commitment.action_plan.get_workspace_url() + f"#commitment-{commitment.pk}"


class ProgressUpdateCreateView(CommitmentChildMixin, FormView):
    template_name = "commitments/workspace/progressupdate_form.html"
    form_class = ProgressUpdateForm
    permission_required = "commitments.add_progressupdate"
    success_message = _("The progress update was published.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": ProgressUpdate(commitment=self.commitment)}

    def get_initial(self):
        return {"completion": self.commitment.completion}

    def get_context_data(self, **kwargs):
        # An institution's contact has no access to the member's workspace: their way back is the commitment.
        in_workspace = self.request.user.has_perm("commitments.transition_actionplan", self.commitment.action_plan)
        return super().get_context_data(in_workspace=in_workspace, **kwargs)

    def perform(self, form):
        return services.progress_update_create(
            commitment=self.commitment, author=self.request.user, **form.cleaned_data
        )

    def get_success_url(self):
        if self.request.user.has_perm("commitments.transition_actionplan", self.commitment.action_plan):
            return super().get_success_url()
        return self.commitment.get_absolute_url()
