"""Keyset ("cursor") pagination for the long HTML lists.

OFFSET pagination reads and throws away every row before the page, so page 4,000 of the commitments
costs a thousand times page 1; counting every row on every page view is the same waste. Here a page
starts after the last row of the previous one (an index range scan, whatever the depth), and the
total is counted up to a bound ("more than 1,000").
"""

import base64
import json
import operator
from dataclasses import dataclass
from datetime import date, datetime
from types import SimpleNamespace

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.paginator import Paginator
from django.db.models import F, Q, QuerySet
from django.db.models.fields.tuple_lookups import Tuple, TupleGreaterThan, TupleLessThan
from django.db.models.query import FlatValuesListIterable, ValuesIterable
from django.utils import timezone
from django.utils.functional import cached_property

from common.cache import cached, content_query_key

COUNT_LIMIT = 1_000
PER_PAGE = 25


class ContentPaginator(Paginator):
    """Numbered pages whose total, for rows read from content tables alone, is counted once per content version
    (common.cache.content_query_key): every page of a list, and every visit, until the content changes. A list
    filtered on the time, or reading other tables (proposals), is counted at every request."""

    @cached_property
    def count(self) -> int:
        if isinstance(self.object_list, QuerySet):
            return content_count(self.object_list)
        return Paginator.count.func(self)


def content_count(rows: QuerySet) -> int:
    """rows.count(), kept per content version when only a write to the content can change it
    (common.cache.content_query_key), else counted now."""
    return _kept_per_content("count", rows, rows.count)


def matching_keys(keys: QuerySet) -> list:
    """The rows `keys` reads (a filtered list's ordering keys, up to COUNT_LIMIT + 1), kept per content version when
    only a write to the content can change them, as content_count keeps a count: the next page of the same filter
    or search, or the same one in another language, reads them from the cache instead of the database (a search
    for a common word read 1,001 documents: 14 ms a request at national scale)."""
    return _kept_per_content("keys", keys, lambda: list(keys))


def _kept_per_content(prefix: str, queryset: QuerySet, compute):
    """compute(), kept per content version under `prefix` when common.cache.content_query_key allows it for
    `queryset`, else computed now."""
    key = content_query_key(queryset)
    return compute() if key is None else cached(f"{prefix}:{key}", compute)


def page_of(rows: QuerySet, row, *, per_page: int) -> int:
    """The page (from 1) that shows `row` among `rows` read oldest first (created_at, then id): a comment
    thread's page, to send its reader back to it."""
    earlier = rows.filter(Q(created_at__lt=row.created_at) | Q(created_at=row.created_at, id__lt=row.pk)).count()
    return earlier // per_page + 1


def rows_of(queryset: QuerySet, ids: list) -> list:
    """The rows of `queryset` with these primary keys, in the order of `ids`: a numbered page read ids first.

    An OFFSET skips rows only after building them (joins, computed columns), so a deep page paid for every row
    before it; the page's ids come from the list's order alone, then only its rows are read. One more query."""
    key = _row_id(queryset)
    rows = {key(row): row for row in queryset.filter(pk__in=ids).order_by()}
    return [rows[pk] for pk in ids if pk in rows]


def _row_id(queryset: QuerySet):
    """How to read the id of a row of `queryset`: an instance's pk, a values() dict's "id", or the place of "id"
    in a values_list() tuple (the row itself when flat)."""
    names = getattr(queryset, "_fields", None)  # the names of a values() or values_list() queryset
    if names is None:
        return operator.attrgetter("pk")
    if issubclass(queryset._iterable_class, ValuesIterable):
        return operator.itemgetter("id")
    if issubclass(queryset._iterable_class, FlatValuesListIterable):
        return lambda row: row
    return operator.itemgetter(list(names).index("id"))


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
    """A cursor value back in the type of its field (dates travel as ISO strings); ValueError when it is not
    one (a cursor written by hand)."""
    try:
        model_field = queryset.model._meta.get_field(field)
    except FieldDoesNotExist:
        return value
    if value is None and model_field.null:
        return None
    if value is None or isinstance(value, dict | list):
        raise ValueError(field)
    try:
        typed = model_field.to_python(value)
        model_field.run_validators(typed)  # e.g. an integer beyond the column's range
    except (ValidationError, TypeError, ValueError, OverflowError) as error:
        raise ValueError(field) from error
    if isinstance(typed, datetime) and timezone.is_naive(typed):
        typed = timezone.make_aware(typed)
    return typed


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


# Fields whose values Python orders as PostgreSQL does (text would need the database's collation).
ORDERED_IN_PYTHON = {
    "AutoField", "BigAutoField", "SmallAutoField", "IntegerField", "BigIntegerField", "SmallIntegerField",
    "PositiveIntegerField", "PositiveBigIntegerField", "PositiveSmallIntegerField", "DateField", "DateTimeField",
}  # fmt: skip


def _orderable_here(queryset: QuerySet, ordering: tuple[str, ...]) -> bool:
    """Whether a page can be picked in Python from the keys of every match: one direction, and each key a
    non-null number or date of the model's own table."""
    if len({term.startswith("-") for term in ordering}) != 1:
        return False
    for term in ordering:
        try:
            field = queryset.model._meta.get_field(term.lstrip("-"))
        except FieldDoesNotExist:
            return False
        if field.null or field.get_internal_type() not in ORDERED_IN_PYTHON:
            return False
    return True


