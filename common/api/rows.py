"""API lists built from values() rows: no model instances, no nested serializers per row.

The reference serializers stay the contract (schema, detail of a write, tests): a row builder formats each
value with the serializer's own field (dates, choices, countries come out identical) and builds the links
from one reverse() per process (common.addresses).
"""

import datetime
import functools

from django.conf import settings
from django.http import Http404
from django.utils import timezone
from django_countries.serializer_fields import CountryField
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import ISO_8601, serializers
from rest_framework.response import Response
from rest_framework.reverse import preserve_builtin_query_params
from rest_framework.settings import api_settings

from common.addresses import url_parts
from common.api import ordering
from common.api.pagination import IdsFirstPagination
from common.db import PageQuery
from common.text import as_id

# Fields whose to_representation() gives back the value the database gave (str, int, bool): skipped.
_AS_STORED = (
    serializers.CharField,
    serializers.URLField,
    serializers.SlugField,
    serializers.IntegerField,
    serializers.BooleanField,
    serializers.ChoiceField,
)


@functools.cache
def serializer_fields(serializer_class):
    """The fields of a serializer, built once per process (a row builder formats values with them)."""
    return serializer_class().fields


# A date and time in ISO 8601 in the active time zone (DRF's default), written by Flat with the zone read once per row.
_ZONED = object()


def _zoned(field) -> bool:
    """Whether the field writes ISO 8601 in the active time zone, as `zoned_iso()` does."""
    output = getattr(field, "format", api_settings.DATETIME_FORMAT)
    return settings.USE_TZ and isinstance(output, str) and output.lower() == ISO_8601 and not hasattr(field, "timezone")


def zoned_iso(value: datetime.datetime, zone) -> str:
    """DateTimeField.to_representation() of an aware value in `zone` (the active time zone): without its two
    reads of the zone per value (a page of proposals has fifty)."""
    text = value.astimezone(zone).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def _representation(field):
    if type(field) in _AS_STORED:
        return None
    if type(field) is serializers.DateTimeField and _zoned(field):
        return _ZONED
    if type(field) is CountryField and not field.name_only and not field.country_dict:
        # The code alone, the same in every language: kept per code (the lookup reads request-local state twice).
        return functools.lru_cache(maxsize=512)(field.to_representation)
    if type(field) is serializers.BigIntegerField and not getattr(
        field, "coerce_to_string", api_settings.COERCE_BIGINT_TO_STRING
    ):
        return None
    return field.to_representation


class Flat:
    """Plain fields of a serializer read from values() keys (`prefix` + field name), formatted by its fields."""

    def __init__(self, serializer_class, names, prefix=""):
        self.serializer_class = serializer_class
        self.names = list(names)
        self.prefix = prefix

    @functools.cached_property
    def plan(self):
        fields = serializer_fields(self.serializer_class)
        return [(name, self.prefix + name, _representation(fields[name])) for name in self.names]

    def keys(self) -> list[str]:
        return [self.prefix + name for name in self.names]

    def __call__(self, row: dict) -> dict:
        out, zone = {}, None
        for name, key, represent in self.plan:
            value = row[key]
            if value is None or represent is None:
                out[name] = value
            elif represent is _ZONED and timezone.is_aware(value):
                zone = zone or timezone.get_current_timezone()
                out[name] = zoned_iso(value, zone)
            elif represent is _ZONED:
                out[name] = serializer_fields(self.serializer_class)[name].to_representation(value)
            else:
                out[name] = represent(value)
        return out


def format_suffix(request) -> str | None:
    """The format suffix of the API request's address (`json` for `/api/v1/members.json`), None without one."""
    context = getattr(request, "parser_context", None) or {}
    return context.get("kwargs", {}).get(api_settings.FORMAT_SUFFIX_KWARG)


