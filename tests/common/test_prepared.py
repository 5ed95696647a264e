"""Statements compiled once are prepared on the PostgreSQL connection, with the same rows and query counts."""

import pytest
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext

from commitments.models import Member
from common import prepared
from common.db import PageQuery
from tests.factories import MemberFactory

ROWS = PageQuery(lambda ids: Member.objects.filter(pk__in=ids).values("id", "name", "joined_year"))


def _prepared_on_server() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM pg_prepared_statements")
        return {name for (name,) in cursor.fetchall()}


def test_a_page_of_rows_is_read_through_a_prepared_statement_counted_once(postgres):
    members = MemberFactory.create_batch(3)
    ids = [member.pk for member in members]
    expected = sorted((m.pk, m.name, m.joined_year) for m in members)
    sent = []
    for _ in range(8):  # past the five runs after which PostgreSQL may keep a generic plan
        with CaptureQueriesContext(connection) as queries:
            rows = ROWS(ids)
        assert sorted((r["id"], r["name"], r["joined_year"]) for r in rows) == expected
        assert len(queries) == 1
        sent.append(queries[0]["sql"])
    assert sent[0].startswith("SELECT")  # the first use on a connection is sent as it is
    assert all(sql.startswith("EXECUTE ogp_") for sql in sent[1:])
    # The statement's SQL (placeholders for the ids) follows as a comment: logs and tests still read it.
    # The ids are one parameter, an array: one statement for any number of ids.
    assert sent[0].split(" = ANY(")[0] in sent[1] and '"id" = ANY(%s)' in sent[1]
    assert sent[1].split("(")[0].removeprefix("EXECUTE ") in _prepared_on_server()


def test_only_the_ids_are_parameters_of_the_prepared_statement(postgres):
    """A constant of the code is written into the statement, so PostgreSQL types it as in the query itself."""
    member = MemberFactory(joined_year=2011)
    after = PageQuery(lambda ids: Member.objects.filter(pk__in=ids, joined_year__gt=2010).values("id"))
    for _ in range(3):
        assert after([member.pk]) == [{"id": member.pk}]
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement, parameter_types::text[] FROM pg_prepared_statements WHERE statement LIKE %s",
                       ['%"joined_year" > %'])  # fmt: skip
        (statement, types), *_ = cursor.fetchall()
    assert '"joined_year" > 2010 AND' in statement and types == ["bigint"]


def test_a_new_connection_prepares_again(postgres):
    member = MemberFactory()
    for _ in range(2):
        assert ROWS([member.pk])[0]["name"] == member.name
    connections["default"].__dict__["prepared_statements"] = set()  # as connection_created leaves it
    with connection.cursor() as cursor:
        cursor.execute("DEALLOCATE ALL")
    for _ in range(2):
        assert ROWS([member.pk])[0]["name"] == member.name  # prepared again, not "does not exist"


def test_a_literal_percent_and_a_refused_statement_keep_the_transaction_usable(postgres):
    member = MemberFactory(name="100% open")
    like = PageQuery(lambda ids: Member.objects.filter(pk__in=ids, name__contains="%").values("id", "name"))
    for _ in range(3):
        assert like([member.pk]) == [{"id": member.pk, "name": "100% open"}]

    with connection.cursor() as cursor:
        for _ in range(3):
            # A parameter whose type PostgreSQL cannot tell: PREPARE refuses it, the statement is sent as it is.
            prepared.execute(cursor, connections["default"], "SELECT %s IS NULL", [None], varying=[0])
            assert cursor.fetchone() == (True,)
        name = prepared._statement(cursor, "SELECT %s IS NULL", [None], {0})[0]
        assert name in prepared._UNPREPARABLE  # refused once, then not tried again
        cursor.execute("SELECT 1")  # the transaction was not aborted by the refusal
        assert cursor.fetchone() == (1,)


def test_comment_marks_in_the_sql_do_not_break_the_execute(postgres):
    with connection.cursor() as cursor:
        for _ in range(3):
            sql = 'SELECT %s::int + 1 AS "a*/b/*c"'
            prepared.execute(cursor, connections["default"], sql, [1], varying=[0])
            assert cursor.fetchone() == (2,)
        for _ in range(3):  # no varying parameter: the EXECUTE has no arguments, a literal % in the comment
            prepared.execute(cursor, connections["default"], "SELECT '100%%' AS \"/*\"", [])
            assert cursor.fetchone() == ("100%",)


