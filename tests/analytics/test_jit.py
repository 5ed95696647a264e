"""The figures' queries run without PostgreSQL's JIT: off on every connection (settings), or one SET LOCAL when a
deployment turned it on (DB_JIT)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from analytics.selectors import without_jit
from tests.conftest import require

pytestmark = pytest.mark.django_db


def _inside_without_jit() -> tuple[list[str], str]:
    with CaptureQueriesContext(connection) as captured, without_jit(), connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        shown = cursor.fetchone()[0]
    return [q["sql"] for q in captured if q["sql"] != "SHOW jit"], shown


def test_with_jit_off_on_the_connection_the_figures_send_nothing_more():
    require(connection.vendor == "postgresql", "needs PostgreSQL (DATABASE_URL)")
    sent, shown = _inside_without_jit()
    assert (sent, shown) == ([], "off")


def test_with_jit_turned_on_the_figures_turn_it_off_for_their_transaction(monkeypatch):
    require(connection.vendor == "postgresql", "needs PostgreSQL (DATABASE_URL)")
    options = {**connection.settings_dict["OPTIONS"], "options": "-c max_parallel_workers_per_gather=0"}
    monkeypatch.setitem(connection.settings_dict, "OPTIONS", options)  # as DB_JIT=1 writes it
    with connection.cursor() as cursor:
        cursor.execute("SET jit = on")
    sent, shown = _inside_without_jit()
    assert shown == "off" and "SET LOCAL jit = off" in sent
