"""The analytics' charts, drawn on the server as SVG (no JavaScript), in the manner of irm_reports.charts.

Each chart is an image with a <title> and a <desc> (named by aria-labelledby) that say what it shows
in words; the page also gives its numbers as a table. The markup is built from numbers and escaped
labels only.
"""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from irm_reports.charts import INK, LINE, MUTED, TONES

SERIES_TONES = ("#0b4a7a", "#0d7a6f", "#a05a00", "#6b3fa0")
DASHES = ("", "6 3", "2 3", "8 3 2 3")  # told apart without colour


def _open(chart_id: str, title: str, desc: str, width: int, height: int) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart analytics-chart" role="img" '
        f'font-family="Source Sans 3" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>',
        f'<text x="0" y="14" font-size="13" font-weight="700" fill="{INK}" aria-hidden="true">{escape(title)}</text>',
    ]


def _close(parts: list[str]) -> SafeString:
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 (numbers and escaped labels only)  # nosec


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:g} %"


def share_bars(*, chart_id: str, title: str, desc: str, bars: list[tuple[str, float | None, str]], width: int = 560):
    """One bar per label on a 0–100 % scale; each bar is (label, share or None, "part / whole")."""
    row, gap, label_width, top = 18, 6, 190, 28
    bar_space = width - label_width - 110
    height = top + len(bars) * (row + gap) + 4
    parts = _open(chart_id, title, desc, width, height)
    for index, (label, share, counts) in enumerate(bars):
        y = top + index * (row + gap)
        length = round(bar_space * (share or 0) / 100)
        short = label if len(label) <= 30 else label[:29] + "…"
        parts += [
            f'<text x="{label_width - 8}" y="{y + 14}" font-size="11" text-anchor="end" fill="{INK}">'
            f"{escape(short)}</text>",
            f'<rect x="{label_width}" y="{y}" width="{bar_space}" height="{row}" fill="{TONES["none"]}" rx="2"/>',
            f'<rect x="{label_width}" y="{y}" width="{length}" height="{row}" fill="{TONES["strong"]}" rx="2"/>',
            f'<text x="{label_width + bar_space + 8}" y="{y + 14}" font-size="11" font-weight="700" fill="{INK}">'
            f'{_percent(share)}<tspan font-weight="400" fill="{MUTED}"> · {escape(counts)}</tspan></text>',
        ]
    return _close(parts)


def trend_lines(*, chart_id: str, title: str, desc: str, years: list[str], series: list[tuple[str, list]], width=560):
    """Shares (0–100 %) over the years, one line per series (name, shares with None for no data)."""
    left, top, plot_height, legend = 36, 28, 150, 18 * len(series)
    plot_width = width - left - 12
    height = top + plot_height + 26 + legend
    parts = _open(chart_id, title, desc, width, height)
    for tick in (0, 25, 50, 75, 100):
        y = top + plot_height - plot_height * tick / 100
        parts += [
            f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_width}" y2="{y:.1f}" stroke="{LINE}"/>',
            f'<text x="{left - 4}" y="{y + 4:.1f}" font-size="10" text-anchor="end" fill="{MUTED}">{tick} %</text>',
        ]
    step = plot_width / max(len(years) - 1, 1)
    for index, year in enumerate(years):
        x = left + index * step
        parts.append(
            f'<text x="{x:.1f}" y="{top + plot_height + 14}" font-size="10" text-anchor="middle" fill="{MUTED}">'
            f"{escape(year)}</text>"
        )
    for number, (name, shares) in enumerate(series):
        tone, dash = SERIES_TONES[number % len(SERIES_TONES)], DASHES[number % len(DASHES)]
        dashing = f' stroke-dasharray="{dash}"' if dash else ""
        points = [
            (left + i * step, top + plot_height - plot_height * share / 100)
            for i, share in enumerate(shares)
            if share is not None
        ]
        if len(points) > 1:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
            parts.append(f'<polyline points="{path}" fill="none" stroke="{tone}" stroke-width="2"{dashing}/>')
        parts += [f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{tone}"/>' for x, y in points]
        y = top + plot_height + 30 + number * 18
        parts += [
            f'<line x1="{left}" y1="{y - 4}" x2="{left + 24}" y2="{y - 4}" stroke="{tone}" stroke-width="2"{dashing}/>',
            f'<text x="{left + 30}" y="{y}" font-size="11" fill="{INK}">{escape(name)}</text>',
        ]
    return _close(parts)


def paired_bars(*, chart_id: str, title: str, desc: str, names: tuple[str, str], pairs: list, width: int = 560):
    """Two bars per measure (a member beside the partnership): pairs of (measure, share, share)."""
    row, label_width, top = 14, 190, 44
    bar_space = width - label_width - 70
    height = top + len(pairs) * (2 * row + 12)
    parts = _open(chart_id, title, desc, width, height)
    tones = (SERIES_TONES[0], TONES["mid"])
    for number, name in enumerate(names):
        x = label_width + number * 180
        parts += [
            f'<rect x="{x}" y="20" width="12" height="12" fill="{tones[number]}"/>',
            f'<text x="{x + 16}" y="30" font-size="11" fill="{INK}">{escape(name)}</text>',
        ]
    for index, (measure, *shares) in enumerate(pairs):
        y = top + index * (2 * row + 12)
        parts.append(
            f'<text x="{label_width - 8}" y="{y + row + 4}" font-size="11" text-anchor="end" fill="{INK}">'
            f"{escape(measure)}</text>"
        )
        for number, share in enumerate(shares):
            top_y = y + number * row
            length = round(bar_space * (share or 0) / 100)
            parts += [
                f'<rect x="{label_width}" y="{top_y}" width="{length}" height="{row - 2}" fill="{tones[number]}"/>',
                f'<text x="{label_width + length + 6}" y="{top_y + row - 3}" font-size="10.5" fill="{INK}">'
                f"{_percent(share)}</text>",
            ]
    return _close(parts)
