"""The HTTP measurements of `make bench`: the floors, every page on a hit and on a miss, the first
requests after writes, the POSTs, and short latency runs on the small and the full database, alternated
(cost growth).

hit and miss are defined in bench/addresses.py. A miss "by writes" bumps the content version in Redis
(common/cache.py) every 10 ms while the page's address is loaded: each request follows a write.
"""

import contextlib
import tempfile
import threading
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import redis

from bench import load

# Django's key of common.cache.VERSION_KEY: no KEY_PREFIX is set, cache key version 1 (tests/bench checks it).
CONTENT_VERSION_KEY = ":1:content-version"
FLOORS = [("B0 constant JSON", "/bench/b0/"), ("B1 values() + JsonResponse", "/bench/b1/"), ("B2 plain template", "/bench/b2/")]  # fmt: skip
MISS_WRITE_SECONDS = 0.01
SHORT_LIST, SHORT_LIST_WRITE_SECONDS = 3000, 1.0
# The lists also measured with a write every 100 ms: how often a busy portal changes content.
AFTER_WRITES = ("commitment list, first page", "API commitments, first page")


class Bumper:
    """While open, a thread increments the content version every `interval` seconds (a write elsewhere)."""

    def __init__(self, redis_url: str, interval: float):
        self.client, self.interval = redis.Redis.from_url(redis_url), interval
        self.stop, self.bumps = threading.Event(), 0
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self.stop.wait(self.interval):
            self.client.incr(CONTENT_VERSION_KEY)
            self.bumps += 1

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join()


def parse_line(text: str) -> tuple[str, dict]:
    """A WRK_PATHS line: its path and headers (bench/wrk.lua reads the same format)."""
    path, *fields = text.split("\t")
    return path, dict(field.split(": ", 1) for field in fields)


def check_page(base: str, page: dict, *, samples: int = 3) -> None:
    """The hit address and the first miss addresses answer 200 with the page itself (signed in: not the
    sign-in page a session that does not work would be sent to)."""
    lines = ["\t".join([page["path"], *(f"{k}: {v}" for k, v in page["headers"].items())]), *page["miss"][:samples]]
    for text in lines:
        path, headers = parse_line(text)
        request = urllib.request.Request(base + path, headers=headers)
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 (our own server)
            final = urlsplit(response.geturl())
            final_path = final.path + (f"?{final.query}" if final.query else "")
            if response.status != 200 or final_path != path:
                raise RuntimeError(f"{page['name']}: {path} answered {response.status} at {final_path}")


def _paths_file(page: dict, tag: str) -> str:
    name = "".join(c if c.isalnum() else "-" for c in page["name"])
    path = Path(tempfile.gettempdir()) / f"ogp-bench-{tag}-{name}.txt"
    path.write_text("\n".join(page["miss"]) + "\n")
    return str(path)


def _runs(peak, half) -> dict:
    return {"peak": peak.as_dict(), "half": half.as_dict()}


@contextlib.contextmanager
def _short_list_writes(page: dict, redis_url: str):
    """A write every second while a short list of miss addresses is loaded (yields the interval, or None)."""
    if len(page["miss"]) >= SHORT_LIST:
        yield None
        return
    with Bumper(redis_url, SHORT_LIST_WRITE_SECONDS):
        yield SHORT_LIST_WRITE_SECONDS


