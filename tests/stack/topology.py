"""The production topology on one machine, without Docker: nginx (deploy/nginx/portal.conf.template, as in
docker-compose.yml) on 127.0.0.1 in front of two gunicorn instances, two Celery workers and one beat, on a
database and a Redis db of their own (the broker), and a cache Redis started with compose's `cache` command, with
ogp_portal.settings.production.

`Stack` starts everything in its own process group and stops all of it on exit, even after a failure.
"""

import contextlib
import os
import re
import secrets
import shutil
import signal
import socket
import string
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import yaml

ROOT = Path(__file__).resolve().parents[2]
NGINX_TEMPLATE = ROOT / "deploy" / "nginx" / "portal.conf.template"
COMPOSE = ROOT / "docker-compose.yml"
ACCEL_PREFIX = "/_private/"


def nginx_binary() -> str | None:
    return shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if os.access(p, os.X_OK)), None)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def redis_server_binary() -> str | None:
    return shutil.which("redis-server")


def cache_server_arguments() -> list[str]:
    """The arguments of compose's `cache` service (its ${VARIABLE:-default} read as the default)."""
    command = yaml.safe_load(COMPOSE.read_text())["services"]["cache"]["command"]
    assert command[0] == "redis-server", command
    return [re.sub(r"\$\{\w+:-([^}]*)\}", r"\1", argument) for argument in command[1:]]


def render_nginx_site(values: dict) -> str:
    """The committed site configuration with compose's variables filled in (nginx's own $variables stay)."""
    return string.Template(NGINX_TEMPLATE.read_text()).safe_substitute(values)


