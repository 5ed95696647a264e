"""The point of contact records the member's multi-stakeholder forum: its seats and its meetings."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from commitments.views.workspace import MemberTargetMixin
from common.views import ServiceFormMixin, TargetMixin
from consultations import selectors, services
from consultations.forms import ForumForm, ForumMeetingForm, ForumSeatForm
from consultations.models import ForumMeeting, ForumSeat


class ForumEditView(MemberTargetMixin, ServiceFormMixin, FormView):
    """Create the forum or edit it; its seats and meetings are listed below the form."""

    template_name = "consultations/workspace/forum_form.html"
    form_class = ForumForm
    permission_required = "consultations.manage_forum"
    success_message = _("The forum is saved.")

    def get_form_kwargs(self):
        forum = selectors.forum_get(member=self.member)
        return {**super().get_form_kwargs(), "instance": forum}

    def get_context_data(self, **kwargs):
        forum = selectors.forum_get(member=self.member)
        extra = {}
        if forum is not None:
            page = Paginator(selectors.forum_meetings(forum=forum), settings.PAGE_SIZE).get_page(
                self.request.GET.get("page")
            )
            extra = {
                "forum": forum,
                "seats": forum.seats.order_by("role", "organisation_name")[:200],
                "page_obj": page,
                "meetings": page.object_list,
                "balance": selectors.forum_balance(forum=forum),
            }
        return super().get_context_data(member=self.member, **extra, **kwargs)

    def perform(self, form):
        return services.forum_save(member=self.member, **form.cleaned_data)

    def get_success_url(self):
        return self.request.path


class ForumChildCreateMixin(MemberTargetMixin, ServiceFormMixin):
    permission_required = "consultations.manage_forum"

    def dispatch(self, request, *args, **kwargs):
        self.get_target()
        self.forum = selectors.forum_get(member=self.member)
        if self.forum is None and request.user.has_perm(self.permission_required, self.member):
            messages.info(request, _("Describe the forum first."))
            return redirect("consultations:workspace-forum", slug=self.member.slug)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(member=self.member, forum=self.forum, **kwargs)

    def get_success_url(self):
        return selectors.workspace_forum_url(member=self.member)


class ForumSeatCreateView(ForumChildCreateMixin, FormView):
    template_name = "consultations/workspace/forumseat_form.html"
    form_class = ForumSeatForm
    success_message = _("The seat is added.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": ForumSeat(forum=self.forum)}

    def perform(self, form):
        return services.forum_seat_save(forum=self.forum, **form.cleaned_data)


class ForumMeetingCreateView(ForumChildCreateMixin, FormView):
    template_name = "consultations/workspace/forummeeting_form.html"
    form_class = ForumMeetingForm
    success_message = _("The meeting is recorded.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": ForumMeeting(forum=self.forum), "member": self.member}

    def perform(self, form):
        return services.forum_meeting_save(forum=self.forum, **form.cleaned_data)


class ForumSeatTargetMixin(TargetMixin, ServiceFormMixin):
    permission_required = "consultations.manage_forumseat"
    target_model = ForumSeat
    target_related = ("forum__member",)
    target_attr = "seat"

    def get_context_data(self, **kwargs):
        return super().get_context_data(seat=self.seat, forum=self.seat.forum, member=self.seat.forum.member, **kwargs)

    def get_success_url(self):
        return selectors.workspace_forum_url(member=self.seat.forum.member)


class ForumSeatUpdateView(ForumSeatTargetMixin, FormView):
    template_name = "consultations/workspace/forumseat_form.html"
    form_class = ForumSeatForm
    success_message = _("The seat is saved.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.seat}

    def perform(self, form):
        return services.forum_seat_save(forum=self.seat.forum, seat=self.seat, **form.cleaned_data)


class ForumSeatDeleteView(ForumSeatTargetMixin, FormView):
    template_name = "consultations/workspace/forumseat_confirm_delete.html"
    form_class = forms.Form
    success_message = _("The seat is removed.")

    def perform(self, form):
        services.forum_seat_delete(seat=self.seat)
        return self.seat


class ForumMeetingUpdateView(TargetMixin, ServiceFormMixin, FormView):
    template_name = "consultations/workspace/forummeeting_form.html"
    form_class = ForumMeetingForm
    permission_required = "consultations.manage_forummeeting"
    success_message = _("The meeting is saved.")
    target_model = ForumMeeting
    target_related = ("forum__member",)
    target_attr = "meeting"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.meeting, "member": self.meeting.forum.member}

    def get_context_data(self, **kwargs):
        forum = self.meeting.forum
        return super().get_context_data(meeting=self.meeting, forum=forum, member=forum.member, **kwargs)

    def perform(self, form):
        return services.forum_meeting_save(forum=self.meeting.forum, meeting=self.meeting, **form.cleaned_data)

    def get_success_url(self):
        return selectors.workspace_forum_url(member=self.meeting.forum.member)