def _page_from_keys(matches: list[tuple], *, descending: bool, after: list | None, size: int) -> list:
    """The primary keys of the first `size` matches (key values..., pk) in the order, after `after`."""
    keys = sorted(set(matches), key=lambda match: match[:-1], reverse=descending)
    if after is not None:
        bound = tuple(after)
        keys = [k for k in keys if (k[:-1] < bound if descending else k[:-1] > bound)]
    return [k[-1] for k in keys[:size]]


class KeyRow(SimpleNamespace):
    """A keys-only page's row: its ordering fields and `pk` (cheaper than a model instance)."""


def _key_row(fields: list[str], values: tuple) -> KeyRow:
    return KeyRow(**{**dict(zip(fields, values[:-1], strict=True)), "pk": values[-1]})  # an ordering may name "pk"


def _picked_rows(queryset: QuerySet, order: tuple, matches: list[tuple], pks: list, *, keys_only: bool) -> list:
    """The rows of these primary keys, in this order. `keys_only`: built from their keys alone (no query)."""
    if not keys_only:
        return list(queryset.filter(pk__in=pks).order_by(*order))  # no query for no pks
    fields = [term.lstrip("-") for term in order]
    keys = {match[-1]: match for match in matches}
    return [_key_row(fields, keys[pk]) for pk in pks]


def keyset_page(
    queryset: QuerySet, *, ordering: tuple[str, ...], cursor: str | None, per_page=PER_PAGE, keys_only=False
) -> KeysetPage:
    """One page of `queryset` in `ordering` (whose last term must be unique, e.g. "-id").

    The count ("up to 1,000") of a filtered list reads the matching rows' keys when Python can order them.
    When they are all there (a rare filter combination), the page is picked from them and its rows read by
    primary key: the planner would otherwise walk the ordering's index from the top, expecting the page's rows
    soon, and visit every row of a common filter (a policy area's 10,000 commitments) to find the 14 that also
    match a country and a completion (60 ms, against 20 ms this way at national scale).

    `keys_only`: the caller reads the rows itself from their ids (the page's rows are then KeyRows: their ordering
    keys and primary key, nothing else): a page picked from the keys needs no query more.
    """
    fields = [term.lstrip("-") for term in ordering]
    decoded = _decode(cursor) if cursor else None
    if decoded and len(decoded[0]) != len(ordering):
        decoded = None
    backwards = bool(decoded and decoded[1])
    order = _reverse(ordering) if backwards else ordering
    try:
        values = [_typed(queryset, f, v) for f, v in zip(fields, decoded[0], strict=True)] if decoded else None
    except ValueError:  # not a cursor this list wrote: its first page
        decoded = values = None
        backwards, order = False, ordering
    limit = COUNT_LIMIT
    matches = None
    if queryset.query.has_filters() and _orderable_here(queryset, ordering):
        matches = matching_keys(queryset.order_by().values_list(*fields, "pk")[: limit + 1])
        counted = len(matches)
    else:
        counted = content_count(queryset.order_by().values("pk")[: limit + 1])  # no annotation, no sort: the rows
    if matches is not None and counted <= limit:
        descending = order[0].startswith("-")
        pks = _page_from_keys(matches, descending=descending, after=values, size=per_page + 1)
        rows = _picked_rows(queryset, order, matches, pks, keys_only=keys_only)
    else:
        page_query = queryset.order_by(*order)
        if values is not None:
            page_query = page_query.filter(_after(order, values))
        query = page_query.values_list(*fields, "pk") if keys_only else page_query
        rows = [_key_row(fields, k) for k in query[: per_page + 1]] if keys_only else list(query[: per_page + 1])
    more = len(rows) > per_page
    rows = rows[:per_page]
    if backwards:
        rows.reverse()

    def key(row) -> list:
        return [getattr(row, f) for f in fields]

    has_next = more if not backwards else bool(decoded)
    has_previous = bool(decoded) if not backwards else more
    return KeysetPage(
        object_list=rows,
        next_cursor=_encode(key(rows[-1]), False) if rows and has_next else None,
        previous_cursor=_encode(key(rows[0]), True) if rows and has_previous else None,
        count=min(counted, limit),
        count_is_capped=counted > limit,
    )


def first_keyset_page(rows: list, *, ordering: tuple[str, ...], count: int, per_page: int = PER_PAGE) -> KeysetPage:
    """The page keyset_page gives without a cursor, from the list's first `per_page` + 1 rows in `ordering` and its
    number of rows, read by the caller (in one kept statement, say)."""
    shown = rows[:per_page]
    last = [getattr(shown[-1], term.lstrip("-")) for term in ordering] if shown else None
    return KeysetPage(
        object_list=shown,
        next_cursor=_encode(last, False) if len(rows) > per_page else None,
        previous_cursor=None,
        count=min(count, COUNT_LIMIT),
        count_is_capped=count > COUNT_LIMIT,
    )


def cursor_at(values: list) -> str:
    """The cursor of a page that starts after a row with these ordering values (benchmarks, links)."""
    return _encode(values, False)
