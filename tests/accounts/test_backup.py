"""The documented backup and restore (bin/backup, bin/restore) bring back every row and file."""

import os
import subprocess
from pathlib import Path

import psycopg2
import pytest
from django.db import connection

from tests.conftest import database_url, raw_postgres, require
from tests.factories import MilestoneFactory, ProgressUpdateFactory, UserFactory

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[2]


# Table names come from pg_tables, not from input.
TABLE_FINGERPRINT = "SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM \"{}\" t"


def _fingerprint(url: str) -> dict[str, tuple[int, str]]:
    """Rows and an MD5 of the ordered contents of every table."""
    result = {}
    with psycopg2.connect(url) as conn, conn.cursor() as cursor:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
        for (table,) in cursor.fetchall():
            cursor.execute(TABLE_FINGERPRINT.format(table))
            result[table] = cursor.fetchone()
    return result


def test_backup_then_restore_into_an_empty_database_loses_nothing(transactional_db, tmp_path):
    require(connection.vendor == "postgresql", "needs PostgreSQL (set DATABASE_URL)")
    require(subprocess.run(["which", "pg_dump"], capture_output=True).returncode == 0, "needs pg_dump")
    for _ in range(3):
        ProgressUpdateFactory(commitment=MilestoneFactory().commitment, author=UserFactory())
    media = tmp_path / "media"
    (media / "attachments").mkdir(parents=True)
    (media / "attachments" / "proposal.pdf").write_bytes(b"%PDF-1.4 test")
    source = database_url()
    target_name = f"{connection.settings_dict['NAME']}_restore"
    admin = raw_postgres("postgres")
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{target_name}"')
        cursor.execute(f'CREATE DATABASE "{target_name}"')
    try:
        env = {**os.environ, "DATABASE_URL": source, "MEDIA_ROOT": str(media)}
        subprocess.run(["bin/backup", str(tmp_path / "backup")], cwd=ROOT, env=env, check=True, capture_output=True)
        restored_media = tmp_path / "restored-media"
        env = {**os.environ, "DATABASE_URL": database_url(target_name), "MEDIA_ROOT": str(restored_media)}
        subprocess.run(["bin/restore", str(tmp_path / "backup")], cwd=ROOT, env=env, check=True, capture_output=True)

        before, after = _fingerprint(source), _fingerprint(database_url(target_name))
        assert before == after
        assert before["commitments_progressupdate"][0] == 3 and before["accounts_user"][0] >= 3
        assert (restored_media / "attachments" / "proposal.pdf").read_bytes() == b"%PDF-1.4 test"
    finally:
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{target_name}"')
        admin.close()
