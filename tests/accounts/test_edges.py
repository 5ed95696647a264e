"""The edges' shared mechanisms (common/views.py): the target a view acts on, loaded once and
checked with its permission, and the POST-only button view."""

import pytest
from django import forms
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.cache import SessionStore
from django.core.exceptions import ImproperlyConfigured, PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.test import RequestFactory
from django.views.generic import View

from commitments.models import ActionPlan
from common.views import PostActionView, TargetMixin
from tests.factories import ActionPlanFactory, UserFactory

pytestmark = pytest.mark.django_db


class PlanPage(TargetMixin, View):
    target_model = ActionPlan
    target_related = ("member",)
    target_attr = "plan"
    permission_required = "commitments.change_actionplan"

    def get(self, request, *args, **kwargs):
        return HttpResponse(f"{self.plan.title} of {self.target.member.name}")


class UndeclaredPage(TargetMixin, View):
    """A view that forgot to say which permission it needs."""

    target_model = ActionPlan

    def get(self, request, *args, **kwargs):
        return HttpResponse("never shown")


class ChoiceForm(forms.Form):
    choice = forms.ChoiceField(choices=[("ok", "ok"), ("refused", "refused")])


class PlanButton(PostActionView):
    target_model = ActionPlan
    target_attr = "plan"
    permission_required = "commitments.transition_actionplan"
    form_class = ChoiceForm
    invalid_message = "Choose something."
    success_message = "Done."
    rate_limit_scope = "tests.button"
    calls: list = []

    def perform(self, form):
        if form.cleaned_data["choice"] == "refused":
            raise ValidationError("The service says no.")
        self.calls.append(self.plan.pk)
        return self.plan


def _request(user, method="get", data=None):
    request = getattr(RequestFactory(), method)("/", data or {})
    request.user = user
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    return request


@pytest.fixture
def plan():
    return ActionPlanFactory(title="Plan 2025")


@pytest.fixture
def manager(plan):
    return UserFactory(point_of_contact_of=plan.member)


def test_the_target_is_loaded_once_with_its_related_rows(plan, manager, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = PlanPage.as_view()(_request(manager), pk=plan.pk)
    assert response.content.decode() == f"Plan 2025 of {plan.member.name}"


def test_a_missing_target_is_a_404_for_everyone(manager):
    for user in (manager, AnonymousUser()):
        with pytest.raises(Http404):
            PlanPage.as_view()(_request(user), pk=999_999)


def test_anonymous_visitors_go_to_sign_in_and_others_without_the_right_get_a_403(plan):
    response = PlanPage.as_view()(_request(AnonymousUser()), pk=plan.pk)
    assert response.status_code == 302 and "/accounts/login/" in response.url
    with pytest.raises(PermissionDenied):
        PlanPage.as_view()(_request(UserFactory()), pk=plan.pk)


def test_a_view_without_its_permission_refuses_everyone(plan):
    with pytest.raises(ImproperlyConfigured):
        UndeclaredPage.as_view()(_request(UserFactory(staff=True)), pk=plan.pk)


def _messages(request) -> list[str]:
    return [str(m) for m in get_messages(request)]


def test_a_button_only_answers_post(plan, manager):
    assert PlanButton.as_view()(_request(manager), pk=plan.pk).status_code == 405


def test_a_button_checks_its_form_calls_the_service_and_goes_back_with_a_message(plan, manager):
    PlanButton.calls = []
    refusals = {"nonsense": "Choose something.", "refused": "The service says no."}
    for choice, message in refusals.items():
        request = _request(manager, "post", {"choice": choice})
        response = PlanButton.as_view()(request, pk=plan.pk)
        assert response.status_code == 302 and response.url == plan.get_absolute_url()
        assert _messages(request) == [message]
    assert PlanButton.calls == []
    request = _request(manager, "post", {"choice": "ok"})
    PlanButton.as_view()(request, pk=plan.pk)
    assert _messages(request) == ["Done."] and PlanButton.calls == [plan.pk]


def test_a_button_refuses_those_without_the_permission(plan):
    PlanButton.calls = []
    with pytest.raises(PermissionDenied):
        PlanButton.as_view()(_request(UserFactory(), "post", {"choice": "ok"}), pk=plan.pk)
    assert PlanButton.calls == []


def test_a_button_counts_only_what_succeeded_against_its_rate_limit(plan, manager, settings):
    settings.RATE_LIMITS = {"tests.button": {"user": (1, 600)}}
    PlanButton.calls = []
    for choice in ("refused", "ok", "ok"):
        request = _request(manager, "post", {"choice": choice})
        PlanButton.as_view()(request, pk=plan.pk)
    assert PlanButton.calls == [plan.pk]
    assert "too many times" in _messages(request)[0]
