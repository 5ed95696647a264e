"""`make bench`: build a national-scale dataset in PostgreSQL, serve it with gunicorn, measure, compare.

Every figure is printed beside its floor measured in the same run on the same server and data, with
the ratio and PASS/FAIL against its target. `--smoke` runs the same harness on tiny data for a few
seconds (CI), where targets are printed but not judged.
"""

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import psycopg2

from bench import load

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def _env(database: str, args) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": f"{args.postgres}/{database}",
        "REDIS_URL": args.redis,
        "MEDIA_ROOT": str(Path(tempfile.gettempdir()) / "ogp-bench-media"),
        "PYTHONPATH": str(ROOT),
    }


def _drop(args, name: str, *, create: bool = False) -> None:
    """Drop a database (closing its connections first), and create it empty again if asked."""
    admin = psycopg2.connect(f"{args.postgres}/postgres")
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", [name])
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        if create:
            cursor.execute(f'CREATE DATABASE "{name}"')
    admin.close()


def _recreate(args, name: str) -> None:
    _drop(args, name, create=True)


def _run(command: list[str], env: dict, timeout: float = 3600) -> str:
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return result.stdout


def _probe(env: dict, *args: str) -> dict:
    out = _run([PYTHON, "-m", "bench.probes", *args], env)
    return json.loads(next(x for x in out.splitlines() if x.startswith("PROBE "))[len("PROBE ") :])


