"""Access control, generated from the URLconf: every write × every role, and the private pages.

Each URL pattern (the API router's included) must have a line in tests/security/matrix.py; a new view
without one fails `test_every_url_pattern_has_a_rule_in_the_matrix`. For each write, the roles the
table allows get through (no 401/403/404, no trip to the login page); every other role is refused
(403/404, or the login page for anonymous visitors), the database does not change, and the refusal
shows none of the object's private text.
"""

import json

import pytest
from django.apps import apps
from django.core.cache import cache
from django.db import connection, transaction
from django.urls import reverse

from tests.security.endpoint import ANONYMOUS, ROLES
from tests.security.matrix import ENDPOINTS, WRITES
from tests.security.urlconf import declared_write_methods, is_excluded, url_patterns
from tests.security.world import SECRETS

pytestmark = pytest.mark.django_db

LOGIN_PATH = "/accounts/login/"

SNAPSHOT_APPS = (
    "common",
    "accounts",
    "commitments",
    "consultations",
    "irm_reports",
    "grants",
    "support",
    "cycle",
    "monitoring",
    "drafting",
    "peers",
    "notifications",
    "partnership",
)
PRIVATE_READS = sorted(name for name, endpoint in ENDPOINTS.items() if endpoint.read not in (None, frozenset(ROLES)))


def _patterns():
    return [(route, name, callback) for route, name, callback in url_patterns() if not is_excluded(route, name)]


def test_every_url_pattern_has_a_rule_in_the_matrix():
    """A view or API endpoint added to the URLconf without a line in the matrix fails here, by name."""
    missing = sorted({f"{name or route}" for route, name, _cb in _patterns() if name not in ENDPOINTS})
    assert not missing, "\n".join(
        f"new view {name} has no rule in the matrix (tests/security/matrix.py)" for name in missing
    )
    stale = sorted(set(ENDPOINTS) - {name for _route, name, _cb in _patterns()})
    assert not stale, f"the matrix lists URL names that no longer exist: {stale}"


def test_every_write_method_a_view_answers_is_in_the_matrix():
    """A view that starts accepting POST/PUT/PATCH/DELETE needs a write rule for that method."""
    undeclared = []
    for _route, name, callback in _patterns():
        endpoint = ENDPOINTS[name]
        for method in declared_write_methods(callback):
            if method not in endpoint.writes and method not in endpoint.refused_methods:
                undeclared.append(f"{name} {method.upper()}")
    assert not undeclared, f"write methods without a rule in the matrix: {sorted(set(undeclared))}"


def _snapshot_tables() -> list[str]:
    return [
        model._meta.db_table for app_label in SNAPSHOT_APPS for model in apps.get_app_config(app_label).get_models()
    ]


def _snapshot() -> dict:
    """What the project's own tables (users, members, plans, consultations, reports…) went through: on PostgreSQL,
    the rows this transaction inserted, updated and deleted in each (pg_stat_xact_user_tables: one query, and a
    write that stores the same values still counts); elsewhere every row."""
    tables = _snapshot_tables()
    if connection.vendor != "postgresql":
        with connection.cursor() as cursor:
            return {table: _rows(cursor, table) for table in tables}
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname, n_tup_ins, n_tup_upd, n_tup_del FROM pg_stat_xact_user_tables WHERE relname = ANY(%s)",
            [tables],
        )
        return {table: tuple(counts) for table, *counts in cursor.fetchall()}


def _rows(cursor, table: str) -> list:
    cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)} ORDER BY 1")  # noqa: S608 (model tables)
    return cursor.fetchall()


def _send(client, endpoint, url: str, method: str, world):
    payload = endpoint.payload(world) if callable(endpoint.payload) else endpoint.payload
    if endpoint.api:
        return getattr(client, method)(url, data=json.dumps(payload), content_type="application/json")
    return getattr(client, method)(url, data=payload)


def _refused(response, role: str, api: bool) -> bool:
    if response.status_code in (403, 404):
        return True
    if role != ANONYMOUS:
        return False
    if api:
        return response.status_code == 401
    return response.status_code == 302 and response["Location"].startswith(LOGIN_PATH)


def _as(client, world, role: str):
    client.logout()
    if role != ANONYMOUS:
        client.force_login(world[role])


def _body(response) -> str:
    if getattr(response, "streaming", False):
        return ""
    return response.content.decode(errors="replace")


@pytest.mark.parametrize(("name", "method"), WRITES, ids=[f"{n}-{m}" for n, m in WRITES])
def test_a_write_is_allowed_to_its_roles_only(client, world, name, method):
    """Allowed roles get through; the others are refused, see no private text, and change nothing."""
    endpoint = ENDPOINTS[name]
    url = reverse(name, kwargs=endpoint.url_kwargs(world))
    allowed = endpoint.writes[method]
    problems = []
    for role in ROLES:
        cache.clear()  # rate-limit counters
        _as(client, world, role)
        with transaction.atomic():
            before = _snapshot()
            response = _send(client, endpoint, url, method, world)
            after = _snapshot()
            transaction.set_rollback(True)  # each role starts from the same world
        status = response.status_code
        if status >= 500:
            problems.append(f"{role}: server error {status}")
        elif role in allowed:
            if _refused(response, role, endpoint.api) or status == 401:
                problems.append(f"{role} should be allowed, got {status}")
        else:
            if not _refused(response, role, endpoint.api):
                problems.append(f"{role} should be refused, got {status}")
            changed = sorted(label for label in before if before[label] != after[label])
            if changed:
                problems.append(f"{role} was refused but changed {changed}")
            leaked = [key for key, text in SECRETS.items() if text in _body(response)]
            if leaked or world["owner"].email in _body(response):
                problems.append(f"{role} was refused but the response shows {leaked or 'the e-mail address'}")
    assert not problems, f"{method.upper()} {url} ({name}):\n" + "\n".join(problems)


@pytest.mark.parametrize("name", PRIVATE_READS)
def test_a_private_page_is_shown_to_its_roles_only(client, world, name):
    """Drafts, workspaces and unpublished reports: other users get 403/404 (or the login page), never data."""
    endpoint = ENDPOINTS[name]
    url = reverse(name, kwargs=endpoint.url_kwargs(world))
    problems = []
    for role in ROLES:
        _as(client, world, role)
        response = client.get(url)
        if response.status_code >= 500:
            problems.append(f"{role}: server error {response.status_code}")
        elif role in endpoint.read:
            if _refused(response, role, endpoint.api):
                problems.append(f"{role} should see it, got {response.status_code}")
        else:
            if not _refused(response, role, endpoint.api):
                problems.append(f"{role} should be refused, got {response.status_code}")
            leaked = [key for key, text in SECRETS.items() if text in _body(response)]
            if leaked:
                problems.append(f"{role} was refused but the response shows {leaked}")
    assert not problems, f"GET {url} ({name}):\n" + "\n".join(problems)