def _miss(base: str, page: dict, seconds: float, redis_url: str, tag: str, paced: bool) -> dict:
    cookie = {"WRK_COOKIE": page["headers"].get("Cookie", "")}
    if page["miss_by"] == "writes":
        with Bumper(redis_url, MISS_WRITE_SECONDS) as bumper:
            peak, half = load.peak_then_half(base + page["path"], seconds=seconds, env=cookie, half=paced)
        return {**_runs(peak, half), "by": f"a write every {MISS_WRITE_SECONDS * 1000:.0f} ms", "bumps": bumper.bumps}
    env = {"WRK_PATHS": _paths_file(page, tag), "WRK_SEQUENTIAL": "1"}
    # A short list (300 members in 3 languages) may be gone through more than once in a run: a write every
    # second then makes sure that an address seen again is not served from what its first visit cached.
    with _short_list_writes(page, redis_url) as interval:
        peak, half = load.peak_then_half(base + page["path"], seconds=seconds, env=env, half=paced)
    used = load.used(half)
    by = "new addresses" + (f", a write every {interval:.0f} s" if interval else "")
    return {**_runs(peak, half), "by": by, "addresses": len(page["miss"]), "used": used,
            "wrapped": used > len(page["miss"])}  # fmt: skip


def _print(name: str, mode: str, runs: dict) -> None:
    peak, half = runs["peak"], runs["half"]
    note = " (list wrapped: some repeats)" if runs.get("wrapped") else ""
    print(f"  {name[:36]:36} {mode:4} {peak['rps']:8.1f} req/s   p50 {half['p50_ms']:7.1f} ms   "
          f"p95 {half['p95_ms']:7.1f} ms   non-2xx {peak['non2xx'] + half['non2xx']}{note}", flush=True)  # fmt: skip


def measure_pages(base: str, pages: list[dict], *, seconds: float, redis_url: str, paced: bool = True) -> dict:
    """The floors, then each page: hit (its address again) and miss. paced=False: no half-load runs (smoke)."""
    results = {}
    for name, path in FLOORS:
        peak, half = load.peak_then_half(base + path, seconds=seconds, half=paced)
        results[name] = {"path": path, **_runs(peak, half)}
        _print(name, "", results[name])
    for page in pages:
        check_page(base, page)
        cookie = {"WRK_COOKIE": page["headers"].get("Cookie", "")}
        peak, half = load.peak_then_half(base + page["path"], seconds=seconds, env=cookie, half=paced)
        entry = {"path": page["path"], "kind": page["kind"], "hit": _runs(peak, half)}
        _print(page["name"], "hit", entry["hit"])
        entry["miss"] = _miss(base, page, seconds, redis_url, "full", paced)
        _print(page["name"], "miss", entry["miss"])
        results[page["name"]] = entry
    for page in pages:
        if page["name"] in AFTER_WRITES:
            with Bumper(redis_url, 0.1):
                peak, half = load.peak_then_half(base + page["path"], seconds=seconds, half=paced)
            name = f"{page['name']}, a write every 100 ms"
            results[name] = {"path": page["path"], "kind": page["kind"], "after_writes": True, **_runs(peak, half)}
            _print(name, "", results[name])
    return results


def measure_posts(base: str, prepared: dict, *, seconds: float) -> dict:
    """POST support and POST proposal under load: throughput and any non-2xx answer."""
    tokens = Path(tempfile.gettempdir()) / "ogp-bench-tokens.txt"
    tokens.write_text("\n".join(prepared["tokens"]))
    support_paths = Path(tempfile.gettempdir()) / "ogp-bench-support-paths.txt"
    # Only proposals no token holder wrote: supporting one's own proposal is a 403, not what is measured.
    supportable = prepared["supportable"]
    if not supportable:
        raise RuntimeError("no proposal that a token holder may support: bench/setup_data.py chose the holders")
    support_paths.write_text("\n".join(f"/api/v1/proposals/{i}/support/" for i in supportable))
    posts = {
        "POST support (API)": {"WRK_METHOD": "POST", "WRK_PATHS": str(support_paths), "WRK_TOKENS": str(tokens), "WRK_BODY": "{}"},
        "POST proposal submission (API)": {
            "WRK_METHOD": "POST", "WRK_TOKENS": str(tokens),
            "WRK_BODY": '{"consultation": 1, "title": "Bench proposal {n}", "problem": "Problem {r}", "solution": "Solution {r}", "submit": true}',
        },
    }  # fmt: skip
    results = {}
    for name, wrk_env in posts.items():
        url = base + ("/api/v1/proposals/" if "submission" in name else "/api/v1/proposals/2/support/")
        run = load.wrk(url, connections=4, seconds=seconds, env=wrk_env)
        results[name] = {"peak": run.as_dict()}
        print(f"  {name:38} {run.rps:8.1f} req/s   non-2xx {run.non2xx} (5xx {run.server_errors})", flush=True)
    return results


