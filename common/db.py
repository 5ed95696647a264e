import weakref
from datetime import date, time

from django.core.signals import setting_changed
from django.db import DEFAULT_DB_ALIAS, connections, models
from django.db.models.functions import Now, TruncDate
from django.dispatch import receiver
from django.utils import timezone

from common import prepared

# A key outside it finds nothing through the ORM, and fails as a parameter of a kept statement.
BIGINT = range(-(2**63), 2**63)


def neighbour(key):
    """A key beside `key` (the next id, the previous one at the top of the range; a slug with a dash added), for a
    stand-in query compiled and compared with `key`'s; None for a key of another type."""
    if type(key) is str:
        return f"{key}-"
    if type(key) is int:
        return key + 1 if key + 1 in BIGINT else key - 1
    return None


class SubqueryCount(models.Subquery):
    """COUNT(*) of a correlated subquery: one SQL statement per page, no join multiplication."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) _counted)"
    output_field = models.IntegerField()


def count_of(queryset) -> SubqueryCount:
    return SubqueryCount(queryset.order_by().values("pk"))


class _Unchanged:
    def __repr__(self):
        return "UNCHANGED"


# The default of an update service's keyword parameters: a field not given keeps its value.
UNCHANGED = _Unchanged()


def set_fields(instance: models.Model, **values) -> list[str]:
    """Set the values a service was given on its model instance, and return their names.

    The service's signature is the list of fields it writes; values left UNCHANGED are skipped, and text
    is stripped so that blanks count as empty.
    """
    given = {name: value for name, value in values.items() if value is not UNCHANGED}
    for name, value in given.items():
        setattr(instance, name, value.strip() if isinstance(value, str) else value)
    return list(given)


def database_today() -> TruncDate:
    """Today in the portal's zone (TIME_ZONE), read by the database at each statement (its clock, Now()): a query of
    the day whose statement stays the same every day, and can be kept (the zone's name is its one parameter)."""
    return TruncDate(Now(), tzinfo=timezone.get_default_timezone())


_ZONED = weakref.WeakSet()  # kept statements whose `forget()` a change of TIME_ZONE calls


def forgotten_with_the_time_zone(kept) -> None:
    """`kept.forget()` is called when a test changes TIME_ZONE: a kept statement may read today in the portal's zone
    (database_today(), whose zone's name is a parameter), a setting otherwise fixed for the process."""
    _ZONED.add(kept)


@receiver(setting_changed, dispatch_uid="kept-statements-time-zone-changed")
def _forget_on_a_new_time_zone(*, setting, **_kwargs) -> None:
    if setting == "TIME_ZONE":
        for kept in list(_ZONED):
            kept.forget()


class CompiledOnce:
    """A one-row query whose SQL the ORM writes once per process, for a key that changes from call to call.

    `query(key)` runs the query through the ORM and returns a dict (an `aggregate()`, say). The first two calls
    with different keys go through the ORM and record the statement each sent: when both sent the same SQL
    and their parameters differ only where each call's key stands (once or more: a person's id in both halves
    of a union), that statement is kept, and later calls send it with their key in those places and read the
    row into the same keys. For queries the ORM takes
    longer to write than the database to run (correlated subqueries, filtered relations, eight filtered
    counts: about 6 ms of Python for 1.4 ms of planning and execution). The row's values are read as the
    driver gives them: for counts and other values the ORM does not convert. A query that sends more than one
    statement, or whose SQL or other parameters change with the key, always goes through the ORM.

    Only for queries whose other parameters are constants of the code: one that read the date, the language or
    a setting would keep the value of the first two calls for the life of the process (a query of the day reads it
    in the database: database_today(); its zone, TIME_ZONE, is the one setting it reads, forgotten when changed).

    `keyed=False`: a query without a key (the partnership's totals), kept from its first call; call it with None.
    """

    def __init__(self, query, *, keyed: bool = True):
        self.query = query
        self.keyed = keyed
        self.forget()
        forgotten_with_the_time_zone(self)

    def forget(self) -> None:
        self.first: dict = {}  # per database: (key, sql, params) of the first call
        self.compiled: dict = {}  # per database: (sql, params, the key's places, the row's keys), or None

    def _run_and_record(self, key, using: str) -> dict:
        sent = []

        def record(execute, sql, params, many, context):
            sent.append((sql, list(params or ())))
            return execute(sql, params, many, context)

        with connections[using].execute_wrapper(record):
            result = self.query(key)
        if len(sent) != 1 or not isinstance(result, dict):
            self.compiled[using] = None
        elif not self.keyed:
            self.compiled[using] = (*sent[0], (), list(result))
        elif using not in self.first:
            self.first[using] = (key, *sent[0])
        elif self.first[using][0] != key:
            self.compiled[using] = self._kept(self.first[using], (key, *sent[0]), list(result))
        return result

    @staticmethod
    def _kept(first: tuple, second: tuple, keys: list):
        (key_1, sql_1, params_1), (key_2, sql_2, params_2) = first, second
        differ = tuple(i for i, (a, b) in enumerate(zip(params_1, params_2, strict=False)) if a != b)
        if sql_1 != sql_2 or len(params_1) != len(params_2) or not differ:
            return None
        if any((params_1[p], params_2[p]) != (key_1, key_2) or type(params_1[p]) is not type(key_1) for p in differ):
            return None  # a parameter that follows the key without being it (key + 1, say, or bool(key))
        if any(isinstance(value, date | time) for value in params_1):
            return None  # the day or the time, read when the query was built: not a constant of the code
        return sql_1, params_1, differ, keys

    def __call__(self, key, *, using: str = DEFAULT_DB_ALIAS) -> dict:
        if using not in self.compiled:
            return self._run_and_record(key, using)
        compiled = self.compiled[using]
        if compiled is None:
            return self.query(key)
        sql, params, places, keys = compiled
        params = list(params)
        for place in places:
            params[place] = key
        connection = connections[using]
        with connection.cursor() as cursor:
            prepared.execute(cursor, connection, sql, params, varying=places)
            return dict(zip(keys, cursor.fetchone(), strict=True))


ANY_SIZE = "any number of ids"  # PageQuery.compiled's key of its statement for any number of ids


class PageQuery:
    """A values() query over the ids of a page, compiled to SQL once per process (see below: per number of ids or not).

    Compiling a query in the ORM costs more than running it for one page: `build(ids)` gives the values()
    queryset, compiled once with stand-in ids; afterwards only the ids change, and the columns the ORM converts
    (JSON, and dates on SQLite) go through the same converters. Annotated querysets fall back to the ORM unless
    `annotations` says theirs are constants of the code too; so does a query where a stand-in is not found exactly
    once among the parameters.

    Only for queries whose other parameters are constants of the code: one that read the time, the language or a
    request would keep the values of its first compilation for the life of the process.

    On PostgreSQL two ids or more are one parameter, an array (`"id" = ANY(%s)` for the ORM's `"id" IN (%s, %s…)`):
    one statement for any number, planned once per connection, where a statement per number was planned again for
    each (a page's milestones, 40 to 140: 0.5 ms of planning, 0.06 of execution) and filled common.prepared.LIMIT.
    One id keeps `IN ($1)`, an equality planned for one row (a plan's commitments: 1.7 ms, 3.3 by `= ANY($1)`).
    Elsewhere, or when the ids are not one `IN` list, a statement is kept per number of ids up to `up_to` (a page's
    rows); more ids go through the ORM."""

    def __init__(self, build, *, up_to: int = 100, annotations: bool = False):
        self.build = build
        self.up_to = up_to
        self.annotations = annotations
        self.compiled = {}  # {ANY_SIZE: (statement, the array's position) or None, number of ids: …}

    def _compile(self, size: int):
        stand_ins = [-n for n in range(1, size + 1)]
        statement = _statement(self.build(stand_ins), annotations=self.annotations)
        if statement is None:
            return None
        params = statement.params
        slots = {position: -value - 1 for position, value in enumerate(params) if value in stand_ins}
        if sorted(params[position] for position in slots) != sorted(stand_ins):
            return None  # a stand-in missing (keys that are not integers) or twice (a constant equal to one)
        return statement, slots

    def _compile_any_size(self):
        """The statement with the ids as one array and the array's position; None where it cannot be written so."""
        stand_ins = [-1, -2]
        queryset = self.build(stand_ins)
        if connections[queryset.db].vendor != "postgresql":
            return None
        statement = _statement(queryset, annotations=self.annotations)
        if statement is None:
            return None
        rewritten = prepared.as_array(statement.sql, statement.params, stand_ins)
        if rewritten is None:
            return None
        sql, params, position = rewritten
        array = _Statement(statement.alias, sql, params, statement.keys, statement.converters)
        return array, position

    def __call__(self, ids: list) -> list[dict]:
        size = len(ids)
        if not size:
            return []
        if size > self.up_to:
            return list(self.build(ids))
        # Integers only in an array: ['1', '2'] would be text[], where IN ('1', '2') let the column type them.
        arrayed = size > 1 and all(type(pk) is int for pk in ids)
        if arrayed and ANY_SIZE not in self.compiled:
            self.compiled[ANY_SIZE] = self._compile_any_size()
        if arrayed and self.compiled[ANY_SIZE] is not None:
            statement, position = self.compiled[ANY_SIZE]
            params = list(statement.params)
            params[position] = list(ids)
            return statement.run(params, varying=(position,))
        if size not in self.compiled:
            self.compiled[size] = self._compile(size)
        compiled = self.compiled[size]
        if compiled is None:
            return list(self.build(ids))
        statement, slots = compiled
        params = list(statement.params)
        for position, index in slots.items():
            params[position] = ids[index]
        return statement.run(params, varying=slots.keys())


class FixedQuery:
    """A values() query that depends on nothing a request brings (e.g. the options of a filter: every value in
    use), compiled to SQL once per process, with PageQuery's rules (constants only; annotations when told)."""

    def __init__(self, build, *, annotations: bool = False):
        self.build = build
        self.annotations = annotations
        self.statement = _UNCOMPILED

    def __call__(self) -> list[dict]:
        if self.statement is _UNCOMPILED:
            self.statement = _statement(self.build(), annotations=self.annotations)
        if self.statement is None:
            return list(self.build())
        return self.statement.run(self.statement.params)


_UNCOMPILED = object()


class _Statement:
    """A values() queryset's SQL, its parameters, its rows' keys and the ORM's converters of its columns."""

    def __init__(self, alias: str, sql: str, params: list, keys: list, converters: list):
        self.alias, self.sql, self.params, self.keys, self.converters = alias, sql, params, keys, converters
        self.texts = {}  # its prepared statement's name and text (common.prepared)

    def run(self, params: list, varying=()) -> list[dict]:
        """The rows for `params`, of which those at the positions `varying` change from call to call."""
        connection = connections[self.alias]
        with connection.cursor() as cursor:
            prepared.execute(cursor, connection, self.sql, params, varying, self.texts)
            rows = cursor.fetchall()
        if self.converters:
            rows = [_converted(list(row), self.converters, connection) for row in rows]
        # A row may hold more columns than keys: a DISTINCT's ordering, which values() leaves out too.
        keys, width = self.keys, len(self.keys)
        return [dict(zip(keys, row[:width], strict=True)) for row in rows]


def _statement(queryset, *, annotations: bool) -> _Statement | None:
    """The statement of a values() queryset, or None when it cannot be kept (extra(); annotations not allowed)."""
    query = queryset.query
    if query.extra_select or (query.annotation_select and not annotations):
        return None
    compiler = query.get_compiler(queryset.db)
    sql, params = compiler.as_sql()
    converters = list(compiler.get_converters([column for column, _sql, _alias in compiler.select]).items())
    # The rows' keys as values() names them: fields, then annotations (unless values() listed them in its order).
    keys = list(query.selected) if query.selected else [*query.values_select, *query.annotation_select]
    return _Statement(queryset.db, sql, list(params), keys, converters)


def _converted(row: list, converters: list, connection) -> list:
    """A row's values through the ORM's converters (as SQLCompiler.apply_converters)."""
    for position, (functions, expression) in converters:
        value = row[position]
        for function in functions:
            value = function(value, expression, connection)
        row[position] = value
    return row
