"""`make load`: simulated participants (locust, headless) against gunicorn and PostgreSQL; nothing may be lost.

A fresh PostgreSQL database (dropped afterwards) gets the demo data and USERS participant accounts;
gunicorn serves it on 127.0.0.1; locust's participants log in, browse, propose, support and comment
(bench/locustfile.py) for a bounded time. Then every write that got a success answer must be in the
database, exactly once, and nothing else: the figures are printed, and the exit status is 1 on any
server error, any failed request, any write of unknown fate or any difference with the database.
`--smoke` runs 20 participants for 20 seconds (CI).
"""

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import ledger
from bench.harness import PYTHON, ROOT, Server, database_env, drop_database, recreate_database, run_command

DATABASE = "ogp_load"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _locust(args, env: dict, work: Path) -> subprocess.CompletedProcess:
    command = [
        *(PYTHON, "-m", "locust", "-f", str(ROOT / "bench" / "locustfile.py"), "--headless"),
        *("--users", str(args.users), "--spawn-rate", str(args.spawn_rate), "--run-time", f"{args.seconds}s"),
        # Participants still busy at the end finish their task (and record its outcome) before stopping.
        *("--stop-timeout", "30", "--host", f"http://127.0.0.1:{args.port}"),
        *("--only-summary", "--loglevel", "WARNING", "--exit-code-on-error", "0"),
    ]
    # A hard limit above locust's own: the run time, the ramp-up, the stop timeout and a margin.
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=args.seconds + 120)


def report(figures: dict, records: list[dict], checks: list, drift: list, seconds: float) -> bool:
    """Print the figures; True when the run is clean."""
    total, failures = figures["total"], figures["failures"]
    print(f"\nRequests: {total['requests']:,} in {seconds:.0f} s of load ({total['rps']:.1f} req/s), "
          f"failed: {total['failures']}")  # fmt: skip
    print(f"  {'request':34} {'count':>7} {'fail':>5} {'p50 ms':>7} {'p95 ms':>7} {'max ms':>7}")
    for row in figures["requests"]:
        print(f"  {row['name']:34} {row['requests']:7} {row['failures']:5} "
              f"{row['p50_ms']:7.0f} {row['p95_ms']:7.0f} {row['max_ms']:7.0f}")  # fmt: skip
    server_errors = sum(f["occurrences"] for f in failures if f["error"].startswith("HTTP 5"))
    print(f"Failed requests by kind (server errors, 5xx: {server_errors}):")
    for failure in failures:
        print(f"  {failure['name']:34} {failure['error'][:60]:60} {failure['occurrences']}")
    if not failures:
        print("  none")
    counts = ledger.outcomes(records)
    print("Writes by outcome: ok / refused by a rule / rate-limited / unknown fate (an error):")
    for kind, count in counts.items():
        print(f"  {kind:12} " + " / ".join(str(count[o]) for o in ledger.OUTCOMES))
    print("Successful writes against the database:")
    for check in checks:
        verdict = "equal" if check.ok else "DIFFERENT"
        print(f"  {check.kind:12} made {check.recorded:5}  found {check.found:5}  {verdict}"
              + (f"  lost {check.lost[:5]} phantom {check.phantom[:5]} duplicated {check.duplicated[:5]}"
                 if not check.ok else ""))  # fmt: skip
    print(f"Support counters that disagree with their rows: {len(drift)}")
    unknown = sum(count["error"] for count in counts.values())
    writes = sum(count["ok"] for count in counts.values())
    return total["failures"] == 0 and unknown == 0 and all(c.ok for c in checks) and not drift and writes > 0