def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1"]
        + ["-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return cert, key


class Stack:
    """Run with `with Stack(folder, database_url=…, redis_url=…) as stack:`; stack.url is nginx's address."""

    def __init__(self, folder: Path, *, database_url: str, redis_url: str):
        self.folder = folder
        self.database_url = database_url
        self.redis_url = redis_url
        self.processes: dict[str, subprocess.Popen] = {}
        self.logs: dict[str, Path] = {}
        self.https_port = free_port()
        self.http_port = free_port()
        self.web_ports = [free_port(), free_port()]
        self.cache_port = free_port()
        self.cache_url = f"redis://127.0.0.1:{self.cache_port}/0"
        self.url = f"https://127.0.0.1:{self.https_port}"
        self.media = folder / "media"
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST_"))},
            "DJANGO_SETTINGS_MODULE": "ogp_portal.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1",
            "SITE_URL": self.url,
            "CSRF_TRUSTED_ORIGINS": self.url,
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url,
            "CACHE_URL": self.cache_url,
            "MEDIA_ROOT": str(self.media),
            "STATIC_ROOT": str(folder / "static"),
            "PRIVATE_FILES_ACCEL_PREFIX": ACCEL_PREFIX,
            "PROXY_COUNT": "1",
            "EMAIL_URL": "consolemail://",
            "PYTHONUNBUFFERED": "1",
        }
        self.env.pop("DEBUG", None)

    # One-off commands -----------------------------------------------------------------------------
    def manage(self, *args: str, timeout: float = 300) -> str:
        return self.python("manage.py", *args, timeout=timeout)

    def python(self, *args: str, timeout: float = 300) -> str:
        done = subprocess.run(
            [sys.executable, *args], cwd=ROOT, env=self.env, capture_output=True, text=True, timeout=timeout
        )
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(args)} failed:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}")
        return done.stdout

    # Long-running processes -----------------------------------------------------------------------
    def start(self, name: str, command: list[str]) -> subprocess.Popen:
        log_path = self.folder / f"{name}.log"
        with open(log_path, "w") as log:
            process = subprocess.Popen(
                command,
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group: stopped with its children
            )
        self.processes[name], self.logs[name] = process, log_path
        return process

    def log(self, name: str) -> str:
        return self.logs[name].read_text(errors="replace")

    def wait_until(self, what: str, predicate, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for name, process in self.processes.items():
                if process.poll() is not None:
                    raise RuntimeError(f"{name} exited while waiting for {what}:\n{self.log(name)[-3000:]}")
            if predicate():
                return
            time.sleep(0.3)
        raise RuntimeError(f"timed out waiting for {what}:\n" + self.tails())

    def tails(self) -> str:
        return "\n".join(f"--- {name}\n{self.log(name)[-1500:]}" for name in self.logs)

    def __enter__(self):
        try:
            self._start_all()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc):
        self.stop()

    def _start_all(self) -> None:
        self.start(
            "cache",
            [redis_server_binary(), *cache_server_arguments()]
            + ["--port", str(self.cache_port), "--bind", "127.0.0.1", "--dir", str(self.folder)],
        )
        self.wait_until("the cache's Redis", lambda: _accepts(self.cache_port))
        # What compose's one-off `migrate` service and the image's build step do, once.
        self.manage("migrate", "--noinput")
        self.manage("collectstatic", "--noinput", "-v", "0")
        python = sys.executable
        for index, port in enumerate(self.web_ports, start=1):
            self.start(
                f"web{index}",
                [python, "-m", "gunicorn", "ogp_portal.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"]
                + ["--access-logfile", "-", "--graceful-timeout", "5"],
            )
        for index in (1, 2):
            self.start(
                f"worker{index}",
                [python, "-m", "celery", "-A", "ogp_portal", "worker", "-n", f"stack{index}@%h", "-c", "1"]
                + ["--loglevel", "INFO"],
            )
        self.start(
            "beat",
            [python, "-m", "celery", "-A", "ogp_portal", "beat", "--loglevel", "INFO"]
            + ["--schedule", str(self.folder / "celerybeat-schedule")],
        )
        self._start_nginx()
        for port in self.web_ports:
            self.wait_until(f"gunicorn on {port}", lambda port=port: _accepts(port))
        for index in (1, 2):
            self.wait_until(f"worker {index}", lambda index=index: f"stack{index}@" in self.log(f"worker{index}"))
            self.wait_until(f"worker {index} ready", lambda index=index: " ready." in self.log(f"worker{index}"))
        self.wait_until("beat", lambda: "beat: Starting" in self.log("beat"))
        self.wait_until("nginx", lambda: _accepts(self.https_port))

    def _start_nginx(self) -> None:
        folder = self.folder / "nginx"
        folder.mkdir()
        cert, key = self_signed_certificate(folder)
        site = render_nginx_site(
            {
                "PORTAL_UPSTREAM_SERVERS": " ".join(f"server 127.0.0.1:{port};" for port in self.web_ports),
                "NGINX_HTTP_LISTEN": f"127.0.0.1:{self.http_port}",
                "NGINX_HTTPS_LISTEN": f"127.0.0.1:{self.https_port}",
                "NGINX_HTTPS_PORT": str(self.https_port),
                "NGINX_SERVER_NAME": "127.0.0.1",
                "NGINX_TLS_CERTIFICATE": str(cert),
                "NGINX_TLS_CERTIFICATE_KEY": str(key),
                "PRIVATE_FILES_ROOT": f"{self.media}/",
            }
        )
        (folder / "portal.conf").write_text(site)
        user = "user root;\n" if os.geteuid() == 0 else ""  # the test's files are private to its user
        temp = "\n".join(
            f"  {kind}_temp_path {folder / kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        (folder / "nginx.conf").write_text(
            f"{user}daemon off;\nworker_processes 2;\npid {folder / 'nginx.pid'};\n"
            f"error_log {folder / 'error.log'} warn;\nevents {{ worker_connections 256; }}\n"
            f"http {{\n  include /etc/nginx/mime.types;\n  default_type application/octet-stream;\n"
            f"  access_log {folder / 'access.log'};\n  sendfile on;\n{temp}\n"
            f"  include {folder / 'portal.conf'};\n}}\n"
        )
        self.start(
            "nginx",
            [nginx_binary(), "-p", str(folder), "-c", str(folder / "nginx.conf"), "-e", str(folder / "error.log")],
        )

    def stop(self) -> None:
        """TERM every process group, then KILL what is left after 15 s."""
        for process in self.processes.values():
            _signal_group(process, signal.SIGTERM)
        deadline = time.monotonic() + 15
        for process in self.processes.values():
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
        for process in self.processes.values():
            _signal_group(process, signal.SIGKILL)  # the group's children too, even if the leader exited
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=5)


def _signal_group(process: subprocess.Popen, sig: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, sig)


def _accepts(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0
