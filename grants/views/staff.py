"""The support unit's pages: the review queue, scoring, the decision and reporting milestones."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, ListView
from rules.contrib.views import PermissionRequiredMixin

from common.text import as_id
from common.views import PostActionView, ServiceFormMixin
from grants import selectors, services
from grants.forms import DecisionForm, MilestoneForm, ReviewForm
from grants.models import GrantApplication, GrantCall, ReportingMilestone
from grants.views.applicant import ApplicationTargetMixin


class ReviewQueueView(PermissionRequiredMixin, ListView):
    """Applications submitted or decided, with their number of reviews and average score; filters by call and status."""

    permission_required = "grants.review_queue"
    template_name = "grants/review_queue.html"
    context_object_name = "applications"
    paginate_by = 50

    def _filters(self):
        call = self.request.GET.get("call", "")
        status = self.request.GET.get("status", "")
        return (
            as_id(call),
            status if status in GrantApplication.Status.values else None,
        )

    def get_queryset(self):
        call_id, status = self._filters()
        return selectors.review_queue(call_id=call_id, status=status)

    def get_context_data(self, **kwargs):
        call_id, status = self._filters()
        statuses = [s for s in GrantApplication.Status.choices if s[0] != GrantApplication.Status.DRAFT]
        return super().get_context_data(
            calls=GrantCall.objects.order_by("-closes_on", "-id"),
            statuses=statuses,
            selected_call=call_id,
            selected_status=status or "",
            **kwargs,
        )


class ReviewView(ApplicationTargetMixin, ServiceFormMixin, FormView):
    """A reviewer's scores on the call's grid (scoring again replaces one's own scores)."""

    permission_required = "grants.review_grantapplication"
    template_name = "grants/review_form.html"
    form_class = ReviewForm
    success_message = _("Your scores are saved.")

    def get_form_kwargs(self):
        review = self.application.reviews.filter(reviewer=self.request.user).prefetch_related("scores").first()
        return {**super().get_form_kwargs(), "criteria": self.application.call.criteria.all(), "review": review}

    def get_context_data(self, **kwargs):
        return super().get_context_data(application=self.application, **kwargs)

    def perform(self, form):
        return services.review_save(
            application=self.application,
            reviewer=self.request.user,
            scores=form.scores(),
            comment=form.cleaned_data["comment"],
        )

    def get_success_url(self):
        return self.application.get_absolute_url()


class DecideView(ApplicationTargetMixin, ServiceFormMixin, FormView):
    permission_required = "grants.decide_grantapplication"
    template_name = "grants/decision_form.html"
    form_class = DecisionForm
    success_message = _("The decision is recorded and the applicant informed.")

    def get_context_data(self, **kwargs):
        return super().get_context_data(application=self.application, **kwargs)

    def perform(self, form):
        return services.application_decide(
            application=self.application, decided_by=self.request.user, **form.cleaned_data
        )


class MilestoneAddView(ApplicationTargetMixin, ServiceFormMixin, FormView):
    permission_required = "grants.record_reportingmilestone"
    template_name = "grants/milestone_form.html"
    form_class = MilestoneForm
    success_message = _("The reporting milestone is added.")

    def get_context_data(self, **kwargs):
        return super().get_context_data(application=self.application, **kwargs)

    def perform(self, form):
        services.milestone_add(application=self.application, **form.cleaned_data)
        return self.application


class MilestoneReceiveView(PostActionView):
    target_model = ReportingMilestone
    target_related = ("application",)
    permission_required = "grants.record_reportingmilestone"
    success_message = _("The report is recorded as received.")

    def perform(self, form):
        return services.milestone_receive(milestone=self.get_target())

    def get_success_url(self):
        return reverse("grants:application-detail", kwargs={"pk": self.get_target().application_id})
