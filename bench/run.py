"""`make bench`: build a national-scale dataset in PostgreSQL, serve it with gunicorn, measure, compare.

Every figure is printed beside its floor measured in the same run on the same server and data, with
the ratio and PASS/FAIL against its target. `--smoke` runs the same harness on tiny data for a few
seconds (CI), where targets are printed but not judged.
"""

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from bench import load
from bench.harness import ROOT, Server, Workers, build_database, database_env, probe
from bench.targets import print_table, table


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
        results["sized"][size] = probe(env, "render", str(report_id))
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
    small = build_database(args, "ogp_bench_small", "smoke")
    if args.smoke:
        full, full_name = small, "ogp_bench_small"
    else:
        print("Building the full database (COPY)…", flush=True)
        full, full_name = build_database(args, "ogp_bench", "full"), "ogp_bench"
    counts = full["generated"]["counts"]
    print("  " + ", ".join(f"{v:,} {k}" for k, v in counts.items()) + f" in {full['build_seconds']:.0f} s", flush=True)
    env = database_env(full_name, args)

    print("Serving with gunicorn (2 workers) and loading with wrk…", flush=True)
    http = measure_http(args, full, env)
    print("Query counts at about 1,000 commitments and at full size…", flush=True)
    paths = [path for _name, path in _pages(full) if "cursor" not in path]
    # Counted with caching off: the queries a page costs when it is computed.
    no_cache = {"BENCH_NO_CACHE": "1"}
    small_paths = [p.replace(str(full["hot_proposal"]), str(small["hot_proposal"])) for p in paths]
    small_counts = probe({**database_env("ogp_bench_small", args), **no_cache}, "queries", *small_paths)
    full_counts = probe({**env, **no_cache}, "queries", *paths)
    queries = {p: {"small": small_counts[p], "full": full_counts[p]} for p in paths}
    print("CSV export of every commitment…", flush=True)
    export = probe(env, "csv")
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
