"""The database connection's settings: no parallel workers per query and no JIT compilation on PostgreSQL unless
asked for."""

import json
import os
import subprocess
import sys

import pytest
from django.db import connection

from tests.conftest import require

pytestmark = pytest.mark.django_db


def test_postgresql_connections_run_queries_without_parallel_workers_nor_jit():
    require(connection.vendor == "postgresql", "needs PostgreSQL (DATABASE_URL)")
    with connection.cursor() as cursor:
        cursor.execute("SHOW max_parallel_workers_per_gather")
        assert cursor.fetchone()[0] == "0"
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"


def _options(**environ) -> dict:
    code = "import json, ogp_portal.settings.base as b; print(json.dumps(b.DATABASES['default'].get('OPTIONS', {})))"
    inherited = {k: v for k, v in os.environ.items() if k not in ("DB_JIT", "DB_MAX_PARALLEL_WORKERS")}
    env = {**inherited, "DEBUG": "1", **environ}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_workers_setting_keeps_the_options_of_the_database_url():
    url = "postgres://portal@db.example.org:5432/portal?options=-c%20statement_timeout%3D5000"
    assert _options(DATABASE_URL=url)["options"] == (
        "-c statement_timeout=5000 -c max_parallel_workers_per_gather=0 -c jit=off"
    )
    raised = _options(DATABASE_URL=url, DB_MAX_PARALLEL_WORKERS="2", DB_JIT="1")["options"]
    assert raised == "-c statement_timeout=5000 -c max_parallel_workers_per_gather=2"
    assert "options" not in _options(DATABASE_URL="sqlite:///portal.sqlite3")
