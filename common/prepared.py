"""Statements the code sends again and again, prepared once per PostgreSQL connection.

The statements compiled once per process (common.db: a page's rows by ids, a filter's options, a member's
figures) joined up to eight tables, and PostgreSQL planned each of them again at every request: planning cost
more than running them (a commitment's row for the API, 0.86 ms a request with its plan). Prepared on the
connection (`PREPARE`) at its second use there, a statement is planned for its parameters during its first five
runs, then its plan is kept when it costs no more than theirs (PostgreSQL's `plan_cache_mode = auto`).

Only the parameters that change from call to call (a page's ids, a member's key: values read from rows, which
fit their columns) become the prepared statement's parameters; the others, constants of the code, are written
into it as the driver writes them into any query, so that PostgreSQL types and plans them as before (a
parameter of PREPARE takes the type its context suggests: a float compared with an integer column would become
an integer).

A statement is prepared by a cursor of the driver itself, which Django does not count: a page sends and counts
the same queries as before (`EXECUTE`, followed by the statement's SQL as a comment, for logs and tests). Prepared
statements belong to the connection: a new connection (`connection_created`) starts with none; a transaction's
rollback keeps them. A migration that changes the type of a column a prepared statement returns makes its next
runs fail until the connection is replaced (at most `CONN_MAX_AGE`): restart the web processes after migrating,
as a deployment does. Behind a pooler in transaction mode (PgBouncer's), sessions are shared and this must be
off: `DB_PREPARED_STATEMENTS=0` (docs/OPERATIONS.md).
"""

import hashlib
import re

from django.conf import settings
from django.db.backends.signals import connection_created

# A connection keeps at most this many (statements kept per number of ids, where their ids cannot be one array,
# make one per number: common.db.PageQuery): beyond it, statements are sent as they are.
LIMIT = 300
PLACEHOLDER = re.compile(r"%%|%s")  # a literal percent, or a parameter
_COMMENT_MARK = re.compile(r"(?<=[/*])(?=[/*])")
_UNPREPARABLE = set()  # statements PostgreSQL refused to prepare for what they say (SQLSTATE class 42)
_TEXTS = {}  # (sql, varying positions, constants) -> (name, text to prepare, comment)
_IN_ERROR = 3  # psycopg2.extensions.TRANSACTION_STATUS_INERROR
# SQLSTATE classes of a refusal that may not happen again: connection, rollback, resources, object state, operator.
_TRANSIENT = ("08", "40", "53", "55", "57")


def _forget(sender, connection, **kwargs):
    connection.__dict__["prepared_statements"] = set()
    connection.__dict__["statement_uses"] = {}


connection_created.connect(_forget, dispatch_uid="prepared-statements-of-a-new-connection")


def _prepared_sql(cursor, sql: str, params: list, varying: set) -> str:
    """The statement with the varying parameters as $1, $2… and the others written in as literals."""
    position, number = -1, 0

    def replace(match):
        nonlocal position, number
        if match.group(0) == "%%":
            return "%"
        position += 1
        if position in varying:
            number += 1
            return f"${number}"
        return cursor.mogrify("%s", [params[position]]).decode()

    return PLACEHOLDER.sub(replace, sql)


def as_array(sql: str, params: list, values: list) -> tuple[str, list, int] | None:
    """`sql` with its `IN (%s, …)` of exactly `values` (found once, and nowhere else among the parameters) written
    `= ANY(%s)`: its parameters with one in place of the list (None, for the caller's array), and that one's
    position. None when the values are not one such list."""
    listed = f" IN ({', '.join(['%s'] * len(values))})"
    if sql.count(listed) != 1:
        return None
    before, after = sql.split(listed)
    position = sum(1 for mark in PLACEHOLDER.findall(before) if mark == "%s")
    end = position + len(values)
    others = [*params[:position], *params[end:]]
    if params[position:end] != values or any(value in values for value in others):
        return None
    return f"{before} = ANY(%s){after}", [*params[:position], None, *params[end:]], position