class Links:
    """Absolute addresses of one kind of object: the route's path kept once per process (common.addresses), then
    the id is put in its place per row. An API route keeps the request's format, as DRF's hyperlinked fields write
    it: its suffix (`/api/v1/members.json` → `…/members/7.json`) and its `?format=` (`…/members/7/?format=json`); a
    page's route (`html_url`) keeps neither."""

    def __init__(self, request, view_name):
        api = view_name.startswith("api:")
        before, self.after = url_parts(view_name, suffix=format_suffix(request) if api else None)
        self.before = request.build_absolute_uri(before)
        if api:
            self.after += preserve_builtin_query_params("", request)

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
    `build_items(rows)` the JSON items of a page of rows in a constant number of queries. `row_queryset()` must
    not depend on the request, the time or the language: the rows by id are read by a statement compiled once."""

    row_keys: list[str] = []
    # A cursor page picks its ids (and the ordering's keys) first, then reads its rows by id (`_by_ids`): for rows
    # whose values() is costly to write (dozens of keys, joins) on every request.
    cursor_ids_first = False

    def row_queryset(self):
        raise NotImplementedError

    def build_items(self, rows: list[dict]) -> list[dict]:
        raise NotImplementedError

    def filter_queryset(self, queryset):
        """The filterset is skipped when no parameter of the request names one of its filters: bound to no
        value, the filtersets of these lists change nothing (their own ordering is the paginator's)."""
        if self._names_a_filter():
            return super().filter_queryset(queryset)
        for backend in self.filter_backends:
            if not issubclass(backend, DjangoFilterBackend):
                queryset = backend().filter_queryset(self.request, queryset, self)
        return queryset

    def _names_a_filter(self) -> bool:
        params = self.request.query_params
        filterset_class = getattr(self, "filterset_class", None)
        return filterset_class is None or any(name in params for name in filterset_class.base_filters)

    @classmethod
    def _by_ids(cls, ids: list) -> list[dict]:
        """The rows of `row_queryset()` with these ids, in their order: one statement compiled once per process
        and number of ids (PageQuery), the ORM's query where that cannot be (annotated counts)."""
        reader = cls.__dict__.get("_rows_by_ids")
        if reader is None:
            reader = PageQuery(lambda ids: cls()._values(cls().row_queryset()).filter(pk__in=ids).order_by())
            cls._rows_by_ids = reader
        rows = {row["id"]: row for row in reader(ids)}
        return [rows[pk] for pk in ids if pk in rows]

    def _values(self, queryset):
        # A nullable field's sort key is a cursor page's position: the paginator reads it from the row.
        keys = [name for name in queryset.query.annotations if name.startswith(ordering.PREFIX)]
        return queryset.values(*self.row_keys, *keys)

    def _rows(self):
        return self._values(self.filter_queryset(self.row_queryset()))

    def _page(self, request):
        """The page's rows; numbered pages count and pick their ids without the joins of the rows' keys (an
        inner join to the plan and the member cost the count as much as the rows)."""
        queryset = self.filter_queryset(self.row_queryset())
        if isinstance(self.paginator, IdsFirstPagination) and "id" in self.row_keys:
            ids = self.paginator.page_ids(queryset, request, self)
            return None if ids is None else self._by_ids(ids)
        if self.cursor_ids_first and self.paginator is not None:
            # The paginator reads a row's position from the ordering's keys (a nullable field's sort key too).
            keys = [term.lstrip("-") for term in self.paginator.get_ordering(request, queryset, self)]
            page = self.paginate_queryset(queryset.values(*dict.fromkeys(["id", *keys])))
            return None if page is None else self._by_ids([row["id"] for row in page])
        return self.paginate_queryset(self._values(queryset))

    def list(self, request, *args, **kwargs):
        rows = self._page(request)
        if rows is None:
            return Response(self.build_items(list(self._rows())))
        return self.get_paginated_response(self.build_items(rows))


class RowDetailMixin(RowListMixin):
    """Read one object from values() as well (public objects only: no per-object permission to check); by the
    statement compiled once (`_by_ids`) unless a parameter names a filter, which applies as on the list."""

    def retrieve(self, request, *args, **kwargs):
        pk = as_id(self.kwargs[self.lookup_url_kwarg or self.lookup_field])
        if pk is None:
            raise Http404
        rows = list(self._rows().filter(pk=pk).order_by()) if self._names_a_filter() else self._by_ids([pk])
        if not rows:
            raise Http404
        return Response(self.build_items(rows)[0])
