"""Keyset ("cursor") pagination for the long HTML lists.

OFFSET pagination reads and throws away every row before the page, so page 4,000 of the commitments
costs a thousand times page 1; counting every row on every page view is the same waste. Here a page
starts after the last row of the previous one (an index range scan, whatever the depth), and the
total is counted up to a bound ("more than 1,000").
"""

import base64
import json
from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import FieldDoesNotExist
from django.db.models import F, Q, QuerySet
from django.db.models.fields.tuple_lookups import Tuple, TupleGreaterThan, TupleLessThan
from django.utils.dateparse import parse_date, parse_datetime

COUNT_LIMIT = 1_000


def page_of(rows: QuerySet, row, *, per_page: int) -> int:
    """The page (from 1) that shows `row` among `rows` read oldest first (created_at, then id): a comment
    thread's page, to send its reader back to it."""
    earlier = rows.filter(Q(created_at__lt=row.created_at) | Q(created_at=row.created_at, id__lt=row.pk)).count()
    return earlier // per_page + 1


@dataclass
class KeysetPage:
    object_list: list
    next_cursor: str | None
    previous_cursor: str | None
    count: int
    count_is_capped: bool

    @property
    def has_other_pages(self) -> bool:
        return bool(self.next_cursor or self.previous_cursor)

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self):
        return len(self.object_list)


def _encode(values: list, backwards: bool) -> str:
    payload = json.dumps(
        {"v": [v.isoformat() if isinstance(v, date | datetime) else v for v in values], "b": backwards}
    )
    return base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")


def _decode(cursor: str) -> tuple[list, bool] | None:
    try:
        data = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        return list(data["v"]), bool(data["b"])
    except (ValueError, KeyError, TypeError):
        return None


def _typed(queryset: QuerySet, field: str, value):
    """A cursor value back in the type of its field (dates travel as ISO strings)."""
    try:
        internal = queryset.model._meta.get_field(field).get_internal_type()
    except FieldDoesNotExist:
        return value
    if value is None:
        return None
    if internal == "DateTimeField":
        return parse_datetime(value)
    if internal == "DateField":
        return parse_date(value)
    return value


def _after(ordering: tuple[str, ...], values: list):
    """Rows strictly after `values` in `ordering` ("-field" is descending).

    When every term runs the same way this is one row comparison, (a, b, id) < (x, y, z), which
    PostgreSQL answers from an index on those columns; mixed directions fall back to ORs.
    """
    descending = {term.startswith("-") for term in ordering}
    if len(descending) == 1:
        columns = Tuple(*[F(term.lstrip("-")) for term in ordering])
        lookup = TupleLessThan if descending == {True} else TupleGreaterThan
        return lookup(columns, tuple(values))
    condition = Q()
    for index, term in enumerate(ordering):
        field = term.lstrip("-")
        lookup = "lt" if term.startswith("-") else "gt"
        step = Q(**{f"{field}__{lookup}": values[index]})
        for previous, value in zip(ordering[:index], values[:index], strict=True):
            step &= Q(**{previous.lstrip("-"): value})
        condition |= step
    return condition


def _reverse(ordering: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(term[1:] if term.startswith("-") else f"-{term}" for term in ordering)


def keyset_page(queryset: QuerySet, *, ordering: tuple[str, ...], cursor: str | None, per_page: int = 25) -> KeysetPage:
    """One page of `queryset` in `ordering` (whose last term must be unique, e.g. "-id")."""
    fields = [term.lstrip("-") for term in ordering]
    decoded = _decode(cursor) if cursor else None
    if decoded and len(decoded[0]) != len(ordering):
        decoded = None
    backwards = bool(decoded and decoded[1])
    order = _reverse(ordering) if backwards else ordering
    page_query = queryset.order_by(*order)
    if decoded:
        values = [_typed(queryset, f, v) for f, v in zip(fields, decoded[0], strict=True)]
        page_query = page_query.filter(_after(order, values))
    rows = list(page_query[: per_page + 1])
    more = len(rows) > per_page
    rows = rows[:per_page]
    if backwards:
        rows.reverse()

    def key(row) -> list:
        return [getattr(row, f) for f in fields]

    has_next = more if not backwards else bool(decoded)
    has_previous = bool(decoded) if not backwards else more
    limit = COUNT_LIMIT
    counted = queryset.order_by().values("pk")[: limit + 1].count()  # no annotation, no sort: just the rows
    return KeysetPage(
        object_list=rows,
        next_cursor=_encode(key(rows[-1]), False) if rows and has_next else None,
        previous_cursor=_encode(key(rows[0]), True) if rows and has_previous else None,
        count=min(counted, limit),
        count_is_capped=counted > limit,
    )


def cursor_at(values: list) -> str:
    """The cursor of a page that starts after a row with these ordering values (benchmarks, links)."""
    return _encode(values, False)
