"""The benchmark's processes: fresh PostgreSQL databases, commands, probes, gunicorn and Celery workers.

Shared by `make bench` (bench/run.py) and `make load` (bench/load_run.py).
"""

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg2
from celery import Celery

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def database_env(database: str, args) -> dict:
    """The environment of a command run on `database` with the benchmark's settings."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": f"{args.postgres}/{database}",
        "REDIS_URL": args.redis,
        "CACHE_URL": args.redis,  # not one exported for another deployment: the bench's servers own their Redis
        "MEDIA_ROOT": str(Path(tempfile.gettempdir()) / "ogp-bench-media"),
        "PYTHONPATH": str(ROOT),
    }


def sibling_redis(url: str) -> str:
    """The Redis database after the one of `url` (redis://host:port/5 → /6): a second server's cache and broker."""
    parts = urlsplit(url)
    number = int(parts.path.lstrip("/") or 0)
    return urlunsplit(parts._replace(path=f"/{number + 1}"))


def drop_database(args, name: str, *, create: bool = False) -> None:
    """Drop a database (closing its connections first), and create it empty again if asked."""
    admin = psycopg2.connect(f"{args.postgres}/postgres")
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", [name])
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        if create:
            cursor.execute(f'CREATE DATABASE "{name}"')
    admin.close()


def recreate_database(args, name: str) -> None:
    drop_database(args, name, create=True)


def run_command(command: list[str], env: dict, timeout: float = 3600) -> str:
    """Run a command from the project's root; its output, or RuntimeError with its last lines."""
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return result.stdout


def probe(env: dict, *args: str) -> dict:
    """Run one of bench/probes.py in a process of its own; the figures it printed."""
    out = run_command([PYTHON, "-m", "bench.probes", *args], env)
    return json.loads(next(x for x in out.splitlines() if x.startswith("PROBE "))[len("PROBE ") :])


def build_database(args, name: str, scale: str) -> dict:
    """A fresh database `name`, migrated and filled at `scale` (bench/setup_data.py); what was prepared."""
    started = time.perf_counter()
    recreate_database(args, name)
    env = database_env(name, args)
    run_command([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env)
    output = Path(tempfile.gettempdir()) / f"{name}.json"
    run_command([PYTHON, "-m", "bench.setup_data", scale, str(output)], env)
    prepared = json.loads(output.read_text())
    prepared["build_seconds"] = time.perf_counter() - started
    return prepared


class Server:
    def __init__(self, env: dict, port: int, workers: int = 2, error_log=None):
        self.port, self.env, self.process, self.workers = port, env, None, workers
        self.error_log = error_log  # an open file for gunicorn's error log (default: a pipe)

    def __enter__(self):
        command = [PYTHON, "-m", "gunicorn", "ogp_portal.wsgi", "--workers", str(self.workers),
                   "--bind", f"127.0.0.1:{self.port}",
                   "--access-logfile", "/dev/null", "--error-logfile", "-", "--timeout", "120"]  # fmt: skip
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=self.env, stdout=subprocess.DEVNULL, stderr=self.error_log or subprocess.PIPE
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/healthz/", timeout=2)  # noqa: S310
                return self
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("gunicorn did not start")

    def __exit__(self, *exc):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)


class Workers:
    """`count` Celery workers on the broker of `env` (named `name`0@host, `name`1@host…)."""

    def __init__(self, env: dict, count: int, name: str = "bench"):
        self.env, self.count, self.name, self.processes = env, count, name, []

    def __enter__(self):
        for i in range(self.count):
            command = [
                PYTHON,
                "-m",
                "celery",
                "-A",
                "ogp_portal",
                "worker",
                "-c",
                "1",
                "-n",
                f"{self.name}{i}@%h",
                "-l",
                "WARNING",
            ]
            self.processes.append(
                subprocess.Popen(command, cwd=ROOT, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and self._answering(0.5) < self.count:
            time.sleep(0.2)
        if self._answering(1) < self.count:  # measured without them, figures would mislead
            self.__exit__()
            raise RuntimeError(f"{self.count} Celery worker(s) did not answer within 60 s")
        return self

    def _answering(self, timeout: float) -> int:
        """How many of these workers answer a ping on their own broker (not necessarily this process's)."""
        with Celery(broker=self.env["REDIS_URL"], set_as_current=False) as app:
            replies = app.control.ping(timeout=timeout) or []
        names = {f"{self.name}{i}" for i in range(self.count)}
        return sum(1 for reply in replies for node in reply if node.split("@")[0] in names)

    def __exit__(self, *exc):
        for process in self.processes:
            process.send_signal(signal.SIGTERM)
        for process in self.processes:
            process.wait(timeout=60)
