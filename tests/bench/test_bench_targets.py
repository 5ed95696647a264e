"""The benchmark's table judges each page by its kind, on the miss, against the issue's targets."""

from bench.measure import CONTENT_VERSION_KEY
from bench.targets import table
from common.cache import VERSION_KEY
from common.redis_cache import ResilientRedisCache


def _run(rps: float, p50: float = 5, p95: float = 20) -> dict:
    return {"rps": rps, "p50_ms": p50, "p95_ms": p95, "requests": 10, "non2xx": 0, "socket_errors": 0}


def _page(kind: str, hit: float, miss: float, *, p50: float = 5, p95: float = 20) -> dict:
    return {"kind": kind, "hit": {"peak": _run(hit), "half": _run(hit / 2)},
            "miss": {"peak": _run(miss), "half": _run(miss / 2, p50, p95)}}  # fmt: skip


def _rows(pages: dict) -> dict:
    floors = {"B0 constant JSON": {"peak": _run(3000), "half": _run(1500)},
              "B1 values() + JsonResponse": {"peak": _run(1000), "half": _run(500)},
              "B2 plain template": {"peak": _run(800), "half": _run(400, p50=4)}}  # fmt: skip
    first = _page("html_list", 800, 500)
    pages = {"commitment list, first page": first, "commitment list, last page": first,
             "API commitments, first page": first, "API commitments, deep page": first, **pages}  # fmt: skip
    small = {name: {"half": data["miss"]["half"]} for name, data in pages.items()}
    export = {"rows": 1, "seconds": 1, "peak_mb": 1, "baseline_mb": 1}
    report = {"seconds": 1, "pages": 1, "p0_seconds": 1, "peak_mb": 1}
    reports = {"sized": {"10": report, "100": report}, "workers": {"1": 2.0, "2": 1.0}}
    rows = table({}, {"pages": {**floors, **pages}, "small": small}, {}, export, reports, judged=True)
    return {row[0]: row for row in rows}


def test_a_list_is_judged_on_its_miss_against_its_floor():
    pages = {"API a": _page("api_list", 2000, 499), "API b": _page("api_list", 900, 500)}
    pages |= {"API search": _page("api_filtered", 900, 300), "HTML search": _page("html_filtered", 900, 239)}
    rows = _rows(pages)
    assert rows["API a: req/s"][1:3] == ("2000", "499") and rows["API a: req/s"][-1] == "FAIL"
    assert rows["API b: req/s"][-1] == "PASS"
    assert rows["API search: req/s"][-1] == "PASS"
    assert rows["HTML search: req/s"][-1] == "FAIL"  # 239 < 0.3 × B2's 800


def test_detail_and_signed_in_pages_are_judged_on_their_miss_latency():
    rows = _rows({"fast": _page("detail", 100, 50, p50=8, p95=90), "slow": _page("signed_in", 100, 50, p50=8.1),
                  "spiky": _page("detail", 100, 50, p95=101)})  # fmt: skip
    assert rows["fast: p50 / p95, half load"][-1] == "PASS"  # p50 ≤ 2 × B2's 4 ms, p95 ≤ 100 ms
    assert rows["slow: p50 / p95, half load"][-1] == "FAIL"
    assert rows["spiky: p50 / p95, half load"][-1] == "FAIL"
    assert rows["fast: req/s"][-1] == "—"  # their throughput is shown, not judged


def test_cost_growth_compares_the_miss_p50_at_both_sizes():
    rows = _rows({"page": _page("detail", 100, 50, p50=5)})
    assert rows["page: miss p50, full vs small database"][-1] == "PASS"


def test_a_paced_run_with_no_answer_fails_rather_than_reading_zero_ms():
    silent = _page("detail", 1, 1)
    silent["miss"]["half"]["requests"] = 0
    rows = _rows({"silent": silent})
    assert rows["silent: p50 / p95, half load"][2] == "no answer"
    assert rows["silent: p50 / p95, half load"][-1] == "FAIL"


def test_the_harness_bumps_the_key_the_portal_reads():
    assert ResilientRedisCache("redis://127.0.0.1:6379/0", {}).make_key(VERSION_KEY) == CONTENT_VERSION_KEY
