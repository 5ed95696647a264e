"""Filter fields shared by the lists of the site and the API."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

SEARCH_MAX_LENGTH = 200


class SearchFilter(django_filters.CharFilter):
    """The free-text search of a list, through the filterset's `filter_search` method.

    Longer than SEARCH_MAX_LENGTH characters, the search is refused with the form's message (a 400 on
    the API) and never reaches the database, whose pattern matching has limits of its own.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Search"))
        kwargs.setdefault("method", "filter_search")
        kwargs.setdefault("max_length", SEARCH_MAX_LENGTH)
        super().__init__(**kwargs)


class ListFilterForm(forms.Form):
    """The form of a list's filters as a page shows them: without the API's help texts.

    Those texts document query parameters (codes, slugs) in the API schema; on the page each field is a
    list of names, and a help text nobody renders would leave `aria-describedby` pointing at nothing.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.help_text = ""
