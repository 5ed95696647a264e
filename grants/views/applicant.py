"""What an organisation does: write a draft application, change it, submit it, follow its status."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, FormView, ListView

from common.views import PostActionView, ServiceFormMixin, TargetMixin
from grants import selectors, services
from grants.forms import ApplicationForm
from grants.models import GrantApplication, GrantCall
from grants.services import eligibility_problems


class ApplicationFormMixin(ServiceFormMixin):
    template_name = "grants/application_form.html"
    form_class = ApplicationForm
    rate_limit_scope = "grants.application"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "call": self.get_call()}

    def get_context_data(self, **kwargs):
        call = self.get_call()
        organisation = self.request.user.confirmed_organisation
        return super().get_context_data(
            call=call,
            organisation=organisation,
            eligibility_problems=eligibility_problems(call=call, organisation=organisation),
            **kwargs,
        )


class ApplicationCreateView(TargetMixin, ApplicationFormMixin, FormView):
    """Write an application: it is saved as a draft, to be checked and submitted from its page."""

    target_model = GrantCall
    permission_required = "grants.apply_grantcall"
    success_message = _("Your draft is saved. Check it below, then submit it.")

    def get_call(self):
        return self.get_target()

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": GrantApplication(call=self.get_call())}

    def perform(self, form):
        data = form.service_data()
        data.pop("remove_attachments", None)
        return services.application_create(call=self.get_call(), applicant=self.request.user, **data)


class ApplicationTargetMixin(TargetMixin):
    target_model = GrantApplication
    target_related = ("call", "organisation")
    target_attr = "application"


class ApplicationUpdateView(ApplicationTargetMixin, ApplicationFormMixin, FormView):
    permission_required = "grants.edit_grantapplication"
    success_message = _("Your changes are saved.")

    def get_call(self):
        return self.get_target().call

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.application}

    def get_context_data(self, **kwargs):
        return super().get_context_data(application=self.application, **kwargs)

    def perform(self, form):
        return services.application_update(
            application=self.application, uploader=self.request.user, **form.service_data()
        )


class ApplicationSubmitView(ApplicationTargetMixin, PostActionView):
    permission_required = "grants.submit_grantapplication"
    success_message = _("Your application is submitted. The support unit will review it and write to you.")

    def perform(self, form):
        return services.application_submit(application=self.application)


class ApplicationDetailView(ApplicationTargetMixin, DetailView):
    """The application, its status and decision; for the support unit, also the reviews and milestones."""

    permission_required = "grants.read_grantapplication"
    template_name = "grants/application_detail.html"
    context_object_name = "application"

    def get_object(self, queryset=None):
        return selectors.application_get(pk=self.get_target().pk)

    def get_context_data(self, **kwargs):
        application = self.object
        reviews = list(application.reviews.all())
        total = sum(review.total for review in reviews)
        return super().get_context_data(
            reviews=reviews,
            average=(total / len(reviews)) if reviews else None,
            budget_total=sum(line.amount for line in application.budget_lines.all()),
            **kwargs,
        )


class MyApplicationsView(LoginRequiredMixin, ListView):
    template_name = "grants/application_mine.html"
    context_object_name = "applications"
    paginate_by = 50

    def get_queryset(self):
        return selectors.applications_of(user=self.request.user)
