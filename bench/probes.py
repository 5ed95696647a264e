"""Measurements that need a process of their own (peak memory) or another database (query counts).

Run as `python -m bench.probes <probe> [arguments]` with the benchmark's environment; prints one JSON line.
"""

import json
import resource
import sys
import time


def _setup():
    import django

    django.setup()


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def query_counts(paths: list[str]) -> dict:
    """Queries each page costs, through the whole middleware stack (Django's test client)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    counts = {}
    for path in paths:
        client.get(path)  # warm caches that are per process (content types, sites)
        with CaptureQueriesContext(connection) as ctx:
            status = client.get(path).status_code
        counts[path] = len(ctx.captured_queries) if status == 200 else f"HTTP {status}"
    return counts


def csv_export() -> dict:
    """Stream the CSV of all commitments to nowhere: rows, seconds, peak memory of the process."""
    from django.test import RequestFactory

    from partnership.views.open_data import commitments_download

    start = time.perf_counter()
    baseline = _peak_rss_mb()
    rows, size = -1, 0
    for chunk in commitments_download(RequestFactory().get("/open-data/commitments.csv"), fmt="csv").streaming_content:
        size += len(chunk)
        rows += chunk.count(b"\n") if isinstance(chunk, bytes) else chunk.count("\n")
    return {
        "rows": rows,
        "bytes": size,
        "seconds": time.perf_counter() - start,
        "peak_mb": _peak_rss_mb(),
        "baseline_mb": baseline,
    }


def archive() -> dict:
    """Write the open-data archive of the whole public record to a temporary file, as the worker does: rows,
    bytes, seconds, peak memory of the process (target: under 300 MB at national scale)."""
    import tempfile

    from partnership.bundle.archive import write_archive

    start = time.perf_counter()
    baseline = _peak_rss_mb()
    with tempfile.TemporaryFile() as handle:
        counts = write_archive(handle, built_at="bench")
        size = handle.seek(0, 2)
    return {
        "rows": sum(counts.values()),
        "bytes": size,
        "seconds": time.perf_counter() - start,
        "peak_mb": _peak_rss_mb(),
        "baseline_mb": baseline,
    }


def render(report_id: int) -> dict:
    """Render one report: the whole path, and WeasyPrint alone on the same HTML (the floor P0)."""
    import weasyprint
    from django.template.loader import render_to_string
    from django.utils import translation

    from irm_reports.document import report_document
    from irm_reports.models import Report
    from irm_reports.pdf import TEMPLATE, LocalOnlyFetcher, assets_dir, report_pdf

    report = Report.objects.get(pk=report_id)
    report_pdf(report, "en")  # warm-up: fonts, templates
    start = time.perf_counter()
    rendered = report_pdf(report, "en")
    full = time.perf_counter() - start
    with translation.override("en"):
        html = render_to_string(TEMPLATE, {**report_document(report=report), "language": "en"})
    root = assets_dir()
    start = time.perf_counter()
    document = weasyprint.HTML(string=html, base_url=root.as_uri() + "/", url_fetcher=LocalOnlyFetcher(root)).render()
    document.write_pdf()
    floor = time.perf_counter() - start
    return {
        "pages": rendered.pages,
        "seconds": full,
        "p0_seconds": floor,
        "commitments": report.action_plan.commitments.count(),
        "peak_mb": _peak_rss_mb(),
    }


def main(argv: list[str]) -> None:
    _setup()
    probe, args = argv[0], argv[1:]
    if probe == "queries":
        result = query_counts(args)
    elif probe == "csv":
        result = csv_export()
    elif probe == "archive":
        result = archive()
    elif probe == "render":
        result = render(int(args[0]))
    else:
        raise SystemExit(f"unknown probe {probe}")
    print("PROBE " + json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])