def _statement(cursor, sql: str, params: list, varying: set) -> tuple[str, str, str]:
    """The statement's name, its text to prepare and the comment its EXECUTE carries (kept per process)."""
    # By type and repr: True, 1 and Decimal("1.0") are equal in Python, not in the statement written.
    constants = tuple((type(p), repr(p)) for i, p in enumerate(params) if i not in varying)
    key = (sql, tuple(sorted(varying)), constants)
    known = _TEXTS.get(key)
    if known is None:
        text = _prepared_sql(cursor, sql, params, varying)
        name = "ogp_" + hashlib.sha1(text.encode(), usedforsecurity=False).hexdigest()[:24]
        # A comment ends at the first */ and nests at each /*: both are broken up by a space.
        quoted = _COMMENT_MARK.sub(" ", sql).replace("%", "%%")
        known = (name, text, f" /* {quoted} */")
        if len(_TEXTS) >= 4 * LIMIT:
            _TEXTS.clear()
        _TEXTS[key] = known
    return known


def _prepare(connection, name: str, text: str) -> bool:
    """PREPARE on the driver's own cursor; inside a transaction, behind a savepoint (a refusal must not abort
    the request's transaction). False when PostgreSQL refuses it."""
    raw = connection.connection
    inside = not raw.autocommit
    with connection.wrap_database_errors, raw.cursor() as cursor:
        if inside:
            cursor.execute("SAVEPOINT ogp_prepare")
        try:
            cursor.execute(f"PREPARE {name} AS {text}")
        except connection.Database.Error as error:
            if inside:
                cursor.execute("ROLLBACK TO SAVEPOINT ogp_prepare")
                cursor.execute("RELEASE SAVEPOINT ogp_prepare")
            code = getattr(error, "pgcode", None) or ""
            if code == "42P05":  # already prepared on this connection
                return True
            if code.startswith("42"):  # the statement itself (a parameter whose type cannot be told)
                _UNPREPARABLE.add(name)
            elif not code.startswith(_TRANSIENT):  # not tried again on this connection
                connection.__dict__.setdefault("statement_uses", {})[name] = float("-inf")
            return False
        if inside:
            cursor.execute("RELEASE SAVEPOINT ogp_prepare")
    return True


def _usable(connection) -> bool:
    raw = connection.connection
    return raw is not None and not connection.needs_rollback and raw.info.transaction_status != _IN_ERROR


def _worth_preparing(connection, name: str) -> bool:
    """At its second use on the connection (a statement used once, as rare page sizes are, is not kept), within
    LIMIT, and while the transaction can take a savepoint."""
    if name in _UNPREPARABLE or len(connection.__dict__["prepared_statements"]) >= LIMIT:
        return False
    uses = connection.__dict__.setdefault("statement_uses", {})
    if len(uses) >= 4 * LIMIT:
        uses.clear()
    uses[name] = uses.get(name, 0) + 1
    return uses[name] >= 2 and _usable(connection)


def execute(cursor, connection, sql: str, params: list, varying=(), texts: dict | None = None) -> None:
    """cursor.execute(sql, params), through a statement prepared on the connection where it can be; `varying`:
    the positions of the parameters that change from call to call (the others are constants of the code).

    `texts`: a dict the caller keeps beside a statement whose other parameters never change, where its name and
    text to prepare are kept per set of varying positions (written once, not looked up again by their constants:
    39 µs a call for a statement of 77 parameters)."""
    if connection.vendor != "postgresql" or not settings.PREPARED_STATEMENTS:
        cursor.execute(sql, params)
        return
    varying = set(varying)
    if texts is None:
        name, text, comment = _statement(cursor, sql, params, varying)
    else:
        positions = frozenset(varying)
        known = texts.get(positions)
        if known is None:
            known = texts[positions] = _statement(cursor, sql, params, varying)
        name, text, comment = known
    prepared = connection.__dict__.setdefault("prepared_statements", set())
    if name not in prepared:
        if not (_worth_preparing(connection, name) and _prepare(connection, name, text)):
            cursor.execute(sql, params)
            return
        prepared.add(name)
    arguments = [params[position] for position in sorted(varying)]
    placeholders = f"({', '.join(['%s'] * len(arguments))})" if arguments else ""
    cursor.execute(f"EXECUTE {name}{placeholders}{comment}", arguments)
