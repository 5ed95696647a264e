"""The benchmark's results table: each figure beside its floor, the ratio, the target and PASS/FAIL."""

HEADER = ("measure", "value", "floor", "ratio", "target", "result")


def _verdict(ok: bool | None) -> str:
    return "—" if ok is None else ("PASS" if ok else "FAIL")


class _Rows(list):
    """The table's rows; a verdict is written only when targets are judged (not in a smoke run)."""

    def __init__(self, *, judged: bool):
        super().__init__()
        self.judged = judged

    def add(self, measure, value, floor, ratio, target, ok):
        self.append((measure, value, floor, ratio, target, _verdict(ok if self.judged else None)))


def _floor_rows(rows: _Rows, http: dict) -> tuple[float, float]:
    """The B0, B1 and B2 floors; returns B1's and B2's throughput."""
    b1, b2 = http["B1 values() + JsonResponse"]["peak"]["rps"], http["B2 plain template"]["peak"]["rps"]
    rows.add("B0 constant JSON (floor)", f"{http['B0 constant JSON']['peak']['rps']:.0f} req/s", "", "", "", None)
    rows.add("B1 values() + JsonResponse (floor)", f"{b1:.0f} req/s", "", "", "", None)
    rows.add("B2 plain template (floor)", f"{b2:.0f} req/s", "", "", "", None)
    return b1, b2


def _page_rows(rows: _Rows, name: str, data: dict, b1: float, b2: float) -> None:
    """One page's throughput (against its floor), latency at half load and errors."""
    if name.endswith("(uncached)"):
        rows.add(f"{name}: throughput", f"{data['peak']['rps']:.0f} req/s", "", "", "", None)
        half = data["half"]
        rows.add(f"{name}: p50 / p95 at half load", f"{half['p50_ms']:.0f} / {half['p95_ms']:.0f} ms", "", "", "", None)
        return
    rps = data["peak"]["rps"]
    if name.startswith("API commitments"):
        rows.add(f"{name}: throughput", f"{rps:.0f} req/s", "B1", f"{rps / b1:.2f}", "≥ 0.50", rps / b1 >= 0.5)
    elif name.startswith(("member list", "commitment list")):
        rows.add(f"{name}: throughput", f"{rps:.0f} req/s", "B2", f"{rps / b2:.2f}", "≥ 0.50", rps / b2 >= 0.5)
    else:
        rows.add(f"{name}: throughput", f"{rps:.0f} req/s", "", "", "", None)
    p95 = data["half"]["p95_ms"]
    rows.add(f"{name}: p95 at half load", f"{p95:.0f} ms", "", "", "≤ 200 ms", p95 <= 200)
    if data["peak"]["non2xx"] or data["peak"]["socket_errors"]:
        rows.add(f"{name}: errors", f"{data['peak']['non2xx']} non-2xx", "", "", "0", False)


def _http_rows(rows: _Rows, http: dict) -> None:
    b1, b2 = _floor_rows(rows, http)
    for name, data in http.items():
        if not name.startswith(("B0", "B1", "B2", "POST")):
            _page_rows(rows, name, data, b1, b2)
    for first, deep in [("commitment list, first page", "commitment list, last page"),
                        ("API commitments, first page", "API commitments, deep page")]:  # fmt: skip
        a, b = http[first]["half"]["p50_ms"], http[deep]["half"]["p50_ms"]
        rows.add(f"{deep} vs first page (p50)", f"{b:.1f} ms", f"{a:.1f} ms", f"{b / a:.2f}", "≤ 1.50", b / a <= 1.5)
    for name, data in http.items():
        if name.startswith("POST"):
            rows.add(name, f"{data['peak']['rps']:.0f} req/s", "", "", "no error", data["peak"]["non2xx"] == 0)


def _query_and_export_rows(rows: _Rows, queries: dict, export: dict) -> None:
    for path, counts in queries.items():
        rows.add(
            f"queries {path}",
            f"{counts['full']}",
            f"{counts['small']} (small)",
            "",
            "equal",
            counts["full"] == counts["small"],
        )
    rows.add("CSV export of all commitments", f"{export['rows']} rows in {export['seconds']:.1f} s", "", "",
             "", None)  # fmt: skip
    rows.add("CSV export: peak memory", f"{export['peak_mb']:.0f} MB", f"{export['baseline_mb']:.0f} MB before", "",
             "< 200 MB", export["peak_mb"] < 200)  # fmt: skip


def _report_rows(rows: _Rows, reports: dict) -> None:
    sized = reports["sized"]
    for size, r in sized.items():
        per_page, floor = r["seconds"] / r["pages"], r["p0_seconds"] / r["pages"]
        rows.add(f"report {size} commitments: s/page", f"{per_page:.3f} s ({r['pages']} p.)", f"P0 {floor:.3f} s",
                 f"{per_page / floor:.2f}", "≤ 1.50", per_page / floor <= 1.5)  # fmt: skip
        limit = 150 + 15 * r["pages"]
        rows.add(
            f"report {size} commitments: peak memory",
            f"{r['peak_mb']:.0f} MB",
            "",
            "",
            f"≤ {limit} MB",
            r["peak_mb"] <= limit,
        )
    small, large = sized["10"], sized["100"]
    ratio = (large["seconds"] / large["pages"]) / (small["seconds"] / small["pages"])
    rows.add("report s/page, 100 vs 10 commitments", f"{ratio:.2f}", "", f"{ratio:.2f}", "≤ 1.30", ratio <= 1.3)
    one, two = reports["workers"]["1"], reports["workers"]["2"]
    rows.add("10 reports, 2 workers vs 1", f"{two:.1f} s", f"{one:.1f} s", f"{one / two:.2f}×", "≥ 1.70×",
             one / two >= 1.7)  # fmt: skip


def table(prepared: dict, http: dict, queries: dict, export: dict, reports: dict, *, judged: bool) -> list[tuple]:
    """Every row of the results table, in the order printed."""
    rows = _Rows(judged=judged)
    _http_rows(rows, http)
    _query_and_export_rows(rows, queries, export)
    _report_rows(rows, reports)
    return list(rows)


def print_table(rows) -> None:
    widths = [max(len(str(r[i])) for r in rows + [HEADER]) for i in range(6)]
    for row in [HEADER, tuple("-" * w for w in widths), *rows]:
        print("| " + " | ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)) + " |")