def _parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--smoke", action="store_true", help="20 participants for 20 seconds")
    parser.add_argument("--users", type=int, default=None, help="simulated participants (default 200, smoke 20)")
    parser.add_argument("--seconds", type=int, default=None, help="seconds of load (default 150, smoke 20)")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers")
    parser.add_argument("--postgres", default=os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432"))
    parser.add_argument("--redis", default=os.environ.get("LOAD_REDIS_URL", "redis://127.0.0.1:6379/4"))
    args = parser.parse_args()
    args.users = args.users or (20 if args.smoke else 200)
    args.seconds = min(args.seconds or (20 if args.smoke else 150), 180)
    args.spawn_rate = max(1, args.users // 10)  # everyone in within about 10 s
    args.port = _free_port()
    return args


def main() -> int:
    args = _parse_args()
    started = time.perf_counter()
    import redis

    redis.Redis.from_url(args.redis).flushdb()  # rate-limit counters and cache of an earlier run
    work = Path(tempfile.mkdtemp(prefix="ogp-load-"))
    env = {**database_env(DATABASE, args), "DJANGO_SETTINGS_MODULE": "bench.load_settings"}
    print(f"Building the database {DATABASE} (demo data, {args.users} participants)…", flush=True)
    recreate_database(args, DATABASE)
    try:
        run_command([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env)
        run_command([PYTHON, "manage.py", "seed_demo", "--password", "load-demo-password"], env)
        run_command([PYTHON, "-m", "bench.load_data", "prepare", str(args.users), str(work / "accounts.json")], env)
        marker = f"LOAD-{time.strftime('%Y%m%d%H%M%S')}"
        locust_env = {**env, "LOAD_ACCOUNTS": str(work / "accounts.json"), "LOAD_LEDGER": str(work / "ledger.jsonl"),
                      "LOAD_MARKER": marker, "LOAD_STATS": str(work / "figures.json")}  # fmt: skip
        print(f"  ready in {time.perf_counter() - started:.0f} s", flush=True)
        print(f"{args.users} participants for {args.seconds} s against gunicorn ({args.workers} workers, "
              f"port {args.port})…", flush=True)  # fmt: skip
        with open(work / "gunicorn.log", "w") as log, Server(env, args.port, workers=args.workers, error_log=log):
            load_started, load_before = time.perf_counter(), os.getloadavg()[0]
            result = _locust(args, locust_env, work)
            load_seconds, load_after = time.perf_counter() - load_started, os.getloadavg()[0]
        print(f"Machine: {os.cpu_count()} cores, load average {load_before:.1f} before and {load_after:.1f} after "
              "the run (the participants, gunicorn and PostgreSQL share them)")  # fmt: skip
        if not (work / "figures.json").exists():
            print(result.stdout[-3000:], result.stderr[-3000:])
            return 1
        run_command([PYTHON, "-m", "bench.load_data", "found", marker, str(work / "found.json")], env)
        found = json.loads((work / "found.json").read_text())
        records = ledger.read([work / "ledger.jsonl"]) if (work / "ledger.jsonl").exists() else []
        figures = json.loads((work / "figures.json").read_text())
        clean = report(figures, records, ledger.compare(records, found["rows"]), found["counter_drift"],
                       load_seconds)  # fmt: skip
    finally:
        drop_database(args, DATABASE)
        redis.Redis.from_url(args.redis).flushdb()  # queued notifications of throw-away accounts
    errors = (work / "gunicorn.log").read_text() if (work / "gunicorn.log").exists() else ""
    if "Traceback" in errors:
        print("Server errors logged by gunicorn:\n" + errors[-4000:])
        clean = False
    results = ROOT / "bench" / "results"
    results.mkdir(exist_ok=True)
    summary = {"users": args.users, "seconds": args.seconds, "workers": args.workers, "clean": clean,
               "figures": figures, "outcomes": ledger.outcomes(records), "load_average": [load_before, load_after]}  # fmt: skip
    (results / f"load-{'smoke' if args.smoke else 'full'}-{time.strftime('%Y%m%d-%H%M%S')}.json").write_text(
        json.dumps(summary, indent=1)
    )
    print(f"\n{'CLEAN' if clean else 'FAILED'}: total {time.perf_counter() - started:.0f} s (files in {work}).")
    return 0 if clean else 1


if __name__ == "__main__":
    sys.exit(main())