def _build(args, name: str, scale: str) -> dict:
    started = time.perf_counter()
    _recreate(args, name)
    env = _env(name, args)
    _run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env)
    output = Path(tempfile.gettempdir()) / f"{name}.json"
    _run([PYTHON, "-m", "bench.setup_data", scale, str(output)], env)
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
    def __init__(self, env: dict, count: int):
        self.env, self.count, self.processes = env, count, []

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
                f"bench{i}@%h",
                "-l",
                "WARNING",
            ]
            self.processes.append(
                subprocess.Popen(command, cwd=ROOT, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            )
        from ogp_portal.celery import app

        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and len(app.control.ping(timeout=0.5) or []) < self.count:
            time.sleep(0.2)
        return self

    def __exit__(self, *exc):
        for process in self.processes:
            process.send_signal(signal.SIGTERM)
        for process in self.processes:
            process.wait(timeout=60)


def _pages(prepared: dict) -> list[tuple[str, str]]:
    area, hot = prepared["policy_area"], prepared["hot_proposal"]
    filters = f"policy_area={area}&country=KE&search=budget"
    return [
        ("home", "/"),
        ("member list", "/members/"),
        ("commitment list, first page", "/commitments/"),
        ("commitment list, last page", f"/commitments/?cursor={prepared['html_deep_cursor']}"),
        ("commitment list, filtered", f"/commitments/?{filters}"),
        ("API commitments, first page", "/api/v1/commitments/"),
        ("API commitments, deep page", f"/api/v1/commitments/?cursor={prepared['deep_cursor']}"),
        ("API commitments, filtered", f"/api/v1/commitments/?{filters}"),
        ("proposals, most supported", "/proposals/?sort=supported"),
        ("API proposals, most supported", "/api/v1/proposals/?sort=supported"),
        ("proposal with 2,000 comments", f"/proposals/{hot}/"),
    ]


def measure_http(args, prepared: dict, env: dict) -> dict:
    results = {}
    base = f"http://127.0.0.1:{args.port}"
    tokens = Path(tempfile.gettempdir()) / "ogp-bench-tokens.txt"
    tokens.write_text("\n".join(prepared["tokens"]))
    support_paths = Path(tempfile.gettempdir()) / "ogp-bench-support-paths.txt"
    # Only proposals no token holder wrote: supporting one's own proposal is a 403, not what is measured.
    supportable = prepared.get("supportable") or range(2, min(prepared["proposals"], 5000))
    support_paths.write_text("\n".join(f"/api/v1/proposals/{i}/support/" for i in supportable))
    with Server(env, args.port):
        for name, path in [("B0 constant JSON", "/bench/b0/"), ("B1 values() + JsonResponse", "/bench/b1/"),
                           ("B2 plain template", "/bench/b2/"), *_pages(prepared)]:  # fmt: skip
            peak, half = load.peak_then_half(base + path, seconds=args.seconds)
            results[name] = {"path": path, "peak": peak.as_dict(), "half": half.as_dict()}
            print(
                f"  {name:38} {peak.rps:8.1f} req/s   p50 {half.p50_ms:7.1f} ms   p95 {half.p95_ms:7.1f} ms", flush=True
            )
        posts = {
            "POST support (API)": {"WRK_METHOD": "POST", "WRK_PATHS": str(support_paths), "WRK_TOKENS": str(tokens), "WRK_BODY": "{}"},
            "POST proposal submission (API)": {
                "WRK_METHOD": "POST", "WRK_TOKENS": str(tokens),
                "WRK_BODY": '{"consultation": 1, "title": "Bench proposal {n}", "problem": "Problem {r}", "solution": "Solution {r}", "submit": true}',
            },
        }  # fmt: skip
        for name, wrk_env in posts.items():
            url = base + ("/api/v1/proposals/" if "submission" in name else "/api/v1/proposals/2/support/")
            run = load.wrk(url, connections=4, seconds=args.seconds, env=wrk_env)
            results[name] = {"peak": run.as_dict()}
            print(f"  {name:38} {run.rps:8.1f} req/s   non-2xx {run.non2xx}", flush=True)
    # The same pages with caching off: what a first visit to a new address costs (for the record).
    with Server({**env, "BENCH_NO_CACHE": "1"}, args.port):
        for name, path in _pages(prepared):
            if not name.startswith(("home", "member list", "commitment list", "API commitments")):
                continue
            peak, half = load.peak_then_half(base + path, seconds=args.seconds)
            results[f"{name} (uncached)"] = {"path": path, "peak": peak.as_dict(), "half": half.as_dict()}
            print(
                f"  {name + ' (uncached)':38} {peak.rps:8.1f} req/s   p50 {half.p50_ms:7.1f} ms   p95 {half.p95_ms:7.1f} ms",
                flush=True,
            )
    return results


def measure_reports(args, prepared: dict, env: dict) -> dict:
    results = {"sized": {}}
    for size, report_id in prepared["report_ids"].items():
        results["sized"][size] = _probe(env, "render", str(report_id))
        r = results["sized"][size]
        print(f"  report, {size:>3} commitments: {r['pages']} pages in {r['seconds']:.2f} s "
              f"(WeasyPrint alone {r['p0_seconds']:.2f} s), peak {r['peak_mb']:.0f} MB", flush=True)  # fmt: skip
    os.environ.update({k: env[k] for k in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL", "REDIS_URL", "MEDIA_ROOT")})
    import django

    django.setup()
    from bench import reports

    ids = prepared["worker_report_ids"]
    timings = {}
    for count in (1, 2):
        reports.reset_to_draft(ids)
        with Workers(env, count):
            timings[count] = reports.render_through_workers(ids)
        print(f"  10 reports through {count} worker(s): {timings[count]:.1f} s", flush=True)
    results["workers"] = timings
    return results


def _verdict(ok: bool | None) -> str:
    return "—" if ok is None else ("PASS" if ok else "FAIL")


def table(prepared: dict, http: dict, queries: dict, export: dict, reports: dict, *, judged: bool) -> list[tuple]:
    rows = []

    def add(measure, value, floor, ratio, target, ok):
        rows.append((measure, value, floor, ratio, target, _verdict(ok if judged else None)))

    b1, b2 = http["B1 values() + JsonResponse"]["peak"]["rps"], http["B2 plain template"]["peak"]["rps"]
    add("B0 constant JSON (floor)", f"{http['B0 constant JSON']['peak']['rps']:.0f} req/s", "", "", "", None)
    add("B1 values() + JsonResponse (floor)", f"{b1:.0f} req/s", "", "", "", None)
    add("B2 plain template (floor)", f"{b2:.0f} req/s", "", "", "", None)
    for name, data in http.items():
        if name.startswith(("B0", "B1", "B2", "POST")):
            continue
        if name.endswith("(uncached)"):
            add(f"{name}: throughput", f"{data['peak']['rps']:.0f} req/s", "", "", "", None)
            add(
                f"{name}: p50 / p95 at half load",
                f"{data['half']['p50_ms']:.0f} / {data['half']['p95_ms']:.0f} ms",
                "",
                "",
                "",
                None,
            )
            continue
        rps = data["peak"]["rps"]
        if name.startswith("API commitments"):
            add(f"{name}: throughput", f"{rps:.0f} req/s", "B1", f"{rps / b1:.2f}", "≥ 0.50", rps / b1 >= 0.5)
        elif name.startswith(("member list", "commitment list")):
            add(f"{name}: throughput", f"{rps:.0f} req/s", "B2", f"{rps / b2:.2f}", "≥ 0.50", rps / b2 >= 0.5)
        else:
            add(f"{name}: throughput", f"{rps:.0f} req/s", "", "", "", None)
        p95 = data["half"]["p95_ms"]
        add(f"{name}: p95 at half load", f"{p95:.0f} ms", "", "", "≤ 200 ms", p95 <= 200)
        if data["peak"]["non2xx"] or data["peak"]["socket_errors"]:
            add(f"{name}: errors", f"{data['peak']['non2xx']} non-2xx", "", "", "0", False)
    for first, deep in [("commitment list, first page", "commitment list, last page"),
                        ("API commitments, first page", "API commitments, deep page")]:  # fmt: skip
        a, b = http[first]["half"]["p50_ms"], http[deep]["half"]["p50_ms"]
        add(f"{deep} vs first page (p50)", f"{b:.1f} ms", f"{a:.1f} ms", f"{b / a:.2f}", "≤ 1.50", b / a <= 1.5)
    for name, data in http.items():
        if name.startswith("POST"):
            add(name, f"{data['peak']['rps']:.0f} req/s", "", "", "no error", data["peak"]["non2xx"] == 0)
    for path, counts in queries.items():
        add(
            f"queries {path}",
            f"{counts['full']}",
            f"{counts['small']} (small)",
            "",
            "equal",
            counts["full"] == counts["small"],
        )
    add("CSV export of all commitments", f"{export['rows']} rows in {export['seconds']:.1f} s", "", "",
        "", None)  # fmt: skip
    add("CSV export: peak memory", f"{export['peak_mb']:.0f} MB", f"{export['baseline_mb']:.0f} MB before", "",
        "< 200 MB", export["peak_mb"] < 200)  # fmt: skip
    sized = reports["sized"]
    for size, r in sized.items():
        per_page, floor = r["seconds"] / r["pages"], r["p0_seconds"] / r["pages"]
        add(f"report {size} commitments: s/page", f"{per_page:.3f} s ({r['pages']} p.)", f"P0 {floor:.3f} s",
            f"{per_page / floor:.2f}", "≤ 1.50", per_page / floor <= 1.5)  # fmt: skip
        limit = 150 + 15 * r["pages"]
        add(
            f"report {size} commitments: peak memory",
            f"{r['peak_mb']:.0f} MB",
            "",
            "",
            f"≤ {limit} MB",
            r["peak_mb"] <= limit,
        )
    small, large = sized["10"], sized["100"]
    ratio = (large["seconds"] / large["pages"]) / (small["seconds"] / small["pages"])
    add("report s/page, 100 vs 10 commitments", f"{ratio:.2f}", "", f"{ratio:.2f}", "≤ 1.30", ratio <= 1.3)
    one, two = reports["workers"]["1"], reports["workers"]["2"]
    add("10 reports, 2 workers vs 1", f"{two:.1f} s", f"{one:.1f} s", f"{one / two:.2f}×", "≥ 1.70×", one / two >= 1.7)
    return rows


def print_table(rows) -> None:
    widths = [
        max(len(str(r[i])) for r in rows + [("measure", "value", "floor", "ratio", "target", "result")])
        for i in range(6)
    ]
    header = ("measure", "value", "floor", "ratio", "target", "result")
    for row in [header, tuple("-" * w for w in widths), *rows]:
        print("| " + " | ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)) + " |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--smoke", action="store_true", help="tiny data, one-second runs, targets not judged")
    parser.add_argument("--seconds", type=float, default=None, help="seconds per load run (default 8, smoke 1)")
    parser.add_argument("--port", type=int, default=8099)
    parser.add_argument("--postgres", default=os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432"))
    parser.add_argument("--redis", default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/5"))
    args = parser.parse_args()
    args.seconds = args.seconds or (1 if args.smoke else 8)
    started = time.perf_counter()
    import redis

    redis.Redis.from_url(args.redis).flushdb()  # cached figures of an earlier run must not survive

    print("Building the small database (about 1,000 commitments)…", flush=True)
    small = _build(args, "ogp_bench_small", "smoke")
    if args.smoke:
        full, full_name = small, "ogp_bench_small"
    else:
        print("Building the full database (COPY)…", flush=True)
        full, full_name = _build(args, "ogp_bench", "full"), "ogp_bench"
    counts = full["generated"]["counts"]
    print("  " + ", ".join(f"{v:,} {k}" for k, v in counts.items()) + f" in {full['build_seconds']:.0f} s", flush=True)
    env = _env(full_name, args)

    print("Serving with gunicorn (2 workers) and loading with wrk…", flush=True)
    http = measure_http(args, full, env)
    print("Query counts at about 1,000 commitments and at full size…", flush=True)
    paths = [path for _name, path in _pages(full) if "cursor" not in path]
    # Counted with caching off: the queries a page costs when it is computed.
    no_cache = {"BENCH_NO_CACHE": "1"}
    small_paths = [p.replace(str(full["hot_proposal"]), str(small["hot_proposal"])) for p in paths]
    small_counts = _probe({**_env("ogp_bench_small", args), **no_cache}, "queries", *small_paths)
    full_counts = _probe({**env, **no_cache}, "queries", *paths)
    queries = {p: {"small": small_counts[p], "full": full_counts[p]} for p in paths}
    print("CSV export of every commitment…", flush=True)
    export = _probe(env, "csv")
    print("IRM report rendering…", flush=True)
    reports = measure_reports(args, full, env)
    reports["workers"] = {str(k): v for k, v in reports["workers"].items()}
    reports["sized"] = {str(k): v for k, v in reports["sized"].items()}

    rows = table(full, http, queries, export, reports, judged=not args.smoke)
    print()
    print_table(rows)
    results_dir = ROOT / "bench" / "results"
    results_dir.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    data = {"smoke": args.smoke, "counts": counts, "http": http, "queries": queries, "export": export, "reports": reports,
            "rows": rows, "seconds": time.perf_counter() - started}  # fmt: skip
    (results_dir / f"{'smoke' if args.smoke else 'full'}-{stamp}.json").write_text(json.dumps(data, indent=1))
    print(f"\nTotal {time.perf_counter() - started:.0f} s.")
    failed = [r for r in rows if r[5] == "FAIL"]
    return 1 if failed and not args.smoke else 0


if __name__ == "__main__":
    sys.exit(main())
