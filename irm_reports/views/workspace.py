"""The IRM researcher's workspace: write a report's assessments, render its PDF, publish it.

Every view checks its rule on the report or plan it acts on (irm_reports/rules.py) and hands
valid input to one service.
"""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, ListView, TemplateView, View

from commitments.models import ActionPlan, Commitment
from common.views import ObjectPermissionMixin, ServiceFormMixin
from irm_reports import selectors, services
from irm_reports.forms import (
    AssessmentForm,
    RecommendationFormSet,
    ReportContentForm,
    ReportCreateForm,
    RequirementForm,
)
from irm_reports.models import CommitmentAssessment, Report
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
        return selectors.report_list_for(user=self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["plans"] = selectors.assigned_plans(user=self.request.user)
        return context


class ReportMixin(ObjectPermissionMixin):
    """Views acting on one report (kwarg pk)."""

    def get_target(self):
        if not hasattr(self, "report"):
            self.report = selectors.report_get(pk=self.kwargs["pk"])
        return self.report

    def get_context_data(self, **kwargs):
        plan = self.report.action_plan
        return super().get_context_data(report=self.report, plan=plan, member=plan.member, **kwargs)

    def get_success_url(self):
        return self.report.get_absolute_url()


class ReportCreateView(ObjectPermissionMixin, ServiceFormMixin, FormView):
    template_name = "irm_reports/workspace/report_create.html"
    form_class = ReportCreateForm
    permission_required = "irm_reports.add_report"
    success_message = _("The report was created. Assess each commitment, then render the PDF.")

    def get_target(self):
        if not hasattr(self, "plan"):
            self.plan = get_object_or_404(ActionPlan.objects.select_related("member"), pk=self.kwargs["pk"])
        return self.plan

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
        context["rows"] = selectors.commitment_rows(report=report)
        context["missing"] = selectors.report_missing(report=report)
        context["requirements"] = selectors.requirement_rows(report=report)
        context["recommendations"] = selectors.recommendations_of(report=report)
        context["published_versions"] = report.published_versions.order_by("-version")
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


class ReportEditView(ReportMixin, ServiceFormMixin, FormView):
    template_name = "irm_reports/workspace/report_form.html"
    form_class = ReportContentForm
    permission_required = "irm_reports.change_report"
    success_message = _("The report was saved.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.report}

    def perform(self, form):
        return services.report_update(report=self.report, **form.cleaned_data)


class AssessmentEditView(ReportMixin, ServiceFormMixin, FormView):
    """One commitment's assessment, pre-filled from the commitment when it is new."""

    template_name = "irm_reports/workspace/assessment_form.html"
    form_class = AssessmentForm
    permission_required = "irm_reports.change_report"
    success_message = _("The assessment was saved.")

    def dispatch(self, request, *args, **kwargs):
        self.get_target()
        self.commitment = get_object_or_404(
            Commitment.objects.select_related("lead_institution").prefetch_related("milestones"),
            pk=kwargs["commitment_pk"],
            action_plan_id=self.report.action_plan_id,
        )
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        assessment = CommitmentAssessment.objects.filter(report=self.report, commitment=self.commitment).first()
        self.assessment = assessment
        instance = assessment or CommitmentAssessment(report=self.report, commitment=self.commitment)
        return {**super().get_form_kwargs(), "instance": instance, "report": self.report}

    def get_initial(self):
        if CommitmentAssessment.objects.filter(report=self.report, commitment=self.commitment).exists():
            return {}
        return selectors.assessment_initial(report=self.report, commitment=self.commitment)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(commitment=self.commitment, **kwargs)
        ids = list(self.report.action_plan.commitments.order_by("sort_key").values_list("pk", flat=True))
        position = ids.index(self.commitment.pk)
        context["previous_id"] = ids[position - 1] if position > 0 else None
        context["next_id"] = ids[position + 1] if position + 1 < len(ids) else None
        context["position"], context["count"] = position + 1, len(ids)
        context["is_new"] = self.assessment is None
        return context

    def perform(self, form):
        return services.assessment_save(
            report=self.report, commitment=self.commitment, assessed_by=self.request.user, **form.cleaned_data
        )

    def get_success_url(self):
        next_id = self.request.POST.get("next")
        if next_id and next_id.isdigit():
            return reverse("irm_reports:assessment-edit", args=[self.report.pk, int(next_id)])
        return self.report.get_absolute_url() + f"#commitment-{self.commitment.pk}"


class RequirementsEditView(ReportMixin, TemplateView):
    """The standards' requirements of the report's phase, all on one page."""

    template_name = "irm_reports/workspace/requirements_form.html"
    permission_required = "irm_reports.change_report"

    def build_forms(self, data=None):
        forms = []
        for requirement, assessment in selectors.requirement_rows(report=self.report):
            initial = {"status": assessment.status, "evidence": assessment.evidence} if assessment else {}
            forms.append(RequirementForm(data, prefix=f"r{requirement.pk}", initial=initial, requirement=requirement))
        return forms

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(forms=self.build_forms()))

    def post(self, request, *args, **kwargs):
        forms = self.build_forms(request.POST)
        errors = []
        if all(form.is_valid() for form in forms):
            items = [{"requirement": f.requirement, **f.cleaned_data} for f in forms]
            try:
                services.requirement_assessments_save(report=self.report, items=items)
            except ValidationError as error:
                errors = error.messages
            else:
                messages.success(request, _("The minimum requirements were saved."))
                return redirect(self.report.get_absolute_url() + "#requirements")
        return self.render_to_response(self.get_context_data(forms=forms, errors=errors), status=400)


class RecommendationsEditView(ReportMixin, TemplateView):
    template_name = "irm_reports/workspace/recommendations_form.html"
    permission_required = "irm_reports.change_report"

    def get(self, request, *args, **kwargs):
        initial = list(
            selectors.recommendations_of(report=self.report).values("kind", "title", "text", "follow_up_status")
        )
        return self.render_to_response(self.get_context_data(formset=RecommendationFormSet(initial=initial)))

    def post(self, request, *args, **kwargs):
        formset = RecommendationFormSet(request.POST)
        errors = []
        if formset.is_valid():
            items = [
                f.cleaned_data
                for f in formset.forms
                if f.has_changed() and f.cleaned_data and not f.cleaned_data.get("DELETE")
            ]
            try:
                services.recommendations_save(report=self.report, items=items)
            except ValidationError as error:
                errors = error.messages
            else:
                messages.success(request, _("The recommendations were saved."))
                return redirect(self.report.get_absolute_url() + "#recommendations")
        return self.render_to_response(self.get_context_data(formset=formset, errors=errors), status=400)


class ReportActionView(ReportMixin, View):
    """A button on the report page: call one service, say what happened, go back to the report."""

    http_method_names = ["post"]
    success_message = ""

    def act(self):
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        try:
            self.act()
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, self.success_message)
        return redirect(self.report.get_absolute_url())


class ReportRenderView(ReportActionView):
    permission_required = "irm_reports.render_report"
    success_message = _("The PDF is being rendered; this page shows its progress.")

    def act(self):
        services.report_request_render(report=self.report, requested_by=self.request.user)


class ReportPublishView(ReportActionView):
    permission_required = "irm_reports.publish_report"
    success_message = _("The report is published: its PDF is on the member's and the action plan's pages.")

    def act(self):
        services.report_publish(report=self.report, published_by=self.request.user)


class ReportReopenView(ReportActionView):
    permission_required = "irm_reports.reopen_report"
    success_message = _("A new version was started. The published PDF stays public until this one is published.")

    def act(self):
        services.report_new_version(report=self.report)