def test_the_limit_of_a_connection_sends_further_statements_as_they_are(postgres, monkeypatch):
    monkeypatch.setattr(prepared, "LIMIT", 0)
    member = MemberFactory()
    rows = PageQuery(lambda ids: Member.objects.filter(pk__in=ids).values("id", "slug"))  # not prepared before
    with CaptureQueriesContext(connection) as queries:
        for _ in range(3):
            assert rows([member.pk, member.pk + 1000])[0]["id"] == member.pk
    assert not any(q["sql"].startswith("EXECUTE") for q in queries)


class _Mogrify:
    def mogrify(self, sql, params):
        return repr(params[0]).encode()


@pytest.mark.parametrize(
    "sql, numbered",
    [
        ("a = %s AND b = %s AND c = %s", "a = $1 AND b = 'x' AND c = $2"),
        ("x LIKE '%%a' OR y = %s", "x LIKE '%a' OR y = $1"),
    ],
)
def test_varying_placeholders_are_numbered_and_constants_written_in(sql, numbered):
    params = [1, "x", 3] if sql.count("%s") == 3 else [1]
    varying = {0, 2} if len(params) == 3 else {0}
    assert prepared._prepared_sql(_Mogrify(), sql, params, varying) == numbered


def test_a_statement_kept_by_its_caller_is_written_once_and_reads_each_calls_rows(postgres, monkeypatch):
    """`texts`: the name and text of a statement whose constants never change are kept beside it, per set of varying
    positions; each call still sends its own values."""
    members = MemberFactory.create_batch(3)
    reader = PageQuery(lambda ids: Member.objects.filter(pk__in=ids, name__startswith="").values("id", "name"))
    written = []
    original = prepared._statement
    monkeypatch.setattr(prepared, "_statement", lambda *args: written.append(args[1]) or original(*args))
    with CaptureQueriesContext(connection) as queries:
        for _ in range(3):
            for member in members:
                assert reader([member.pk]) == [{"id": member.pk, "name": member.name}]
    assert len(written) == 1  # the first call's; the others read it from the statement's `texts`
    assert sum(q["sql"].startswith("EXECUTE ") for q in queries) == 8  # prepared at its second use


@pytest.mark.parametrize(
    "sql, params, written",
    [
        ('SELECT 1 WHERE "id" IN (%s, %s)', [-1, -2], ('SELECT 1 WHERE "id" = ANY(%s)', [None], 0)),
        (
            "SELECT '%%' WHERE a = %s AND \"id\" IN (%s, %s) AND b > %s",
            [7, -1, -2, 3],
            ("SELECT '%%' WHERE a = %s AND \"id\" = ANY(%s) AND b > %s", [7, None, 3], 1),
        ),
        ('SELECT 1 WHERE "id" IN (%s, %s) AND b = %s', [-1, -2, -1], None),  # a constant equal to an id
        ('SELECT 1 WHERE "id" IN (%s, %s) OR "x" IN (%s, %s)', [-1, -2, -1, -2], None),  # two lists
        ('SELECT 1 WHERE "id" IN (%s, %s)', [-2, -1], None),  # not the ids, in their order
        ('SELECT 1 WHERE "id" = %s', [-1], None),
    ],
)
def test_the_ids_of_an_in_list_become_one_array(sql, params, written):
    assert prepared.as_array(sql, params, [-1, -2]) == written


def test_any_number_of_ids_is_one_prepared_statement(postgres):
    members = MemberFactory.create_batch(6)
    ids = [member.pk for member in members]
    rows = PageQuery(lambda ids: Member.objects.filter(pk__in=ids).values("id", "kind"))  # not prepared before
    with CaptureQueriesContext(connection) as queries:
        for _ in range(3):
            for size in (2, 3, 5, 6):
                assert sorted(row["id"] for row in rows(ids[:size])) == ids[:size]
    # ids given as text (a key from an address, say) are typed by the column, as in an IN list
    assert sorted(row["id"] for row in rows([str(pk) for pk in ids[:3]] * 4)) == ids[:3]
    executed = {q["sql"].split("(")[0] for q in queries if q["sql"].startswith("EXECUTE ")}
    assert len(queries) == 12 and len(executed) == 1
