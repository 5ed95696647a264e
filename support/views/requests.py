"""Assistance requests: the form of a member's team, the request's page, notes, decisions, the staff queue."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, FormView, ListView, View
from rules.contrib.views import PermissionRequiredMixin

from accounts.models import User
from commitments.models import Member
from common.files import private_file_response
from common.views import PostActionView, ServiceFormMixin, TargetMixin
from support import selectors, services
from support.eligibility import speaks_for_civil_society_of
from support.forms import QueueFilterForm, SupportNoteForm, SupportRequestForm, TransitionForm
from support.models import ServiceOffer, SupportAttachment, SupportRequest


class SupportRequestCreateView(TargetMixin, ServiceFormMixin, FormView):
    """A point of contact, a verified civil-society organisation of the member or staff asks for a service."""

    template_name = "support/request_form.html"
    form_class = SupportRequestForm
    permission_required = "support.add_supportrequest"
    target_model = Member
    target_kwarg = "slug"
    target_attr = "member"
    rate_limit_scope = "support.request"
    success_message = _("Your request was sent to the support unit.")

    def services(self):
        services = selectors.service_menu()
        user = self.request.user
        if not (user.is_staff or user.is_point_of_contact):
            services = services.filter(audience=ServiceOffer.Audience.CONTACTS_AND_CIVIL_SOCIETY)
        return services

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["services"] = self.services()
        wanted = self.request.GET.get("service")
        if wanted:
            kwargs["initial"] = {"service": self.services().filter(slug=wanted).first()}
        return kwargs

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            member=self.member,
            representative=selectors.member_representative(member=self.member),
            on_behalf=speaks_for_civil_society_of(self.request.user, self.member),
            **kwargs,
        )

    def perform(self, form):
        return services.support_request_create(member=self.member, requester=self.request.user, **form.cleaned_data)


class RequestTargetMixin(TargetMixin):
    target_attr = "support_request"

    def target_queryset(self):
        return selectors.request_queryset()


class SupportRequestDetailView(RequestTargetMixin, DetailView):
    template_name = "support/request_detail.html"
    permission_required = "support.view_supportrequest"
    context_object_name = "support_request"

    def get_object(self, queryset=None):
        return self.get_target()

    def get_context_data(self, **kwargs):
        request = self.support_request
        return super().get_context_data(
            note_form=SupportNoteForm(),
            transition_form=TransitionForm(initial={"due_date": request.due_date}),
            next_statuses=[SupportRequest.Status(s) for s in request.next_statuses()],
            history=request.history.select_related("history_user").order_by("history_date"),
            **kwargs,
        )


class SupportNoteCreateView(RequestTargetMixin, ServiceFormMixin, FormView):
    template_name = "support/note_form.html"
    form_class = SupportNoteForm
    permission_required = "support.add_supportnote"
    success_message = _("Your note was added.")

    def get_context_data(self, **kwargs):
        return super().get_context_data(support_request=self.get_target(), **kwargs)

    def perform(self, form):
        services.support_note_add(request=self.get_target(), author=self.request.user, **form.cleaned_data)
        return self.get_target()


class SupportRequestTransitionView(RequestTargetMixin, PostActionView):
    """The representative (or any of the support unit) accepts, declines, starts or delivers a request."""

    permission_required = "support.change_supportrequest"
    form_class = TransitionForm
    invalid_message = _("Choose an action.")

    def get_success_message(self, result) -> str:
        return _("The request is now “%(status)s”.") % {"status": result.get_status_display()}

    def perform(self, form):
        return services.support_request_transition(
            request=self.get_target(), actor=self.request.user, **form.cleaned_data
        )


class SupportAttachmentView(TargetMixin, View):
    permission_required = "support.view_supportattachment"
    target_model = SupportAttachment
    target_related = ("request",)

    def get(self, request, *args, **kwargs):
        attachment = self.get_target()
        return private_file_response(
            attachment.file, content_type=attachment.content_type, filename=attachment.original_name
        )


class MyRequestsView(LoginRequiredMixin, ListView):
    template_name = "support/request_mine.html"
    context_object_name = "requests"
    paginate_by = 50

    def get_queryset(self):
        return selectors.requests_for_user(user=self.request.user)


class SupportQueueView(PermissionRequiredMixin, ListView):
    """Staff: requests with their age, oldest first, filtered by status, service and representative."""

    template_name = "support/queue.html"
    permission_required = "support.view_queue"
    context_object_name = "requests"
    paginate_by = 50

    def get_queryset(self):
        filters = self.request.GET.copy()
        if filters.get("representative") == "me":
            filters["representative"] = str(self.request.user.pk)
        return selectors.support_queue(filters=filters)

    def get_context_data(self, **kwargs):
        representatives = User.objects.filter(is_staff=True, is_active=True).order_by("full_name", "email")
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(
            filter=QueueFilterForm(self.request.GET or None, representatives=representatives),
            querystring=query.urlencode(),
            **kwargs,
        )
