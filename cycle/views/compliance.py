"""The support unit's compliance list and the decision on one finding."""

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView
from rules.contrib.views import PermissionRequiredMixin

from common.views import ServiceFormMixin, TargetMixin
from cycle import selectors, services
from cycle.forms import FindingDecisionForm
from cycle.models import ComplianceFinding

STATES = ("open", "decided", "resolved")


class ComplianceListView(PermissionRequiredMixin, TemplateView):
    template_name = "cycle/compliance_list.html"
    permission_required = "cycle.view_compliancefinding"

    def get_context_data(self, **kwargs):
        state = self.request.GET.get("state")
        state = state if state in STATES else "open"
        counts = selectors.finding_counts()
        page = Paginator(selectors.findings(state=state), settings.PAGE_SIZE).get_page(self.request.GET.get("page"))
        return super().get_context_data(
            state=state,
            page_obj=page,
            findings=page.object_list,
            kinds=[(label, counts.get(kind, 0)) for kind, label in ComplianceFinding.Kind.choices],
            **kwargs,
        )


class FindingDecideView(TargetMixin, ServiceFormMixin, FormView):
    template_name = "cycle/finding_detail.html"
    form_class = FindingDecisionForm
    target_model = ComplianceFinding
    target_related = ("member", "action_plan", "decided_by", "status_event")
    permission_required = "cycle.decide_compliancefinding"
    success_message = _("The decision is recorded.")

    def get_permission_object(self):
        # A role, not a right on the row: checked before the row is looked up (no 404/403 tells it exists).
        return None

    def get_context_data(self, **kwargs):
        return super().get_context_data(finding=self.get_target(), **kwargs)

    def post(self, request, *args, **kwargs):
        if self.get_target().decision:  # the form is no longer shown: say so rather than fail silently
            messages.error(request, _("This finding has already been decided."))
            return redirect(self.get_target().get_absolute_url())
        return super().post(request, *args, **kwargs)

    def perform(self, form):
        return services.finding_decide(
            finding=self.get_target(),
            decision=form.cleaned_data["decision"],
            reason=form.cleaned_data["reason"],
            decided_by=self.request.user,
        )