def _paced(base: str, page: dict, redis_url: str, *, delay: float, seconds: float, offset: int, tag: str):
    """One paced run of a page's misses at `offset` in its addresses (writes bumped as in the main phase)."""
    cookie = {"WRK_COOKIE": page["headers"].get("Cookie", "")}
    url = base + page["path"]
    if page["miss_by"] == "writes":
        with Bumper(redis_url, MISS_WRITE_SECONDS):
            return load.wrk(url, connections=load.PACED_CONNECTIONS, seconds=seconds, delay_ms=delay, env=cookie)
    env = {"WRK_PATHS": _paths_file(page, tag), "WRK_SEQUENTIAL": "1", "WRK_OFFSET": str(offset)}
    with _short_list_writes(page, redis_url):
        return load.wrk(url, connections=load.PACED_CONNECTIONS, seconds=seconds, delay_ms=delay, env=env)


def _mean_run(runs: list) -> dict:
    """The mean p50 and p95 of a page's runs on one database; no answer (0 requests) if one run got none."""
    if not all(run.requests for run in runs):
        return {"p50_ms": 0.0, "p95_ms": 0.0, "requests": 0, "runs": [run.as_dict() for run in runs]}
    return {"p50_ms": sum(run.p50_ms for run in runs) / len(runs), "p95_ms": sum(run.p95_ms for run in runs) / len(runs),
            "requests": sum(run.requests for run in runs), "non2xx": sum(run.non2xx for run in runs),
            "runs": [run.as_dict() for run in runs]}  # fmt: skip


# Full, small, small, full: a load that drifts during the four runs weighs on both sizes alike.
GROWTH_ORDER = ("full", "small", "small", "full")


def measure_growth(sites: dict, pages: dict, full: dict, *, seconds: float) -> dict:
    """Each page missed on both databases at the offered load of its half-load run at full size, two short runs
    each, alternated (GROWTH_ORDER) while both servers run: the p50s compared show how a page's cost grows with
    the data, not how the machine's load changed between two phases of the benchmark (the main phase's misses
    are measured minutes before or after). `sites` maps "full" and "small" to (base address, Redis URL);
    `pages` maps them to the pages of each database (bench/addresses.py)."""
    by_name = {size: {page["name"]: page for page in pages[size]} for size in ("full", "small")}
    for base, _redis in sites.values():  # both servers' workers warmed before the first page is measured
        for _ in range(10):
            urllib.request.urlopen(base + "/", timeout=60).read()  # noqa: S310 (our own server)
    results = {}
    for name, small_page in by_name["small"].items():
        page = {"full": by_name["full"][name], "small": small_page}
        for size in ("full", "small"):
            check_page(sites[size][0], page[size], samples=1)
        delay = load.half_delay_ms(full[name]["miss"]["peak"]["rps"], seconds)
        # The full database's addresses go on after those the main phase used; the small one's after the one
        # check_page fetched.
        offset = {"full": full[name]["miss"].get("used", 0), "small": 1}
        runs = {"full": [], "small": []}
        for size in GROWTH_ORDER:
            base, redis_url = sites[size]
            run = _paced(base, page[size], redis_url, delay=delay, seconds=seconds, offset=offset[size], tag=size)
            offset[size] = run.next_offset
            runs[size].append(run)
        results[name] = {"half": _mean_run(runs["small"]), "full": _mean_run(runs["full"])}
        print(f"  {name[:36]:36} p50 full {results[name]['full']['p50_ms']:7.1f} ms   "
              f"small {results[name]['half']['p50_ms']:7.1f} ms", flush=True)  # fmt: skip
    return results
