"""The support unit's menu of services and the directory of partners: public pages."""

from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from support import selectors
from support.models import Partner, ServiceOffer


class ServiceMenuView(ListView):
    template_name = "support/service_list.html"
    context_object_name = "services"

    def get_queryset(self):
        return selectors.service_menu()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        steps = []
        for step, label in ServiceOffer.CycleStep.choices:
            rows = [s for s in context["services"] if s.cycle_step == step]
            if rows:
                steps.append((step, label, rows))
        context["steps"] = steps
        user = self.request.user
        member = getattr(user, "member", None) if user.is_authenticated and user.is_point_of_contact else None
        organisation = user.confirmed_organisation if user.is_authenticated else None
        context["request_member"] = member or (organisation.member if organisation else None)
        return context


class PartnerListView(ListView):
    template_name = "support/partner_list.html"
    context_object_name = "partners"

    def get_queryset(self):
        return selectors.partner_list()


class PartnerDetailView(DetailView):
    template_name = "support/partner_detail.html"
    context_object_name = "partner"

    def get_object(self, queryset=None):
        return get_object_or_404(Partner, slug=self.kwargs["slug"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(engagements=selectors.partner_engagements(partner=self.object), **kwargs)
