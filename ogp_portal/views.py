from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import connection
from django.http import JsonResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views import defaults, i18n
from django.views.decorators.http import require_POST
from django.views.generic import FormView

from ogp_portal.common.views import ServiceFormMixin
from ogp_portal.forms import ProfileForm
from ogp_portal.services import user_set_language, user_update_profile


def healthz(request):
    """Liveness and database check for load balancers and docker-compose."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


@require_POST
def language_set(request):
    """Django's language switch, which also remembers a signed-in person's choice for their e-mails."""
    response = i18n.set_language(request)
    language = request.POST.get(i18n.LANGUAGE_QUERY_PARAMETER, "")
    if request.user.is_authenticated and translation.check_for_language(language):
        user_set_language(user=request.user, language=language)
    return response


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
