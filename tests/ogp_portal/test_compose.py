"""docker-compose.yml describes the production-like stack (Docker cannot run here, so its shape is checked)."""

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
SERVICES = COMPOSE["services"]


def test_the_stack_has_its_five_services():
    assert set(SERVICES) >= {"postgres", "redis", "web", "worker", "beat"}
    assert SERVICES["postgres"]["image"].startswith("postgres:")
    assert SERVICES["redis"]["image"].startswith("redis:")


def test_web_runs_gunicorn_and_worker_and_beat_run_celery():
    web = " ".join(SERVICES["web"]["command"])
    assert "gunicorn" in web and "ogp_portal.wsgi" in web
    assert SERVICES["worker"]["command"][:4] == ["celery", "-A", "ogp_portal", "worker"]
    assert SERVICES["beat"]["command"][:4] == ["celery", "-A", "ogp_portal", "beat"]


def test_app_services_share_one_image_and_the_service_urls():
    for name in ("web", "worker", "beat"):
        service = SERVICES[name]
        assert service["image"] == SERVICES["web"]["image"]
        env = {**COMPOSE.get("x-app-env", {}), **service.get("environment", {})}
        assert env["DATABASE_URL"].startswith("postgres://") and "@postgres:5432/" in env["DATABASE_URL"]
        assert env["REDIS_URL"].startswith("redis://redis:6379")
        assert env["DJANGO_SETTINGS_MODULE"] == "ogp_portal.settings.production"
        conditions = service["depends_on"]
        assert conditions["postgres"]["condition"] == "service_healthy"
        assert conditions["redis"]["condition"] == "service_healthy"


def test_every_service_has_a_health_check_and_workers_scale():
    for name in ("postgres", "redis", "web", "worker"):
        assert SERVICES[name]["healthcheck"]["test"], name
    # `docker compose up --scale worker=N` needs a worker without a fixed name or published port.
    assert "container_name" not in SERVICES["worker"] and "ports" not in SERVICES["worker"]
    assert SERVICES["beat"].get("deploy", {}).get("replicas", 1) == 1


def test_the_image_installs_weasyprint_libraries_and_collects_static_files():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "FROM python:3.11" in dockerfile
    for package in ("libpango-1.0-0", "libpangoft2-1.0-0"):
        assert package in dockerfile
    assert "collectstatic" in dockerfile and "requirements.txt" in dockerfile
