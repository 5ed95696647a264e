"""Filter fields shared by the lists of the site and the API."""

import django_filters
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
