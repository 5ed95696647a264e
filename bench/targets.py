"""The benchmark's results table: each page's hit and miss side by side, its floor, the ratio, the target
and PASS/FAIL (judged on the miss unless the target says otherwise), then the other measures."""

HEADER = ("measure", "hit", "miss", "floor", "ratio", "target", "result")
B1, B2 = "B1 values() + JsonResponse", "B2 plain template"
# kind (bench/addresses.py) → the floor its throughput is compared with, and the ratio a miss must reach
THROUGHPUT = {
    "api_list": ("B1", 0.5), "supported_api": ("B1", 0.5), "api_filtered": ("B1", 0.3),
    "html_list": ("B2", 0.5), "supported_html": ("B2", 0.5), "html_filtered": ("B2", 0.3), "home": ("B2", 0.5),
    "detail": ("B2", None), "signed_in": ("B2", None),
}  # fmt: skip
LATENCY_P95_MS = 100  # detail, signed-in and most-supported pages at half of peak load
LIST_P95_MS = 200  # every other page on a hit (the earlier target)
GROWTH = 1.3  # p50 at the small and at the full database, within this factor of each other


def _verdict(ok: bool | None) -> str:
    return "—" if ok is None else ("PASS" if ok else "FAIL")


class _Rows(list):
    """The table's rows; a verdict is written only when targets are judged (not in a smoke run)."""

    def __init__(self, *, judged: bool):
        super().__init__()
        self.judged = judged

    def add(self, measure, hit="", miss="", floor="", ratio="", target="", ok=None):
        self.append((measure, hit, miss, floor, ratio, target, _verdict(ok if self.judged else None)))


def _floors(rows: _Rows, http: dict) -> dict:
    floors = {"B1": http[B1]["peak"]["rps"], "B2": http[B2]["peak"]["rps"], "B2 p50": http[B2]["half"]["p50_ms"]}
    rows.add("B0 constant JSON (floor)", f"{http['B0 constant JSON']['peak']['rps']:.0f} req/s")
    rows.add("B1 values() + JsonResponse (floor)", f"{floors['B1']:.0f} req/s")
    rows.add("B2 plain template (floor)", f"{floors['B2']:.0f} req/s")
    rows.add("B2 p50 at half load (floor)", f"{floors['B2 p50']:.1f} ms")
    return floors


def _ms(run: dict) -> str:
    if not run["half"]["requests"]:
        return "no answer"  # no request of the paced run completed: no latency to judge
    return f"{run['half']['p50_ms']:.1f} / {run['half']['p95_ms']:.0f} ms"


def _throughput(rows: _Rows, name: str, data: dict, floors: dict) -> None:
    floor_name, minimum = THROUGHPUT[data["kind"]]
    floor = floors[floor_name]
    hit, miss = data["hit"]["peak"]["rps"], data["miss"]["peak"]["rps"]
    # Gone through more than once: repeats (after a write every second for a short list, bench/measure.py).
    repeats = " (repeats)" if data["miss"].get("wrapped") else ""
    target = f"miss ≥ {minimum:.2f}" if minimum else ""
    rows.add(f"{name}: req/s", f"{hit:.0f}", f"{miss:.0f}{repeats}", f"{floor_name} {floor:.0f}",
             f"{hit / floor:.2f} / {miss / floor:.2f}", target, miss / floor >= minimum if minimum else None)  # fmt: skip


def _latency(rows: _Rows, name: str, data: dict, floors: dict) -> None:
    hit, miss, kind = data["hit"]["half"], data["miss"]["half"], data["kind"]
    if kind in ("detail", "signed_in"):
        limit = 2 * floors["B2 p50"]
        target = f"miss p50 ≤ {limit:.1f}, p95 ≤ {LATENCY_P95_MS} ms"
        answered = min(hit["requests"], miss["requests"]) > 0
        ok = answered and miss["p50_ms"] <= limit and max(hit["p95_ms"], miss["p95_ms"]) <= LATENCY_P95_MS
    elif kind.startswith("supported"):
        target = f"p95 ≤ {LATENCY_P95_MS} ms"
        ok = min(hit["requests"], miss["requests"]) > 0 and max(hit["p95_ms"], miss["p95_ms"]) <= LATENCY_P95_MS
    else:
        target, ok = f"hit p95 ≤ {LIST_P95_MS} ms", hit["requests"] > 0 and hit["p95_ms"] <= LIST_P95_MS
    rows.add(f"{name}: p50 / p95, half load", _ms(data["hit"]), _ms(data["miss"]), "", "", target, ok)


def _errors(rows: _Rows, name: str, data: dict) -> None:
    runs = [data[mode][part] for mode in ("hit", "miss") for part in ("peak", "half")]
    if any(r["non2xx"] or r["socket_errors"] for r in runs):
        errors = [sum(data[mode][p]["non2xx"] + data[mode][p]["socket_errors"] for p in ("peak", "half"))
                  for mode in ("hit", "miss")]  # fmt: skip
        rows.add(f"{name}: errors", f"{errors[0]}", f"{errors[1]}", "", "", "0", False)


