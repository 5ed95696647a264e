"""The point of contact's list of a plan's monitoring reports, those awaiting an answer first."""

from django.views.generic import ListView

from commitments.models import ActionPlan
from common.views import TargetMixin
from monitoring import selectors


class WorkspaceReportsView(TargetMixin, ListView):
    template_name = "monitoring/workspace_reports.html"
    context_object_name = "reports"
    permission_required = "monitoring.answer_actionplan"
    target_model = ActionPlan
    target_related = ("member",)
    target_attr = "plan"
    paginate_by = 50

    def get_queryset(self):
        self.unanswered = self.request.GET.get("status") == "unanswered"
        return selectors.workspace_reports(plan=self.get_target(), unanswered=self.unanswered)

    def get_context_data(self, **kwargs):
        return super().get_context_data(plan=self.plan, unanswered=self.unanswered, **kwargs)
