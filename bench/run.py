"""`make bench`: build a national-scale dataset in PostgreSQL, serve it with gunicorn, measure, compare.

Every page is measured twice, hit (the same address again) and miss (addresses no cache has seen, or
the first requests after writes; bench/addresses.py), signed-in pages signed in (bench/sessions.py); then
the misses again on both databases, runs alternated, for cost growth (bench/measure.py). Every figure is printed beside its
floor measured in the same run on the same server and data, with the ratio and PASS/FAIL against its target
(bench/targets.py). `--smoke` runs the same harness on tiny data with one-second runs and no paced runs
(CI), where targets are printed but not judged.
"""

import argparse
import json
import os
import sys
import time

import redis

from bench.harness import ROOT, Server, Workers, build_database, database_env, probe, sibling_redis
from bench.measure import measure_growth, measure_pages, measure_posts
from bench.targets import print_table, table


def _django(env: dict) -> None:
    """This process's settings are the servers' (the Celery app's broker, for Workers; the reports' database)."""
    os.environ.update({k: env[k] for k in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL", "REDIS_URL", "MEDIA_ROOT")})
    import django

    django.setup()


def measure_http(args, full: dict, small: dict) -> dict:
    """Every page hit and miss, the POSTs (full database); then the misses on both databases side by side."""
    base = f"http://127.0.0.1:{args.port}"
    env = database_env(args.full_name, args)
    _django(env)
    # A Celery worker beside the servers, as in production: it renders the home page's snapshot after writes
    # (partnership/home.py), on the same two cores.
    with Server(env, args.port), Workers(env, 1):
        http = measure_pages(base, full["pages"], seconds=args.seconds, redis_url=args.redis, paced=not args.smoke)
    with Server(env, args.port):
        http.update(measure_posts(base, full, seconds=args.seconds))
    if args.smoke:  # one database: the small one is the full one
        return {"pages": http, "small": {p["name"]: {"half": http[p["name"]]["miss"]["half"]} for p in small["pages"]}}
    return {"pages": http, "small": measure_cost_growth(args, full, small, http)}


def measure_cost_growth(args, full: dict, small: dict, http: dict) -> dict:
    """Each page's misses on both databases, each served by its own server and workers (bench.measure)."""
    base, env = f"http://127.0.0.1:{args.port}", database_env(args.full_name, args)
    print("Cost growth: each page missed on both databases, runs alternated…", flush=True)
    # Each server has its own Redis database: what one cached must not be served by the other, and its writes
    # (the Bumper's) must not change the other's content version.
    sibling = sibling_redis(args.redis)
    small_env = {**database_env("ogp_bench_small", args), "REDIS_URL": sibling, "CACHE_URL": sibling}
    sites = {"full": (base, env["REDIS_URL"]), "small": (f"http://127.0.0.1:{args.port + 1}", small_env["REDIS_URL"])}
    for url in (env["REDIS_URL"], small_env["REDIS_URL"]):
        redis.Redis.from_url(url).flushdb()
    with Server(env, args.port), Workers(env, 1), Server(small_env, args.port + 1), Workers(small_env, 1, "small"):
        small_http = measure_growth(sites, {"full": full["pages"], "small": small["pages"]}, http,
                                    seconds=args.small_seconds)  # fmt: skip
    for url in (env["REDIS_URL"], small_env["REDIS_URL"]):
        redis.Redis.from_url(url).flushdb()
    return small_http


def count_queries(args, full: dict, small: dict) -> dict:
    """Queries of each anonymous page (its hit address), computed with caching off, at both sizes."""
    no_cache = {"BENCH_NO_CACHE": "1"}
    anonymous = [p["name"] for p in full["pages"] if not p["headers"]]
    paths = {prepared_name: {p["name"]: p["path"] for p in prepared["pages"]} for prepared_name, prepared in
             (("full", full), ("small", small))}  # fmt: skip
    small_counts = probe({**database_env("ogp_bench_small", args), **no_cache}, "queries", *paths["small"].values())
    full_counts = probe({**database_env(args.full_name, args), **no_cache}, "queries", *paths["full"].values())
    return {paths["full"][name]: {"small": small_counts[paths["small"][name]], "full": full_counts[paths["full"][name]]}
            for name in anonymous}  # fmt: skip


def measure_reports(args, prepared: dict, env: dict) -> dict:
    results = {"sized": {}}
    for size, report_id in prepared["report_ids"].items():
        results["sized"][size] = probe(env, "render", str(report_id))
        r = results["sized"][size]
        print(f"  report, {size:>3} commitments: {r['pages']} pages in {r['seconds']:.2f} s "
              f"(WeasyPrint alone {r['p0_seconds']:.2f} s), peak {r['peak_mb']:.0f} MB", flush=True)  # fmt: skip
    _django(env)
    from bench import reports

    ids = prepared["worker_report_ids"][: 4 if args.smoke else None]  # smoke: the path, not the figure
    timings = {}
    for count in (1, 2):
        reports.reset_to_draft(ids)
        with Workers(env, count):
            timings[count] = reports.render_through_workers(ids)
        print(f"  {len(ids)} reports through {count} worker(s): {timings[count]:.1f} s", flush=True)
    results["workers"], results["count"] = timings, len(ids)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--smoke", action="store_true", help="tiny data, one-second runs, targets not judged")
    parser.add_argument("--seconds", type=float, default=None, help="seconds per load run (default 5, smoke 1)")
    parser.add_argument("--port", type=int, default=8099)
    parser.add_argument("--postgres", default=os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432"))
    parser.add_argument("--redis", default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/5"))
    args = parser.parse_args()
    args.seconds = args.seconds or (1 if args.smoke else 5)
    args.small_seconds = 1 if args.smoke else 3
    started = time.perf_counter()
    redis.Redis.from_url(args.redis).flushdb()  # cached figures of an earlier run must not survive

    print("Building the small database (600 commitments)…", flush=True)
    small = build_database(args, "ogp_bench_small", "smoke")
    if args.smoke:
        full, args.full_name = small, "ogp_bench_small"
    else:
        print("Building the full database (COPY)…", flush=True)
        full, args.full_name = build_database(args, "ogp_bench", "full"), "ogp_bench"
    counts = full["generated"]["counts"]
    print("  " + ", ".join(f"{v:,} {k}" for k, v in counts.items()) + f" in {full['build_seconds']:.0f} s", flush=True)
    env = database_env(args.full_name, args)

    print("Serving with gunicorn (2 workers) and loading with wrk: each page hit, then missed…", flush=True)
    http = measure_http(args, full, small)
    print("Query counts at 600 commitments and at full size…", flush=True)
    queries = count_queries(args, full, small)
    print("CSV export of every commitment…", flush=True)
    export = probe(env, "csv")
    print("Open-data archive of the whole public record…", flush=True)
    export["archive"] = probe(env, "archive")
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
    failed = [r for r in rows if r[-1] == "FAIL"]
    return 1 if failed and not args.smoke else 0


if __name__ == "__main__":
    sys.exit(main())
