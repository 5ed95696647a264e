from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import get_language
from django.views.generic import ListView
from rules.contrib.views import PermissionRequiredMixin

from common.cache import versioned
from common.pagination import keyset_page


class ServiceFormMixin:
    """A form view whose valid form is handed to one service call.

    `perform(form)` calls the service and returns the object to go to; a ValidationError raised
    by the service is shown on the form, next to its field when there is one, and nothing is saved.
    """

    success_message = ""

    def perform(self, form):
        raise NotImplementedError

    def form_valid(self, form):
        try:
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


class ObjectPermissionMixin(PermissionRequiredMixin):
    """rules' permission check on the object the view acts on (403 for users without the right).

    Anonymous visitors are sent to the login page first.
    """

    def get_permission_object(self):
        return self.get_target()

    def get_target(self):
        raise NotImplementedError


class FilteredListView(ListView):
    """A paginated list whose rows and filter form come from one selector."""

    paginate_by = settings.PAGE_SIZE
    selector = None

    @cached_property
    def selection(self):
        return type(self).selector(filters=self.request.GET)

    def get_queryset(self):
        # Lazy, like the filter below: a cached fragment of the page needs neither.
        return SimpleLazyObject(lambda: self.selection[0])

    def get_template_names(self):
        return [self.template_name]  # ListView's own would look at the (lazy) queryset's model

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

    def get_ordering_keys(self) -> tuple[str, ...]:
        return self.ordering_keys

    def get_context_data(self, **kwargs):
        # Lazy: when the template's fragment is cached, the page's queries never run.
        cursor = self.request.GET.get("cursor")
        page = SimpleLazyObject(lambda: keyset_page(self.object_list, ordering=self.get_ordering_keys(), cursor=cursor))
        context = super().get_context_data(object_list=SimpleLazyObject(lambda: page.object_list), **kwargs)
        context["page"] = page
        return context
