"""The IRM researcher's writing pages: a commitment's assessment, the standards' requirements, the
recommendations. Each checks `irm_reports.change_report` on the report (irm_reports/rules.py)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView

from commitments.models import Commitment
from common.text import as_id
from common.views import ServiceFormMixin
from irm_reports import selectors, services
from irm_reports.forms import AssessmentForm, RecommendationFormSet, RequirementForm
from irm_reports.models import CommitmentAssessment
from irm_reports.views.workspace import ReportMixin


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
        next_id = as_id(self.request.POST.get("next"))
        if next_id is not None:
            return reverse("irm_reports:assessment-edit", args=[self.report.pk, next_id])
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
