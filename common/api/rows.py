"""API lists built from values() rows: no model instances, no nested serializers per row.

The reference serializers stay the contract (schema, detail of a write, tests): a row builder formats each
value with the serializer's own field (dates, choices, countries come out identical) and builds the links
from one reverse() per page.
"""

import functools

from django.http import Http404
from django.urls import reverse
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework.response import Response

_MARK = 987654321


@functools.cache
def _fields(serializer_class):
    return serializer_class().fields


class Flat:
    """Plain fields of a serializer read from values() keys (`prefix` + field name), formatted by its fields."""

    def __init__(self, serializer_class, names, prefix=""):
        self.serializer_class = serializer_class
        self.names = list(names)
        self.prefix = prefix

    @functools.cached_property
    def plan(self):
        fields = _fields(self.serializer_class)
        return [(name, self.prefix + name, fields[name].to_representation) for name in self.names]

    def keys(self) -> list[str]:
        return [self.prefix + name for name in self.names]

    def __call__(self, row: dict) -> dict:
        out = {}
        for name, key, represent in self.plan:
            value = row[key]
            out[name] = None if value is None else represent(value)
        return out


class Links:
    """Absolute addresses of one kind of object: reverse() once, then the id is put in its place per row."""

    def __init__(self, request, view_name):
        path = reverse(view_name, args=[_MARK])
        self.before, self.after = request.build_absolute_uri(path).split(str(_MARK))

    def __call__(self, key) -> str:
        return f"{self.before}{key}{self.after}"


def grouped(rows, key) -> dict:
    """Rows of a related query grouped by the id of the object they belong to (their order kept)."""
    groups = {}
    for row in rows:
        groups.setdefault(row[key], []).append(row)
    return groups


class RowListMixin:
    """List from values(): `row_queryset()` gives the rows to filter, `row_keys` the values() keys,
    `build_items(rows)` the JSON items of a page of rows in a constant number of queries."""

    row_keys: list[str] = []

    def row_queryset(self):
        raise NotImplementedError

    def build_items(self, rows: list[dict]) -> list[dict]:
        raise NotImplementedError

    def filter_queryset(self, queryset):
        """The filterset is skipped when no parameter of the request names one of its filters: bound to no
        value, the filtersets of these lists change nothing (their own ordering is the paginator's)."""
        params = self.request.query_params
        filterset_class = getattr(self, "filterset_class", None)
        if filterset_class is None or any(name in params for name in filterset_class.base_filters):
            return super().filter_queryset(queryset)
        for backend in self.filter_backends:
            if not issubclass(backend, DjangoFilterBackend):
                queryset = backend().filter_queryset(self.request, queryset, self)
        return queryset

    def _rows(self):
        return self.filter_queryset(self.row_queryset()).values(*self.row_keys)

    def list(self, request, *args, **kwargs):
        rows = self.paginate_queryset(self._rows())
        if rows is None:
            return Response(self.build_items(list(self._rows())))
        return self.get_paginated_response(self.build_items(rows))


class RowDetailMixin(RowListMixin):
    """Read one object from values() as well (public objects only: no per-object permission to check)."""

    def retrieve(self, request, *args, **kwargs):
        rows = list(self._rows().filter(pk=self.kwargs[self.lookup_url_kwarg or self.lookup_field]).order_by())
        if not rows:
            raise Http404
        return Response(self.build_items(rows)[0])
