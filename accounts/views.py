import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views import View, i18n
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django.views.generic import FormView, ListView

from accounts.forms import AccountDeleteForm, ApiTokenForm, MembershipDecisionForm, ProfileForm
from accounts.models import ApiTokenScope
from accounts.privacy import user_data_export, user_delete_account, user_deletion_blockers
from accounts.security import security_event
from accounts.selectors import api_token_current, membership_request_list
from accounts.services import (
    organisation_membership_confirm,
    organisation_membership_refuse,
    user_set_language,
    user_update_profile,
)
from accounts.tokens import api_token_issue, api_tokens_revoke
from common.views import PostActionView, RateLimitMixin, ServiceFormMixin


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


class MembershipRequestListView(LoginRequiredMixin, ListView):
    """The memberships of their organisation awaiting confirmation, for a confirmed member to decide."""

    template_name = "account/membership_requests.html"
    context_object_name = "requests"
    paginate_by = settings.PAGE_SIZE

    def get_queryset(self):
        return membership_request_list(user=self.request.user)


class MembershipDecideView(LoginRequiredMixin, PostActionView):
    """Confirm or refuse one pending membership (`accounts.decide_membership`)."""

    permission_required = "accounts.decide_membership"
    target_attr = "requester"
    form_class = MembershipDecisionForm
    invalid_message = _("Choose whether to confirm or refuse the membership.")

    def target_queryset(self):
        return membership_request_list(user=self.request.user)

    def perform(self, form):
        name = {"name": self.requester.public_name}
        if form.cleaned_data["decision"] == MembershipDecisionForm.CONFIRM:
            organisation_membership_confirm(member=self.requester, by=self.request.user)
            return _("%(name)s now speaks for the organisation.") % name
        organisation_membership_refuse(member=self.requester, by=self.request.user)
        return _("The membership of %(name)s was refused.") % name

    def get_success_message(self, message):
        return message

    def get_success_url(self):
        return reverse("profile-organisation")


class DataDownloadView(LoginRequiredMixin, View):
    """“Download my data”: a JSON file of everything the portal holds about the signed-in person
    (`user_data_export`: the account's own data and each app's registered sections)."""

    def get(self, request):
        data = user_data_export(user=request.user)
        response = HttpResponse(
            json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        filename = f"ogp-portal-my-data-{timezone.localdate():%Y-%m-%d}.json"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["Cache-Control"] = "no-store"
        return response


class AccountDeleteView(LoginRequiredMixin, ServiceFormMixin, FormView):
    """The participant deletes their account after typing their password; they are signed out.
    Someone who cannot yet (`user_deletion_blockers`: a role to hand over, or an app's reason) is told why."""

    template_name = "account/account_confirm_delete.html"
    form_class = AccountDeleteForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        blockers = user_deletion_blockers(self.request.user)
        return super().get_context_data(can_delete=not blockers, blockers=blockers, **kwargs)

    def perform(self, form):
        return user_delete_account(user=self.request.user)

    def form_valid(self, form):
        response = super().form_valid(form)
        if isinstance(response, HttpResponseRedirect):
            logout(self.request)
            messages.success(self.request, _("Your account is deleted. What you published stays, without your name."))
        return response

    def get_success_url(self):
        return reverse("home")


API_TOKEN_RATE_LIMIT = "accounts.api_token"  # noqa: S105 (a settings.RATE_LIMITS scope)


@method_decorator(never_cache, name="dispatch")  # the page may show a token's key: no cache keeps it
class ApiTokenView(LoginRequiredMixin, RateLimitMixin, FormView):
    """GET: whether a token is live (scope, created, expiry; never the key). POST: a new token, whose key is
    shown on this response only: it is not stored in clear, and never goes through a redirect."""

    template_name = "account/api_token.html"
    form_class = ApiTokenForm
    rate_limit_scope = API_TOKEN_RATE_LIMIT

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        token = api_token_current(user=self.request.user)
        # A token issued before scopes existed has no scope row: it is read-write.
        scope = getattr(token, "scope", None) if token else None
        scope_label = scope.get_scope_display() if scope else ApiTokenScope.Scope.READ_WRITE.label
        return super().get_context_data(token=token, token_scope=scope_label, **kwargs)

    def form_valid(self, form):
        scope = form.cleaned_data["scope"]
        try:
            with self.rate_limited():
                key = api_token_issue(user=self.request.user, scope=scope)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        security_event(request=self.request, user=self.request.user, action="api_token_issued", scope=scope, via="page")
        messages.success(self.request, _("Your new API token is below. Copy it now: it will not be shown again."))
        return self.render_to_response(self.get_context_data(form=self.form_class(user=self.request.user), new_key=key))


@method_decorator(never_cache, name="dispatch")
class ApiTokenRevokeView(LoginRequiredMixin, RateLimitMixin, View):
    """Every API token of the signed-in person stops working at once."""

    http_method_names = ["post"]
    rate_limit_scope = API_TOKEN_RATE_LIMIT

    def post(self, request):
        try:
            with self.rate_limited():
                revoked = api_tokens_revoke(user=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect("profile-api-token")
        security_event(request=request, user=request.user, action="api_tokens_revoked", count=revoked, via="page")
        if revoked:
            messages.success(request, _("Your API token is revoked: it no longer works."))
        else:
            messages.info(request, _("You had no API token to revoke."))
        return redirect("profile-api-token")
