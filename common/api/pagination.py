from django.utils.translation import gettext_lazy as _
from rest_framework import pagination
from rest_framework.exceptions import NotFound, ValidationError

from common.pagination import ContentPaginator, rows_of


class PageNumberPagination(pagination.PageNumberPagination):
    """For the small collections (members, action plans): numbered pages with a total count."""

    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = 100
    django_paginator_class = ContentPaginator  # the total counted once per content version


class IdsFirstPagination(PageNumberPagination):
    """Numbered pages of a queryset whose rows carry computed columns (counts) or joined tables: the page's ids
    first, in the list's order, then the rows of those ids alone. An OFFSET skips rows only after building them,
    so one query counted the plans and commitments of every member before the page too (a deep page of the
    action plans took 0.4–0.6 s at national scale, the first 20 ms) and joined every consultation before the
    page to its plan and member. One more query, whatever the depth."""

    def paginate_queryset(self, queryset, request, view=None):
        values = getattr(queryset, "_fields", None)  # the names of a values() queryset, None for instances
        if values is not None and "id" not in values:
            return super().paginate_queryset(queryset, request, view)
        ids = self.page_ids(queryset, request, view)
        if ids is None:
            return None
        return rows_of(queryset, ids)

    def page_ids(self, queryset, request, view=None) -> list | None:
        """The ids of the page (None when the list is not paged), counted and read from `queryset`'s table and
        whatever its filters join: give it the queryset before a values() that joins more for the rows."""
        return super().paginate_queryset(queryset.values_list("pk", flat=True), request, view)


class CursorPagination(pagination.CursorPagination):
    """For the large collections: no COUNT(*), stable while rows are added, constant cost at any depth."""

    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = 100
    ordering = "id"

    def decode_cursor(self, request):
        # A malformed cursor is bad input (400 on the parameter), not a missing resource.
        try:
            return super().decode_cursor(request)
        except NotFound as exc:
            raise ValidationError({self.cursor_query_param: [_("Invalid cursor.")]}) from exc
