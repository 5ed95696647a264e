"""Caching of derived data, invalidated by a content version.

Every write to the data behind a cached value bumps the version (model signals registered by the
apps, plus the services that write with QuerySet.update()), so a cached value is never older than
the last write; the timeout only bounds memory. Keys carry the version: old entries simply expire.
"""

import hashlib
import re
import time
from collections.abc import Callable
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime
from decimal import Decimal
from uuid import UUID

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import get_language

from common.redis_cache import cache_recovered

VERSION_KEY = "content-version"
# Tables whose every write bumps the content version (filled by register_content_models).
CONTENT_TABLES: set[str] = set()


def _fresh_version() -> int:
    """A version no earlier one can have had: the clock in microseconds. After Redis lost the key (a flush, an
    eviction, a new server), restarting at 1 would bring back versions the processes still hold values for in
    their own memory (common.widgets keeps choices per version); bumps are far fewer than microseconds."""
    return time.time_ns() // 1000


# Within a request (common.middleware.ContentVersionMiddleware), the version is read from Redis once: a list
# page asked for it five times (its fragments, its filter's options). A write of the request forgets it, so
# what the request shows after its own write is cached under the new version.
_request_version: ContextVar[dict | None] = ContextVar("content_version_of_the_request", default=None)


@contextmanager
def one_version_per_request():
    token = _request_version.set({})
    try:
        yield
    finally:
        _request_version.reset(token)


def content_version() -> int:
    known = _request_version.get()
    if known is None:
        return cache.get_or_set(VERSION_KEY, _fresh_version, timeout=None)
    if "version" not in known:
        known["version"] = cache.get_or_set(VERSION_KEY, _fresh_version, timeout=None)
    return known["version"]


def _bump() -> None:
    known = _request_version.get()
    if known is not None:
        known.clear()
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not set yet (or evicted): any fresh value invalidates what was cached
        cache.set(VERSION_KEY, _fresh_version(), timeout=None)


def bump_content_version(**_signal_kwargs) -> None:
    """Now, and again once the transaction commits: a reader that filled the cache from the
    not-yet-committed state in between would otherwise keep its stale value under the new version."""
    _bump()
    transaction.on_commit(_bump)


def _bump_after_outage(**_signal_kwargs) -> None:
    """Writes made while Redis was unreachable could not bump the version: bump it now."""
    _bump()


cache_recovered.connect(_bump_after_outage, dispatch_uid="content-version-after-cache-outage")


def cached(key: str, compute: Callable, *, timeout: int = 600):
    """compute(), cached under `key` for the current content version."""
    return cache.get_or_set(f"{key}:v{content_version()}", compute, timeout=timeout)


def register_content_models(*models) -> None:
    """Writes to these models (and their many-to-many tables) change the content version."""
    for model in models:
        name = model._meta.label
        CONTENT_TABLES.add(model._meta.db_table)
        post_save.connect(bump_content_version, sender=model, dispatch_uid=f"content-save-{name}")
        post_delete.connect(bump_content_version, sender=model, dispatch_uid=f"content-delete-{name}")
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(
                bump_content_version, sender=field.remote_field.through, dispatch_uid=f"content-m2m-{name}-{field.name}"
            )
            CONTENT_TABLES.add(field.remote_field.through._meta.db_table)


def versioned(key: str) -> str:
    """`key` for the current content version (for cache.get/set by hand, or template fragments)."""
    return f"{key}:v{content_version()}"


def cached_fragments(name: str, ids: list, render: Callable[[list], dict], *, timeout: int = 600) -> list:
    """The markup of each of `ids`, in their order, each kept under `name`, its id, the active language and the
    content version: the rows of a list, shared by every page that shows them (another filter, another page). One
    get_many for them all; `render(ids not found)` returns {id: markup} for the others, stored
    with one set_many. An id that render leaves out (deleted meanwhile) is left out."""
    language = get_language()
    keys = {pk: versioned(f"{name}:{language}:{pk}") for pk in ids}
    found = cache.get_many(list(keys.values())) if keys else {}
    missing = [pk for pk in ids if keys[pk] not in found]
    if missing:
        fresh = {keys[pk]: markup for pk, markup in render(missing).items()}
        cache.set_many(fresh, timeout)
        found.update(fresh)
    return [found[keys[pk]] for pk in ids if keys[pk] in found]


_READ_TABLE = re.compile(r'(?:FROM|JOIN)\s+"([^"]+)"')
# Columns of content tables that other writes keep with QuerySet.update(), without a new content version (a
# consultation's counters move with its proposals): a query that names one is never kept per version.
UNVERSIONED_COLUMNS: set[str] = set()
# The database's clock as Django's Now() writes it (PostgreSQL, SQLite), and SQL's own: a query of the moment or of
# the day (common.db.database_today()) reads another time at every statement, without a parameter that says so.
_CLOCK = re.compile(r"STATEMENT_TIMESTAMP\(|CURRENT_TIMESTAMP|CURRENT_DATE|LOCALTIMESTAMP|\bNOW\(|'NOW'", re.IGNORECASE)


def register_unversioned_columns(model, *names: str) -> None:
    """These columns of a content model change without changing the content version (see reads_content_only)."""
    UNVERSIONED_COLUMNS.update(f'"{model._meta.get_field(name).column}"' for name in names)


def reads_content_only(query, sql: str) -> bool:
    """Whether only a new content version can change what a query reads: every table it reads is content (the
    tables of its joins, and those its SQL names, for an EXISTS hides its tables from the query's joins), and it
    names no column kept without a new version (UNVERSIONED_COLUMNS: a quoted name anywhere in the SQL, an alias
    too, which only keeps less), nor the database's clock (_CLOCK)."""
    tables = {join.table_name for join in query.alias_map.values()} | set(_READ_TABLE.findall(sql))
    if not tables or not tables <= CONTENT_TABLES or _CLOCK.search(sql):
        return False
    return not any(column in sql for column in UNVERSIONED_COLUMNS)


# The parameters whose repr() is their value, so that two queries share a key only when they send the same values.
_KEYED = (str, int, float, Decimal, date, UUID, type(None))


def content_query_key(queryset) -> str | None:
    """A key of the rows `queryset` selects when only the content version can change them: every table it reads is
    content, and no parameter is a time (a filter on "now" is another query at every request). None otherwise."""
    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:
        return None
    if any(isinstance(p, datetime) or not isinstance(p, _KEYED) for p in params):
        return None  # the time, or a value whose text is not its value (an adapter's repr)
    if not reads_content_only(queryset.query, sql):
        return None
    return hashlib.sha256(f"{queryset.db}|{sql}|{params!r}".encode()).hexdigest()
