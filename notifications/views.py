"""The notification centre's pages: the list, one notification followed, all read, the e-mail choices."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView, TemplateView

from common.pagination import keyset_page
from common.views import ServiceFormMixin, TargetMixin
from notifications import kinds, selectors, services
from notifications.forms import PreferencesForm
from notifications.models import Notification


class NotificationListView(LoginRequiredMixin, TemplateView):
    """The signed-in person's notifications, newest first, in keyset pages; unread ones marked."""

    template_name = "notifications/notification_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        page = keyset_page(
            selectors.notification_list(user=user),
            ordering=("-created_at", "-id"),
            cursor=self.request.GET.get("cursor"),
        )
        for notification in page.object_list:
            notification.kind_label = kinds.get(notification.kind).label
        context.update(page=page, notifications=page.object_list, unread=services.notifications_recount(user=user))
        return context


class NotificationOpenView(LoginRequiredMixin, TargetMixin, View):
    """Follow one notification: it is marked read, then the browser goes where it points."""

    target_model = Notification
    permission_required = "notifications.read_notification"

    def get(self, request, *args, **kwargs):
        notification = self.get_target()
        services.notification_mark_read(notification=notification)
        return redirect(notification.link or reverse("notifications"))


class NotificationsReadAllView(LoginRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        services.notifications_mark_all_read(user=request.user)
        messages.success(request, _("Every notification is marked read."))
        return redirect("notifications")


class PreferencesView(LoginRequiredMixin, ServiceFormMixin, FormView):
    template_name = "notifications/preferences.html"
    form_class = PreferencesForm
    success_message = _("Your notification choices were saved.")

    def get_form_kwargs(self):
        user = self.request.user
        return {
            **super().get_form_kwargs(),
            "choices": selectors.preference_choices(user=user),
            "emails_enabled": user.notifications_enabled,
        }

    def perform(self, form):
        return services.preferences_save(user=self.request.user, **form.service_kwargs())

    def get_success_url(self):
        return reverse("notification-preferences")