def _page_rows(rows: _Rows, http: dict, floors: dict) -> None:
    for name, data in http.items():
        if "hit" in data:
            _throughput(rows, name, data, floors)
            _latency(rows, name, data, floors)
            _errors(rows, name, data)
        elif data.get("after_writes"):
            floor_name, minimum = THROUGHPUT[data["kind"]]
            rps, ratio = data["peak"]["rps"], data["peak"]["rps"] / floors[floor_name]
            rows.add(f"{name}: req/s", "", f"{rps:.0f}", f"{floor_name} {floors[floor_name]:.0f}", f"{ratio:.2f}",
                     f"≥ {minimum:.2f}", ratio >= minimum)  # fmt: skip
            rows.add(f"{name}: p50 / p95, half load", "", _ms(data))


def _comparison_rows(rows: _Rows, http: dict, small: dict) -> None:
    for first, deep in [("commitment list, first page", "commitment list, last page"),
                        ("API commitments, first page", "API commitments, deep page")]:  # fmt: skip
        a, b = http[first]["hit"]["half"]["p50_ms"], http[deep]["hit"]["half"]["p50_ms"]
        rows.add(
            f"{deep} vs first page (hit p50)", f"{b:.1f} ms", "", f"{a:.1f} ms", f"{b / a:.2f}", "≤ 1.50", b / a <= 1.5
        )
    for name, data in small.items():
        # The full database's p50 measured beside the small one's (bench.measure.measure_growth); smoke runs have
        # only the main phase's.
        full, little = data.get("full", http[name]["miss"]["half"]), data["half"]
        if not (full["requests"] and little["requests"]):
            rows.add(f"{name}: miss p50, full vs small database", "", "no answer", "", "", f"≤ {GROWTH:.2f}", False)
            continue
        ratio = max(full["p50_ms"], little["p50_ms"]) / max(min(full["p50_ms"], little["p50_ms"]), 0.001)
        rows.add(f"{name}: miss p50, full vs small database", "", f"{full['p50_ms']:.1f} ms",
                 f"{little['p50_ms']:.1f} ms (small)", f"{ratio:.2f}", f"≤ {GROWTH:.2f}", ratio <= GROWTH)  # fmt: skip
    for name, data in http.items():
        if name.startswith("POST"):
            rows.add(name, f"{data['peak']['rps']:.0f} req/s", "", "", "", "no error", data["peak"]["non2xx"] == 0)


def _query_and_export_rows(rows: _Rows, queries: dict, export: dict) -> None:
    for path, counts in queries.items():
        rows.add(f"queries {path}", f"{counts['full']}", "", f"{counts['small']} (small)", "", "equal",
                 counts["full"] == counts["small"])  # fmt: skip
    rows.add("CSV export of all commitments", f"{export['rows']} rows in {export['seconds']:.1f} s")
    rows.add("CSV export: peak memory", f"{export['peak_mb']:.0f} MB", "", f"{export['baseline_mb']:.0f} MB before", "",
             "< 200 MB", export["peak_mb"] < 200)  # fmt: skip
    archive = export.get("archive")
    if archive:
        rows.add("open-data archive (ZIP)", f"{archive['rows']} rows, {archive['bytes'] / 2**20:.0f} MB in "
                 f"{archive['seconds']:.1f} s")  # fmt: skip
        rows.add("open-data archive: peak memory", f"{archive['peak_mb']:.0f} MB", "",
                 f"{archive['baseline_mb']:.0f} MB before", "", "< 300 MB", archive["peak_mb"] < 300)  # fmt: skip


def _report_rows(rows: _Rows, reports: dict) -> None:
    sized = reports["sized"]
    for size, r in sized.items():
        per_page, floor = r["seconds"] / r["pages"], r["p0_seconds"] / r["pages"]
        rows.add(f"report {size} commitments: s/page", f"{per_page:.3f} s ({r['pages']} p.)", "", f"P0 {floor:.3f} s",
                 f"{per_page / floor:.2f}", "≤ 1.50", per_page / floor <= 1.5)  # fmt: skip
        limit = 150 + 15 * r["pages"]
        rows.add(f"report {size} commitments: peak memory", f"{r['peak_mb']:.0f} MB", "", "", "", f"≤ {limit} MB",
                 r["peak_mb"] <= limit)  # fmt: skip
    small, large = sized["10"], sized["100"]
    ratio = (large["seconds"] / large["pages"]) / (small["seconds"] / small["pages"])
    rows.add("report s/page, 100 vs 10 commitments", f"{ratio:.2f}", "", "", f"{ratio:.2f}", "≤ 1.30", ratio <= 1.3)
    one, two = reports["workers"]["1"], reports["workers"]["2"]
    rows.add(f"{reports.get('count', 10)} reports, 2 workers vs 1", f"{two:.1f} s", "", f"{one:.1f} s", f"{one / two:.2f}×", "≥ 1.70×",
             one / two >= 1.7)  # fmt: skip


def table(prepared: dict, http: dict, queries: dict, export: dict, reports: dict, *, judged: bool) -> list[tuple]:
    """Every row of the results table, in the order printed (`http`: bench/run.py's measure_http())."""
    rows = _Rows(judged=judged)
    floors = _floors(rows, http["pages"])
    _page_rows(rows, http["pages"], floors)
    _comparison_rows(rows, http["pages"], http["small"])
    _query_and_export_rows(rows, queries, export)
    _report_rows(rows, reports)
    return list(rows)


def print_table(rows) -> None:
    widths = [max(len(str(r[i])) for r in rows + [HEADER]) for i in range(len(HEADER))]
    for row in [HEADER, tuple("-" * w for w in widths), *rows]:
        print("| " + " | ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)) + " |")
