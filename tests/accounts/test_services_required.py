"""Under REQUIRE_SERVICES=1 (CI), the suite really runs on PostgreSQL and Redis."""

import pytest

pytestmark = pytest.mark.integration


def test_the_suite_runs_on_postgresql(postgres):
    with postgres.cursor() as cursor:
        cursor.execute("SELECT version()")
        assert "PostgreSQL" in cursor.fetchone()[0]


def test_redis_answers(redis_url):
    import redis

    assert redis.Redis.from_url(redis_url).ping()
