from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import connection
from django.http import JsonResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views import defaults
from django.views.generic import FormView

from ogp_portal.common.views import ServiceFormMixin
from ogp_portal.forms import ProfileForm
from ogp_portal.services import user_update_profile


def healthz(request):
    """Liveness and database check for load balancers and docker-compose."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


class ProfileView(LoginRequiredMixin, ServiceFormMixin, FormView):
    template_name = "account/profile.html"
    form_class = ProfileForm
    success_message = _("Your profile was saved.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.request.user}

    def perform(self, form):
        return user_update_profile(user=self.request.user, **form.cleaned_data)

    def get_success_url(self):
        return reverse("profile")


def page_not_found(request, exception=None):
    """JSON under /api/ (the API's error format), the HTML page elsewhere."""
    if request.path.startswith("/api/"):
        return JsonResponse({"status": 404, "code": "not_found", "detail": "Not found.", "errors": {}}, status=404)
    return defaults.page_not_found(request, exception)
