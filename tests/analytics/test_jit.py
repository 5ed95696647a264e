"""The figures' queries run without PostgreSQL's JIT: off on every connection (settings), or one SET LOCAL when it
is on for the connection (DB_JIT, or a pooler that dropped the connection's options)."""

import pytest
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext

from analytics.selectors import without_jit
from tests.conftest import require

pytestmark = pytest.mark.django_db


def _inside_without_jit() -> tuple[list[str], str]:
    with CaptureQueriesContext(connection) as captured, without_jit(), connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        shown = cursor.fetchone()[0]
    return [q["sql"] for q in captured][:-1], shown  # what without_jit sent, then what the figures would see


def test_with_jit_off_on_the_connection_the_figures_send_nothing_more_than_one_question():
    require(connection.vendor == "postgresql", "needs PostgreSQL (DATABASE_URL)")
    connection.ogp_jit_off = None  # not asked on this connection yet
    assert _inside_without_jit() == (["SHOW jit"], "off")
    assert _inside_without_jit() == ([], "off")  # the answer kept for the connection


def test_with_jit_on_for_the_connection_the_figures_turn_it_off_for_their_transaction():
    require(connection.vendor == "postgresql", "needs PostgreSQL (DATABASE_URL)")
    with connection.cursor() as cursor:
        cursor.execute("SET jit = on")  # as with DB_JIT, or behind a pooler that dropped `-c jit=off`
    connection.ogp_jit_off = None
    sent, shown = _inside_without_jit()
    assert shown == "off" and sent[0] == "SHOW jit" and "SET LOCAL jit = off" in sent


def test_a_new_connection_is_asked_as_it_opens_not_in_a_page():
    require(connection.vendor == "postgresql", "needs PostgreSQL (DATABASE_URL)")
    opened = connections.create_connection("default")
    try:
        opened.ensure_connection()
        assert opened.ogp_jit_off == (opened.connection, True)
    finally:
        opened.close()
