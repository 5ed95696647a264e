from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import get_language
from django.views.generic import ListView, View
from rules.contrib.views import PermissionRequiredMixin

from common import ratelimit
from common.cache import versioned
from common.compiled_models import CompiledModels
from common.pagination import ContentPaginator, keyset_page, rows_of


class RateLimitMixin:
    """`rate_limit_scope`: the settings.RATE_LIMITS entry the view's action counts against, per account and per
    client address. A refusal is a ValidationError (RateLimited) explained like the service's own."""

    rate_limit_scope = ""

    def rate_limited(self):
        return ratelimit.limited(self.rate_limit_scope, self.request)


class ServiceFormMixin(RateLimitMixin):
    """A form view whose valid form is handed to one service call.

    `perform(form)` calls the service and returns the object to go to; a ValidationError raised
    by the service (or the rate limit) is shown on the form, next to its field when there is one,
    and nothing is saved.
    """

    success_message = ""

    def perform(self, form):
        raise NotImplementedError

    def form_valid(self, form):
        try:
            with self.rate_limited():
                self.object = self.perform(form)
        except ValidationError as error:
            by_field = error.error_dict if hasattr(error, "error_dict") else {None: error.error_list}
            for field, field_errors in by_field.items():
                form.add_error(field if field in form.fields else None, field_errors)
            return self.form_invalid(form)
        if self.success_message:
            messages.success(self.request, self.success_message)
        return HttpResponseRedirect(self.get_success_url())

    def get_success_url(self):
        return self.object.get_absolute_url()


class TargetMixin(PermissionRequiredMixin):
    """The object a view acts on, loaded once from the URL (404 when missing), then rules' permission
    `permission_required` checked on it: anonymous visitors go to the login page, others get a 403.

    Declare the model (`target_model`, with `target_related` to select_related) or override
    `target_queryset()`; `target_kwarg` names the URL kwarg ("pk", or "slug"), matched against the field
    of the same name (or `target_field`), which must be unique. The object is `self.target`, and also
    `self.<target_attr>`.
    """

    target_model = None
    target_related: tuple[str, ...] = ()
    target_kwarg = "pk"
    target_field = ""
    target_attr = ""

    def target_queryset(self):
        return self.target_model._default_manager.select_related(*self.target_related)

    def get_target(self):
        if "target" not in self.__dict__:
            field, value = self.target_field or self.target_kwarg, self.kwargs[self.target_kwarg]
            if type(self).target_queryset is TargetMixin.target_queryset:
                self.target = _compiled_target(self.target_model, self.target_related, field).get_or_404(value)
            else:
                self.target = get_object_or_404(self.target_queryset(), **{field: value})
            if self.target_attr:
                setattr(self, self.target_attr, self.target)
        return self.target

    def get_permission_object(self):
        return self.get_target()


_COMPILED_TARGETS: dict[tuple, CompiledModels] = {}


def _compiled_target(model, related: tuple, field: str) -> CompiledModels:
    """The declared target's query (a unique field, its parents select_related), written in SQL once per process:
    every signed-in page of the workspaces loads one (common.compiled_models)."""
    key = (model, tuple(related), field)
    if key not in _COMPILED_TARGETS:
        manager = model._default_manager
        _COMPILED_TARGETS[key] = CompiledModels(
            lambda value: manager.select_related(*related).filter(**{field: value}).order_by()
        )
    return _COMPILED_TARGETS[key]


class PostActionView(TargetMixin, RateLimitMixin, View):
    """A button that only POSTs (support, follow, submit, transition, render, publish, decide…).

    The target is loaded and its permission checked (TargetMixin); the small `form_class`, when there is
    one, must be valid (else `invalid_message`); then one service call, `perform(form)`, and back to
    `get_success_url()` with the service's refusal or `get_success_message(result)`.
    """

    http_method_names = ["post"]
    form_class = None
    invalid_message = ""
    success_message = ""

    def perform(self, form):
        raise NotImplementedError

    def get_success_message(self, result) -> str:
        return self.success_message

    def get_success_url(self) -> str:
        return self.get_target().get_absolute_url()

    def post(self, request, *args, **kwargs):
        form = self.form_class(request.POST) if self.form_class else None
        if form is not None and not form.is_valid():
            messages.error(request, self.invalid_message)
            return redirect(self.get_success_url())
        try:
            with self.rate_limited():
                result = self.perform(form)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            message = self.get_success_message(result)
            if message:
                messages.success(request, message)
        return redirect(self.get_success_url())


class FilteredListView(ListView):
    """A paginated list whose rows and filter form come from one selector."""

    paginate_by = settings.PAGE_SIZE
    paginator_class = ContentPaginator
    selector = None

    @cached_property
    def selection(self):
        return type(self).selector(filters=self.request.GET)

    def get_queryset(self):
        # Lazy, like the filter below: a cached fragment of the page needs neither.
        return SimpleLazyObject(lambda: self.selection[0])

    def get_template_names(self):
        return [self.template_name]  # ListView's own would look at the (lazy) queryset's model

    def paginate_queryset(self, queryset, page_size):
        """Numbered pages read the page's ids first, then its rows (common.pagination.rows_of); the rows are read
        when the template shows them (not at all from a cached fragment)."""
        values = getattr(queryset, "_fields", None)
        if values is not None and "id" not in values:
            return super().paginate_queryset(queryset, page_size)
        paginator, page, ids, is_paginated = super().paginate_queryset(queryset.values_list("pk", flat=True), page_size)
        page.object_list = SimpleLazyObject(lambda: rows_of(queryset, list(ids)))
        return paginator, page, page.object_list, is_paginated

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filter"] = SimpleLazyObject(lambda: self.selection[1])
        query = self.request.GET.copy()
        for key in ("page", "cursor"):
            query.pop(key, None)
        context["querystring"] = query.urlencode()
        context["is_filtered"] = any(v for k, v in query.items())
        # Template fragments of the list are cached per content version, language and address.
        context["fragment_key"] = versioned(f"{get_language()}:{self.request.get_full_path()}")
        return context


class KeysetListView(FilteredListView):
    """A filtered list of a large table, in keyset pages (see common.pagination)."""

    paginate_by = None
    ordering_keys: tuple[str, ...] = ("-id",)
    keys_only = False  # the template reads the rows from their ids (common.pagination.keyset_page)

    def get_ordering_keys(self) -> tuple[str, ...]:
        return self.ordering_keys

    def get_context_data(self, **kwargs):
        # Lazy: when the template's fragment is cached, the page's queries never run.
        cursor = self.request.GET.get("cursor")
        page = SimpleLazyObject(
            lambda: keyset_page(
                self.object_list, ordering=self.get_ordering_keys(), cursor=cursor, keys_only=self.keys_only
            )
        )
        context = super().get_context_data(object_list=SimpleLazyObject(lambda: page.object_list), **kwargs)
        context["page"] = page
        return context
