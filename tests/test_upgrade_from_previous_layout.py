"""A database made by the release before the apps were laid out again (users in an app labelled `ogp_portal`,
the outbox among them) upgrades with `migrate` and keeps every row.

The previous release's code is taken from git, migrated and filled with its demo data, in PostgreSQL and in
SQLite (the embedded default); the current code then migrates the same database.
"""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import psycopg2
import pytest
from django.db import connection

from tests.conftest import ROOT, database_url, raw_postgres, require

pytestmark = pytest.mark.integration

# main before the layout changed (issue 12): ogp_portal held users, organisations and the outbox.
PREVIOUS_RELEASE = "859a701150ce1eb072fd0fb5e8e265cba9c650ed"
# Table names come from the catalogue, not from input.
FINGERPRINT = "SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM \"{}\" t"
COUNT = 'SELECT count(*) FROM "{}"'
# Where each former table lives now.
MOVED = {
    "ogp_portal_outgoingemail": "common_outgoingemail",
    "irm_reports_standardrequirement": "commitments_standardrequirement",
    "irm_reports_historicalstandardrequirement": "commitments_historicalstandardrequirement",
}
# Tables a migration is expected to change. Growing: the migration history; content types (relabelled too),
# permissions and the support unit's group, for the new models (a report's renderings). Compared by count:
# reports, whose rendering fields moved to their own rows (irm_reports 0009, 0010), import runs, which took
# the shared job fields, responses, which lost their notification stamp (consultations 0006).
GROWS = {"django_migrations", "sqlite_sequence", "django_content_type", "auth_permission", "auth_group_permissions"}
RELABELLED = {
    "irm_reports_report",
    "irm_reports_historicalreport",
    "irm_reports_importrun",
    "consultations_proposalresponse",
    "consultations_historicalproposalresponse",
    "consultations_consultation",  # consultations 0007: its counters of proposals, filled from the proposals
    # Search: a stored document (search_vector) or a name in Spanish (commitments 0011-0014, consultations 0010-0012).
    "commitments_actionplan",
    "commitments_commitment",
    "commitments_member",
    "commitments_historicalmember",
    "commitments_policyarea",
    "consultations_proposal",
    # The language of the text (commitments 0017, consultations 0013), the funding of a commitment (commitments
    # 0016), the unread count of notifications (accounts 0009): new columns, so every row's text changes.
    "commitments_historicalactionplan",
    "commitments_historicalcommitment",
    "consultations_comment",
    "consultations_historicalconsultation",
    "consultations_historicalproposal",
    "ogp_portal_user",
}


def _previous_release(folder: Path) -> Path:
    has_commit = subprocess.run(["git", "cat-file", "-e", PREVIOUS_RELEASE], cwd=ROOT, capture_output=True)
    require(has_commit.returncode == 0, "needs the git history of the project (a clone, not an archive)")
    archive = subprocess.run(["git", "archive", PREVIOUS_RELEASE], cwd=ROOT, capture_output=True, check=True)
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
    return folder


def _manage(code: Path, database: str, *args: str) -> str:
    env = {
        **os.environ,
        "DATABASE_URL": database,
        "DJANGO_SETTINGS_MODULE": "ogp_portal.settings.local",
        "DEBUG": "1",
        "REDIS_URL": "",
        "MEDIA_ROOT": str(code / "media"),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=code, env=env, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    return result.stdout


def _now_named(table: str) -> str:
    if table in MOVED:
        return MOVED[table]
    return "accounts_" + table.removeprefix("ogp_portal_") if table.startswith("ogp_portal_") else table


def _postgres_rows(url: str) -> dict[str, tuple[int, str]]:
    with psycopg2.connect(url) as conn, conn.cursor() as cursor:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
        tables = [name for (name,) in cursor.fetchall()]
        result = {}
        for table in tables:  # names come from pg_tables
            cursor.execute(FINGERPRINT.format(table))
            result[table] = cursor.fetchone()
    return result


def _sqlite_rows(path: Path) -> dict[str, tuple[int, str]]:
    with sqlite3.connect(path) as conn:
        tables = [name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {table: (conn.execute(COUNT.format(table)).fetchone()[0], "") for table in tables}


def _assert_nothing_lost(before: dict, after: dict) -> None:
    lost = []
    for table, (rows, digest) in before.items():
        now = _now_named(table)
        if now not in after:
            lost.append(f"{table} is gone (expected as {now})")
        elif after[now][0] < rows if table in GROWS else after[now][0] != rows:
            lost.append(f"{table} had {rows} rows, {now} has {after[now][0]}")
        elif table not in GROWS | RELABELLED and table not in MOVED and after[now][1] != digest:
            lost.append(f"the rows of {table} changed")
    assert lost == []
    assert not [table for table in after if table.startswith("ogp_portal_")]


def _assert_the_portal_reads_it(code: Path, url: str) -> None:
    out = _manage(
        code,
        url,
        "shell",
        "-c",
        "from accounts.models import User; from common.models import OutgoingEmail; "
        "from django.contrib.contenttypes.models import ContentType as C; "
        "poc = User.objects.filter(role='point_of_contact').first(); "
        "print(User.objects.count(), OutgoingEmail.objects.count(), poc.member.slug, "
        "C.objects.filter(app_label='ogp_portal').count())",
    )
    users, emails, member, stale_types = out.strip().splitlines()[-1].split()
    assert int(users) >= 3 and int(emails) >= 0 and member and stale_types == "0"


# Two releases' migrations run in full here: minutes on a busy machine, more than the suite's default limit.
@pytest.mark.timeout(900)
def test_a_postgresql_database_of_the_previous_release_upgrades_without_losing_a_row(db, tmp_path):
    require(connection.vendor == "postgresql", "needs PostgreSQL (set DATABASE_URL)")
    previous = _previous_release(tmp_path)
    name = "h_upgrade_previous_layout"
    admin = raw_postgres("postgres")
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{name}"')
    url = database_url(name)
    try:
        _manage(previous, url, "migrate", "-v0")
        _manage(previous, url, "seed_demo")
        before = _postgres_rows(url)
        assert before["ogp_portal_user"][0] >= 3
        assert "Renamed the former ogp_portal app" in _manage(ROOT, url, "migrate")
        _assert_nothing_lost(before, _postgres_rows(url))
        _assert_the_portal_reads_it(ROOT, url)
        assert "Renamed" not in _manage(ROOT, url, "migrate")  # once only
        # The models and the migrations agree (a property of the code: checked once, not again on SQLite).
        assert "No changes detected" in _manage(ROOT, url, "makemigrations", "--check", "--dry-run")
    finally:
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


@pytest.mark.timeout(900)
def test_an_embedded_sqlite_database_of_the_previous_release_upgrades_without_losing_a_row(tmp_path):
    previous = _previous_release(tmp_path / "previous")
    path = tmp_path / "db.sqlite3"
    url = f"sqlite:///{path}"
    _manage(previous, url, "migrate", "-v0")
    _manage(previous, url, "seed_demo")
    before = _sqlite_rows(path)
    assert "Renamed the former ogp_portal app" in _manage(ROOT, url, "migrate")
    _assert_nothing_lost(before, _sqlite_rows(path))
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    _assert_the_portal_reads_it(ROOT, url)
