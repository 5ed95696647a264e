"""Settings come from the environment; production settings pass Django's deployment checks."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
UNSET = {"DEBUG", "SECRET_KEY", "DATABASE_URL", "REDIS_URL", "CACHE_URL", "SITE_URL"}
BASE_ENV = {k: v for k, v in os.environ.items() if k not in UNSET}
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "ogp_portal.settings.production",
    "SECRET_KEY": "k3y-" + "x9Qz!p" * 10,
    "ALLOWED_HOSTS": "portal.example.org",
    "SITE_URL": "https://portal.example.org",
}


def _settings(env: dict, *names: str) -> dict:
    """Read settings in a fresh interpreter with exactly this environment."""
    code = (
        "import json, django; from django.conf import settings; django.setup(); "
        f"print(json.dumps({{n: str(getattr(settings, n)) for n in {list(names)!r}}}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env={**BASE_ENV, **env}, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_debug_is_off_unless_set_and_then_a_secret_key_is_required():
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env={**BASE_ENV, "DJANGO_SETTINGS_MODULE": "ogp_portal.settings.local"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0 and "SECRET_KEY" in result.stderr
    values = _settings({"DJANGO_SETTINGS_MODULE": "ogp_portal.settings.local", "SECRET_KEY": "s" * 50}, "DEBUG")
    assert values["DEBUG"] == "False"


def test_embedded_default_is_sqlite_eager_celery_and_console_email():
    values = _settings(
        {"DJANGO_SETTINGS_MODULE": "ogp_portal.settings.local", "DEBUG": "1"},
        "DATABASES",
        "CELERY_TASK_ALWAYS_EAGER",
        "EMAIL_BACKEND",
        "MEDIA_ROOT",
    )
    assert "sqlite3" in values["DATABASES"] and "db.sqlite3" in values["DATABASES"]
    assert values["CELERY_TASK_ALWAYS_EAGER"] == "True"
    assert values["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend"
    assert values["MEDIA_ROOT"] == str(ROOT / "media")


def test_service_urls_switch_to_postgresql_and_a_redis_broker():
    values = _settings(
        {
            "DJANGO_SETTINGS_MODULE": "ogp_portal.settings.local",
            "DEBUG": "1",
            "DATABASE_URL": "postgres://portal:pw@db.internal:5432/portal",
            "REDIS_URL": "redis://cache.internal:6379/0",
            "MEDIA_ROOT": "/srv/media",
            "ALLOWED_HOSTS": "a.example.org,b.example.org",
        },
        "DATABASES",
        "CELERY_BROKER_URL",
        "CELERY_TASK_ALWAYS_EAGER",
        "MEDIA_ROOT",
        "ALLOWED_HOSTS",
        "CACHES",
    )
    assert "postgresql" in values["DATABASES"] and "db.internal" in values["DATABASES"]
    assert values["CELERY_BROKER_URL"] == "redis://cache.internal:6379/0"
    assert "ResilientRedisCache" in values["CACHES"] and "redis://cache.internal:6379/0" in values["CACHES"]
    assert values["CELERY_TASK_ALWAYS_EAGER"] == "False"
    assert values["MEDIA_ROOT"] == "/srv/media"
    assert values["ALLOWED_HOSTS"] == "['a.example.org', 'b.example.org']"


def _locations(env: dict) -> dict:
    """Each cache alias's LOCATION, read in a fresh interpreter."""
    result = subprocess.run(
        [sys.executable, "-c", "import json, django; from django.conf import settings; django.setup(); "
         "print(json.dumps({a: c.get('LOCATION', '') for a, c in settings.CACHES.items()}))"],
        cwd=ROOT, env={**BASE_ENV, "DJANGO_SETTINGS_MODULE": "ogp_portal.settings.local", "DEBUG": "1", **env},
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_cache_may_live_on_a_redis_of_its_own_and_the_rate_limits_stay_on_the_brokers():
    """CACHE_URL moves the cache off the broker's Redis; the broker, the task results and the rate-limit counters
    (which an evicting cache would drop) stay on REDIS_URL."""
    both = {"REDIS_URL": "redis://broker:6379/0", "CACHE_URL": "redis://cache:6379/0"}
    assert _locations(both) == {"default": "redis://cache:6379/0", "limits": "redis://broker:6379/0"}
    local = {"DJANGO_SETTINGS_MODULE": "ogp_portal.settings.local", "DEBUG": "1"}
    values = _settings({**local, **both}, "CELERY_BROKER_URL", "CELERY_RESULT_BACKEND")
    assert values["CELERY_BROKER_URL"] == values["CELERY_RESULT_BACKEND"] == "redis://broker:6379/0"
    # One Redis for everything by default; without a broker, tasks run in-process and the counters follow the cache.
    assert _locations({"REDIS_URL": "redis://one:6379/0"}) == {
        "default": "redis://one:6379/0",
        "limits": "redis://one:6379/0",
    }
    assert _locations({"CACHE_URL": "redis://cache:6379/0"}) == {
        "default": "redis://cache:6379/0",
        "limits": "redis://cache:6379/0",
    }
    eager = _settings({**local, "CACHE_URL": "redis://cache:6379/0"}, "CELERY_TASK_ALWAYS_EAGER")
    assert eager["CELERY_TASK_ALWAYS_EAGER"] == "True"
    assert _locations({}) == {"default": "", "limits": ""}  # the process's memory


def test_production_settings_pass_the_deployment_checks():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={**BASE_ENV, **PRODUCTION_ENV},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_the_public_address_sets_the_protocol_of_account_links():
    local = {"DJANGO_SETTINGS_MODULE": "ogp_portal.settings.local", "DEBUG": "1"}
    names = ("SITE_URL", "ACCOUNT_DEFAULT_HTTP_PROTOCOL")
    assert _settings(local, *names) == {"SITE_URL": "http://127.0.0.1:8000", "ACCOUNT_DEFAULT_HTTP_PROTOCOL": "http"}
    assert _settings({**local, "SITE_URL": "https://portal.example.org/"}, *names) == {
        "SITE_URL": "https://portal.example.org",
        "ACCOUNT_DEFAULT_HTTP_PROTOCOL": "https",
    }


def test_production_without_its_public_address_fails_the_deployment_checks():
    """Without SITE_URL, every e-mail would link to http://127.0.0.1:8000."""
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "SITE_URL"}
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={**BASE_ENV, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0 and "ogp_portal.W001" in result.stdout + result.stderr
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env={**BASE_ENV, **env, "SITE_URL": "portal.example.org/portal"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0 and "ogp_portal.E001" in result.stdout + result.stderr


def _in_production(code: str) -> str:
    """What `code` prints, run by a new Python process with the production settings (it must succeed)."""
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**BASE_ENV, **PRODUCTION_ENV},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


@pytest.mark.parametrize("module", ["ogp_portal.wsgi", "ogp_portal.celery"])
def test_entry_points_import_with_production_settings(module):
    _in_production(f"import {module}")


def test_the_web_entry_point_leaves_what_start_up_loaded_out_of_garbage_collections():
    """A gunicorn worker imports ogp_portal.wsgi: the URL patterns and their views are loaded there, and all that
    start-up loaded is frozen (gc.freeze), so that no full collection walks it again while requests are served."""
    printed = _in_production(
        "import gc, sys; import ogp_portal.wsgi; "
        "print(gc.get_freeze_count(), len(gc.get_objects()), 'consultations.views.public' in sys.modules)"
    )
    frozen, tracked, views_loaded = printed.split()
    assert views_loaded == "True"
    # gc.get_objects() leaves the frozen out: what is left tracked was loaded after the freeze.
    assert int(frozen) > 100_000 and int(tracked) < int(frozen) / 20
