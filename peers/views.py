"""Pages of peer exchange: ask for an exchange about another member's commitment, the exchanges of a member
(all of them for the support unit), one exchange with its answer."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, ListView
from rules.contrib.views import PermissionRequiredMixin

from commitments.models import Commitment, Member, PolicyArea
from common.views import ServiceFormMixin, TargetMixin
from peers import selectors, services
from peers.forms import ExchangeAnswerForm, ExchangeRequestForm
from peers.models import ExchangeRequest


class ExchangeRequestCreateView(TargetMixin, ServiceFormMixin, FormView):
    template_name = "peers/exchange_form.html"
    form_class = ExchangeRequestForm
    target_model = Commitment
    target_related = ("action_plan__member",)
    target_attr = "commitment"
    permission_required = "peers.add_exchangerequest"
    rate_limit_scope = "peers.exchange"
    success_message = _("Your request was sent to the member's points of contact.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "member_id": self.request.user.member_id}

    def get_context_data(self, **kwargs):
        return super().get_context_data(commitment=self.get_target(), **kwargs)

    def perform(self, form):
        return services.exchange_request_create(
            commitment=self.get_target(), requester=self.request.user, **form.cleaned_data
        )


class ExchangeListView(LoginRequiredMixin, PermissionRequiredMixin, ListView):
    template_name = "peers/exchange_list.html"
    context_object_name = "exchanges"
    permission_required = "peers.list_exchangerequest"
    paginate_by = 50

    def get_queryset(self):
        return selectors.exchanges_for(user=self.request.user, filters=self.request.GET)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["statuses"] = ExchangeRequest.Status.choices
        context["areas"] = PolicyArea.objects.order_by("name")
        context["members"] = Member.objects.order_by("name").only("id", "name", "name_fr", "name_es")
        context["selected"] = self.request.GET
        return context


class ExchangeDetailView(TargetMixin, ServiceFormMixin, FormView):
    """The exchange; for the asked member's points of contact while it awaits an answer, the answer form."""

    template_name = "peers/exchange_detail.html"
    form_class = ExchangeAnswerForm
    target_attr = "exchange"
    permission_required = "peers.view_exchangerequest"
    success_message = _("Your answer was sent.")

    def target_queryset(self):
        return selectors.exchange_queryset()

    def get_context_data(self, **kwargs):
        exchange = self.get_target()
        can_answer = self.request.user.has_perm("peers.answer_exchangerequest", exchange)
        return super().get_context_data(exchange=exchange, can_answer=can_answer, **kwargs)

    def post(self, request, *args, **kwargs):
        if not request.user.has_perm("peers.answer_exchangerequest", self.get_target()):
            return self.handle_no_permission()
        return super().post(request, *args, **kwargs)

    def perform(self, form):
        return services.exchange_answer(
            exchange=self.get_target(),
            user=self.request.user,
            accept=form.cleaned_data["decision"] == "accept",
            answer=form.cleaned_data["answer"],
        )
