"""`?ordering=` on the API lists: the same order on every database, with no row lost between pages.

DRF's OrderingFilter sorts on the named fields alone. On a nullable field that goes wrong three ways:
SQLite puts the rows without a value first where PostgreSQL puts them last; a cursor page filters on
`field > position`, which no NULL satisfies, so those rows never appear on any page (and a NULL taken as the
position gave a 400 on the next page); and ties (many members share a year) come in any order, so numbered
pages may repeat or skip rows. Here a nullable field is sorted on its value or, for the rows without one, a
value past the end in the direction asked (last either way: a cursor position must be a value, not NULL), and
the primary key breaks the ties.
"""

import datetime

from django.db import models
from django.db.models import Value
from django.db.models.functions import Coalesce
from rest_framework import filters

PREFIX = "ordering_"  # the annotation carrying a nullable field's sort key (kept in values() rows: common.api.rows)

# The first match wins: a subclass before its parent (DateTimeField is a DateField, SmallIntegerField an IntegerField).
_PAST_THE_END = {
    models.DateTimeField: (
        datetime.datetime.min.replace(tzinfo=datetime.UTC),
        datetime.datetime.max.replace(tzinfo=datetime.UTC),
    ),
    models.DateField: (datetime.date.min, datetime.date.max),
    models.SmallIntegerField: (-(2**15), 2**15 - 1),
    models.IntegerField: (-(2**31), 2**31 - 1),
}


def _bounds(field):
    for kind, bounds in _PAST_THE_END.items():
        if isinstance(field, kind):
            return bounds
    raise TypeError(f"No sort key past the end for the nullable {type(field).__name__} {field.name}")


class OrderingFilter(filters.OrderingFilter):
    def get_ordering(self, request, queryset, view):
        terms = list(super().get_ordering(request, queryset, view) or [])
        model = queryset.model
        ordered = []
        for term in terms:
            name = term.lstrip("-")
            field = model._meta.get_field(name) if name != "pk" else model._meta.pk
            ordered.append(term.replace(name, PREFIX + name) if field.null else term)
        if not any(term.lstrip("-") in ("id", "pk") for term in terms):
            descending = bool(terms) and terms[0].startswith("-")
            ordered.append("-id" if descending else "id")
        return ordered

    def filter_queryset(self, request, queryset, view):
        ordering = self.get_ordering(request, queryset, view)
        keys = {}
        for term in ordering:
            name = term.lstrip("-")
            if name.startswith(PREFIX):
                field = queryset.model._meta.get_field(name.removeprefix(PREFIX))
                first, last = _bounds(field)
                past_the_end = first if term.startswith("-") else last
                keys[name] = Coalesce(field.name, Value(past_the_end, output_field=field.__class__()))
        return queryset.annotate(**keys).order_by(*ordering)
