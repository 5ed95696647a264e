"""The IRM researcher's workspace: start a report, write its content, render its PDF, publish it.

Every view checks its rule on the report or plan it acts on (irm_reports/rules.py) and hands
valid input to one service. The assessment pages are in irm_reports/views/assessments.py.
"""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, ListView, TemplateView, View

from commitments.models import ActionPlan
from commitments.views.workspace import PlanTargetMixin
from common.views import PostActionView, ServiceFormMixin, TargetMixin
from irm_reports import researcher_selectors, selectors, services
from irm_reports.forms import ReportContentForm, ReportCreateForm
from irm_reports.models import Report
from irm_reports.pdf import report_preview_html
from irm_reports.scales import Methodology, ReportType

STEPS = [Report.Step.COLLECTING, Report.Step.RENDERING_HTML, Report.Step.LAYING_OUT, Report.Step.STORING]


class WorkspaceHomeView(LoginRequiredMixin, ListView):
    """A researcher's assigned plans and their reports; support staff see every report."""

    template_name = "irm_reports/workspace/home.html"
    context_object_name = "reports"
    paginate_by = 50

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.has_perm("irm_reports.use_workspace"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return researcher_selectors.report_list_for(user=self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["plans"] = plans = list(researcher_selectors.assigned_plans(user=self.request.user))
        context["awaiting"] = researcher_selectors.researcher_awaiting(plans=plans)
        return context


class ReportMixin(TargetMixin):
    """Views acting on one report (kwarg pk).

    A member of the report's team refused an action by the report's state (rendering, published…) goes
    back to the report's page with a message saying why (`refused_message`), not to a bare 403.
    """

    target_model = Report
    target_related = ("action_plan__member", "rendering__requested_by")
    target_attr = "report"
    refused_message = _("This cannot be done while the report's status is “%(status)s”.")

    def handle_no_permission(self):
        user, report = self.request.user, self.get_target()
        if not user.is_authenticated or not user.has_perm("irm_reports.work_on_report", report):
            return super().handle_no_permission()
        if report.is_rendering:
            message = _(
                "The PDF is being rendered: wait until it is done (this page shows its progress), then try again."
            )
        elif report.status == Report.Status.PUBLISHED:
            message = _("This version is published: start a new version to change it.")
        else:
            message = self.refused_message % {"status": report.get_status_display()}
        messages.error(self.request, message)
        return redirect(report.get_absolute_url())

    def get_context_data(self, **kwargs):
        plan = self.report.action_plan
        return super().get_context_data(report=self.report, plan=plan, member=plan.member, **kwargs)

    def get_success_url(self):
        return self.report.get_absolute_url()


class ReportCreateView(PlanTargetMixin, ServiceFormMixin, FormView):
    template_name = "irm_reports/workspace/report_create.html"
    form_class = ReportCreateForm
    permission_required = "irm_reports.add_report"
    success_message = _("The report was created. Assess each commitment, then render the PDF.")

    def get_initial(self):
        ended = self.plan.status in (ActionPlan.Status.COMPLETED, ActionPlan.Status.WITHDRAWN)
        return {
            "report_type": ReportType.RESULTS_REPORT if ended else ReportType.ACTION_PLAN_REVIEW,
            "methodology": Methodology.REFRESH_2021,
            "language": self.request.LANGUAGE_CODE,
        }

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": Report(action_plan=self.plan)}

    def get_context_data(self, **kwargs):
        return super().get_context_data(plan=self.plan, member=self.plan.member, **kwargs)

    def perform(self, form):
        return services.report_create(plan=self.plan, **form.cleaned_data)


class ReportDetailView(ReportMixin, TemplateView):
    """The report's page: progress of the PDF, what is missing, every commitment's assessment."""

    template_name = "irm_reports/workspace/report_detail.html"
    permission_required = "irm_reports.work_on_report"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report = self.report
        rows = context["rows"] = selectors.commitment_rows(report=report)
        requirements = context["requirements"] = selectors.requirement_rows(report=report)
        recommendations = context["recommendations"] = selectors.report_recommendations(report=report)
        context["missing"] = selectors.report_missing(
            report=report, rows=rows, requirements=requirements, recommendations=recommendations
        )
        context["published_versions"] = selectors.published_versions(report=report)
        context["researchers"] = selectors.plan_researchers(plan=report.action_plan)
        context["status"] = report_status(report)
        context["steps"] = [(step.value, step.label) for step in STEPS]
        return context


def report_status(report: Report) -> dict:
    """What the report page shows about rendering (also its JSON status endpoint)."""
    step_index = STEPS.index(report.progress_step) + 1 if report.progress_step in STEPS else 0
    return {
        "status": report.status,
        "status_label": str(report.get_status_display()),
        "step": report.progress_step,
        "step_label": str(report.get_progress_step_display()) if report.progress_step else "",
        "step_index": step_index,
        "step_count": len(STEPS),
        # The share of the work done: each step begun counts, the stored PDF is the whole.
        "percent": 100 if report.has_current_pdf else round(100 * step_index / (len(STEPS) + 1)),
        "version": report.version,
        "error": report.error if report.status == Report.Status.FAILED else "",
        "in_progress": report.is_rendering,
        "download_url": reverse("irm_reports:report-pdf", args=[report.pk]) if report.has_current_pdf else "",
        "pages": report.pdf_pages if report.has_current_pdf else None,
    }


class ReportStatusView(ReportMixin, View):
    """JSON polled by the report page while the PDF is rendered."""

    permission_required = "irm_reports.work_on_report"

    def get(self, request, *args, **kwargs):
        report = Report.objects.get(pk=self.report.pk)
        return JsonResponse(report_status(report), headers={"Cache-Control": "no-store"})


class ReportPreviewView(ReportMixin, View):
    """The report as its PDF lays it out, in the browser: what the next render will show."""

    permission_required = "irm_reports.work_on_report"

    def get(self, request, *args, **kwargs):
        return HttpResponse(report_preview_html(self.report, self.report.language))


class ReportEditView(ReportMixin, ServiceFormMixin, FormView):
    template_name = "irm_reports/workspace/report_form.html"
    form_class = ReportContentForm
    permission_required = "irm_reports.change_report"
    success_message = _("The report was saved.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.report}

    def perform(self, form):
        return services.report_update(report=self.report, **form.cleaned_data)


class ReportRenderView(ReportMixin, PostActionView):
    permission_required = "irm_reports.render_report"
    success_message = _("The PDF is being rendered; this page shows its progress.")

    def perform(self, form):
        return services.report_request_render(report=self.report, requested_by=self.request.user)


class ReportPublishView(ReportMixin, PostActionView):
    permission_required = "irm_reports.publish_report"
    refused_message = _("Only a rendered PDF can be published: render the PDF first.")
    success_message = _("The report is published: its PDF is on the member's and the action plan's pages.")

    def perform(self, form):
        return services.report_publish(report=self.report, published_by=self.request.user)


class ReportReopenView(ReportMixin, PostActionView):
    permission_required = "irm_reports.reopen_report"
    refused_message = _("Only a published report is started again as a new version; this one can be changed as it is.")
    success_message = _("A new version was started. The published PDF stays public until this one is published.")

    def perform(self, form):
        return services.report_new_version(report=self.report)
