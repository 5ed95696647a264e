from django.utils.translation import gettext_lazy as _
from rest_framework import pagination
from rest_framework.exceptions import NotFound, ValidationError


class PageNumberPagination(pagination.PageNumberPagination):
    """For the small collections (members, action plans): numbered pages with a total count."""

    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = 100


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
