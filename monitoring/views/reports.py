"""What participants and points of contact do with monitoring reports: file, edit, submit, withdraw, answer,
flag."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from commitments.models import Commitment
from common.views import PostActionView, ServiceFormMixin, TargetMixin
from monitoring import selectors
from monitoring.forms import AnswerForm, FlagForm, ReportForm, WithdrawForm
from monitoring.models import MonitoringReport
from monitoring.services import answers, moderation, reports
from monitoring.services._common import plan_accepts_monitoring


class ReportTargetMixin(TargetMixin):
    target_attr = "report"

    def target_queryset(self):
        return selectors.report_queryset()


class ReportFormMixin(ServiceFormMixin):
    template_name = "monitoring/report_form.html"
    form_class = ReportForm
    rate_limit_scope = "monitoring.report"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "commitment": self.get_commitment(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        return super().get_context_data(commitment=self.get_commitment(), **kwargs)


class ReportCreateView(TargetMixin, ReportFormMixin, FormView):
    """File a monitoring report on a commitment (or one of its milestones) of a plan in implementation."""

    target_model = Commitment
    target_related = ("action_plan__member",)
    target_attr = "commitment"
    permission_required = "monitoring.add_monitoringreport"

    def get_commitment(self):
        return self.get_target()

    def get(self, request, *args, **kwargs):
        commitment = self.get_target()
        if not plan_accepts_monitoring(commitment.action_plan):
            messages.warning(request, _("This plan is not in implementation: it does not take monitoring reports."))
            return redirect(commitment.get_absolute_url())
        return super().get(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": MonitoringReport(commitment=self.commitment)}

    def perform(self, form):
        data = form.service_data(self.request.user)
        data.pop("remove_evidence", None)
        report = reports.report_create(commitment=self.commitment, author=self.request.user, **data)
        self.success_message = (
            _("Your report is submitted: the point of contact is asked to answer it.")
            if report.status == MonitoringReport.Status.SUBMITTED
            else _("Your draft is saved. Check it below, then submit it.")
        )
        return report


class ReportUpdateView(ReportTargetMixin, ReportFormMixin, FormView):
    permission_required = "monitoring.edit_monitoringreport"
    success_message = _("Your changes are saved.")

    def get_commitment(self):
        return self.get_target().commitment

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.report}

    def get_context_data(self, **kwargs):
        return super().get_context_data(report=self.report, **kwargs)

    def perform(self, form):
        return reports.report_update(report=self.report, **form.service_data(self.request.user))


class ReportSubmitView(ReportTargetMixin, PostActionView):
    permission_required = "monitoring.edit_monitoringreport"
    success_message = _("Your report is submitted: the point of contact is asked to answer it.")
    rate_limit_scope = "monitoring.report"

    def perform(self, form):
        return reports.report_update(report=self.report, submit=True)


class ReportWithdrawView(ReportTargetMixin, ServiceFormMixin, FormView):
    template_name = "monitoring/report_withdraw.html"
    form_class = WithdrawForm
    permission_required = "monitoring.withdraw_monitoringreport"
    success_message = _("Your report is withdrawn.")

    def get_context_data(self, **kwargs):
        return super().get_context_data(report=self.report, **kwargs)

    def perform(self, form):
        return reports.report_withdraw(report=self.report, reason=form.cleaned_data["reason"])


class ReportAnswerView(ReportTargetMixin, ServiceFormMixin, FormView):
    """The point of contact's public answer, with its reasons."""

    template_name = "monitoring/report_answer.html"
    form_class = AnswerForm
    permission_required = "monitoring.answer_monitoringreport"
    success_message = _("Your answer is published with the report.")

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        if hasattr(self.report, "answer"):
            kwargs["instance"] = self.report.answer
        return kwargs

    def get_context_data(self, **kwargs):
        return super().get_context_data(report=self.report, **kwargs)

    def perform(self, form):
        answers.report_answer(report=self.report, user=self.request.user, **form.cleaned_data)
        return self.report


class ReportFlagView(ReportTargetMixin, ServiceFormMixin, FormView):
    template_name = "monitoring/report_flag.html"
    form_class = FlagForm
    permission_required = "monitoring.flag_monitoringreport"
    success_message = _("Thank you: the moderators will review this report.")
    rate_limit_scope = "monitoring.flag"

    def get_context_data(self, **kwargs):
        return super().get_context_data(report=self.report, **kwargs)

    def perform(self, form):
        moderation.report_flag(report=self.report, user=self.request.user, **form.cleaned_data)
        return self.report

    def get_success_url(self):
        # Three flags hide the report: the commitment's page is where the flagger may go back to.
        return self.report.commitment.get_absolute_url()


class ReportDeleteView(ReportTargetMixin, PostActionView):
    """A draft deleted by its author, with its files."""

    permission_required = "monitoring.edit_monitoringreport"
    success_message = _("The draft is deleted.")

    def perform(self, form):
        return reports.report_discard(report=self.report)

    def get_success_url(self):
        return self.get_target().commitment.get_absolute_url()
