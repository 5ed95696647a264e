"""docker-compose.yml describes the production stack (Docker cannot run here, so its shape is checked;
tests/stack/ runs the same topology for real, with the same nginx configuration)."""

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
SERVICES = COMPOSE["services"]
LONG_RUNNING = ("postgres", "redis", "cache", "web", "worker", "beat", "nginx")


def _env(name: str) -> dict:
    return {**COMPOSE.get("x-app-env", {}), **SERVICES[name].get("environment", {})}


def _nginx_template() -> tuple[str, dict]:
    """The nginx configuration compose mounts, and nginx's environment that fills it."""
    nginx = SERVICES["nginx"]
    source = next(v.split(":")[0] for v in nginx["volumes"] if v.split(":")[1].startswith("/etc/nginx/templates/"))
    return (ROOT / source).read_text(), nginx["environment"]


def _locations(conf: str) -> dict[str, str]:
    """Each `location` block's body, by its match (braces of ${VARIABLES} balance, so counting works)."""
    blocks = {}
    for match in re.finditer(r"location\s+([^{]+)\{", conf):
        depth, end = 1, match.end()
        while depth:
            depth += {"{": 1, "}": -1}.get(conf[end], 0)
            end += 1
        blocks[match.group(1).strip()] = conf[match.end() : end - 1]
    return blocks


def test_the_stack_has_its_services():
    assert set(SERVICES) >= {"postgres", "redis", "migrate", "web", "worker", "beat", "nginx"}
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
        assert env["CACHE_URL"].startswith("redis://cache:6379")
        assert conditions["cache"]["condition"] == "service_healthy"


def _redis_options(name: str) -> dict:
    """The `--option value` pairs of a Redis service's command (compose's ${VAR:-default} read as its default)."""
    command = SERVICES[name]["command"]
    assert command[0] == "redis-server", name
    values = [re.sub(r"\$\{\w+:-([^}]*)\}", r"\1", value) for value in command[1:]]
    return dict(zip(values[::2], values[1::2], strict=True))


def test_the_cache_is_bounded_and_never_evicts_the_brokers_queues():
    """Pages fill the cache without end (one per address and language): on the broker's Redis they would grow until
    the queues ran out of memory. The cache has a Redis of its own that evicts what was least recently used."""
    cache, broker = _redis_options("cache"), _redis_options("redis")
    assert SERVICES["cache"]["image"].startswith("redis:")
    assert cache["--maxmemory-policy"] == "allkeys-lru"
    assert re.fullmatch(r"\d+(mb|gb)", cache["--maxmemory"]), cache
    assert cache["--appendonly"] == "no" and cache["--save"] == ""  # everything in it can be computed again
    assert "volumes" not in SERVICES["cache"]
    # The broker keeps its queues on disk and refuses writes rather than dropping a task.
    assert broker["--appendonly"] == "yes" and broker.get("--maxmemory-policy", "noeviction") == "noeviction"


def test_every_long_running_service_has_a_health_check_and_web_and_workers_scale():
    for name in LONG_RUNNING:
        assert SERVICES[name]["healthcheck"]["test"], name
    # `docker compose up --scale web=N --scale worker=N` needs services without a fixed name or host port.
    for name in ("web", "worker"):
        assert "container_name" not in SERVICES[name] and "ports" not in SERVICES[name], name
    assert SERVICES["beat"].get("deploy", {}).get("replicas", 1) == 1


def test_migrations_run_once_before_web_worker_and_beat():
    """A one-off service migrates; no replica migrates at start (two would race on the same tables)."""
    migrate = SERVICES["migrate"]
    assert migrate["command"] == ["python", "manage.py", "migrate", "--noinput"]
    assert migrate.get("restart") == "no" and "healthcheck" not in migrate
    for name in ("web", "worker", "beat"):
        assert SERVICES[name]["depends_on"]["migrate"]["condition"] == "service_completed_successfully", name
        assert "migrate" not in " ".join(SERVICES[name]["command"]), name


def test_nginx_is_the_only_way_in_and_knows_every_web_replica():
    nginx = SERVICES["nginx"]
    assert nginx["image"].startswith("nginx:") and nginx["depends_on"]["web"]["condition"] == "service_healthy"
    assert {p.split(":")[-1] for p in nginx["ports"]} == {"80", "443"}
    assert [name for name, service in SERVICES.items() if service.get("ports")] == ["nginx"]
    conf, env = _nginx_template()
    assert env["PORTAL_UPSTREAM_SERVERS"] == "server web:8000;" and "${PORTAL_UPSTREAM_SERVERS}" in conf
    assert "--bind 0.0.0.0:8000" in " ".join(SERVICES["web"]["command"])
    # Every app process knows it is behind one proxy and where the portal is.
    for name in ("web", "worker", "beat", "migrate"):
        assert _env(name)["PROXY_COUNT"] == "1" and "SITE_URL" in _env(name), name


def test_nginx_serves_private_files_only_after_a_view_checked_the_permission():
    """The media folder is reachable only through nginx's internal location, which the views' prefix
    names, and sends them sandboxed; /media/ publishes nothing; uploads up to 60 MB pass."""
    conf, env = _nginx_template()
    media = next(v for v in SERVICES["web"]["volumes"] if v.startswith("media:")).split(":")[1]
    assert _env("web")["MEDIA_ROOT"] == media
    assert next(v for v in SERVICES["nginx"]["volumes"] if v.startswith("media:")) == f"media:{media}:ro"
    assert env["PRIVATE_FILES_ROOT"] == media + "/"
    locations = _locations(conf)
    prefix = _env("web")["PRIVATE_FILES_ACCEL_PREFIX"]
    private = locations[f"^~ {prefix}"]
    assert "internal;" in private and "alias ${PRIVATE_FILES_ROOT};" in private
    serving = [where for where, body in locations.items() if re.search(r"\b(alias|root)\b", body)]
    assert serving == [f"^~ {prefix}"]
    assert "return 404;" in locations["^~ /media/"]
    assert re.search(r"client_max_body_size\s+60m;", conf)
    # nginx drops Django's security headers from a file it serves; the location sets its own. A location
    # with add_header inherits none from the server block, so each is there.
    headers = dict(re.findall(r"add_header\s+(\S+)\s+(.+?)\s+always;", private))
    assert headers["Content-Security-Policy"] == "\"default-src 'none'; sandbox\""
    assert headers["X-Frame-Options"] == "DENY" and headers["X-Content-Type-Options"] == "nosniff"
    proxy = locations["/"]
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in proxy
    assert "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;" in proxy


def test_the_image_installs_weasyprint_libraries_and_collects_static_files():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "FROM python:3.11" in dockerfile
    for package in ("libpango-1.0-0", "libpangoft2-1.0-0"):
        assert package in dockerfile
    assert "collectstatic" in dockerfile and "requirements.txt" in dockerfile
