"""Charts drawn on the server as SVG (no JavaScript, nothing fetched), for the pages and the PDF reports.

Each chart is an image with a <title> and a <desc> (named by aria-labelledby) that say what it shows in words;
whoever shows one gives its numbers as a table too. The markup is built from numbers and escaped labels only;
the PDF embeds it inline, where WeasyPrint draws it with the report's fonts.
"""

from dataclasses import dataclass
from math import cos, pi, sin

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

INK = "#1c2430"
MUTED = "#5a6472"
LINE = "#d9dee5"
TONES = {
    "strong": "#0b4a7a",
    "good": "#2f7fb8",
    "mid": "#7fb2d9",
    "weak": "#c9d6e3",
    "none": "#e7ebf0",
    "accent": "#0d7a6f",
    "star": "#e0a030",
}
SERIES_TONES = ("#0b4a7a", "#0d7a6f", "#a05a00", "#6b3fa0")
DASHES = ("", "6 3", "2 3", "8 3 2 3")  # told apart without colour


def _open(chart_id: str, title: str, desc: str, width: int, height: int, css_class: str = "chart") -> list[str]:
    """The <svg> with its <title> and <desc> (what the chart shows in words) and the title drawn on top."""
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="{escape(css_class)}" role="img" '
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


def share_bars(
    *, chart_id: str, title: str, desc: str, bars: list[tuple[str, float | None, str]], width=560, css_class="chart"
):
    """One bar per label on a 0–100 % scale; each bar is (label, share or None, "part / whole")."""
    row, gap, label_width, top = 18, 6, 190, 28
    bar_space = width - label_width - 110
    height = top + len(bars) * (row + gap) + 4
    parts = _open(chart_id, title, desc, width, height, css_class)
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


def trend_lines(
    *,
    chart_id: str,
    title: str,
    desc: str,
    years: list[str],
    series: list[tuple[str, list]],
    width=560,
    css_class="chart",
):
    """Shares (0–100 %) over the years, one line per series (name, shares with None for no data)."""
    left, top, plot_height, legend = 36, 28, 150, 18 * len(series)
    plot_width = width - left - 12
    height = top + plot_height + 26 + legend
    parts = _open(chart_id, title, desc, width, height, css_class)
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


def paired_bars(
    *, chart_id: str, title: str, desc: str, names: tuple[str, str], pairs: list, width=560, css_class="chart"
):
    """Two bars per measure (a member beside the partnership): pairs of (measure, share, share)."""
    row, label_width, top = 14, 190, 44
    bar_space = width - label_width - 70
    height = top + len(pairs) * (2 * row + 12)
    parts = _open(chart_id, title, desc, width, height, css_class)
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


@dataclass
class Bar:
    label: str
    count: int
    tone: str = "good"


def count_bars(*, chart_id: str, title: str, desc: str, bars: list[Bar], total: int, width=330, css_class="chart"):
    """Horizontal bars, one per category, with the count and share of `total` at the end of each."""
    row, gap, label_width, top = 18, 6, 120, 24
    bar_space = width - label_width - 70
    height = top + len(bars) * (row + gap) + 4
    largest = max([b.count for b in bars] + [1])
    parts = _open(chart_id, title, desc, width, height, css_class)
    for index, bar in enumerate(bars):
        y = top + index * (row + gap)
        length = round(bar_space * bar.count / largest) if bar.count else 0
        share = f"{round(100 * bar.count / total)} %" if total else "—"
        parts += [
            f'<text x="{label_width - 8}" y="{y + 15}" font-size="10.5" text-anchor="end" fill="{INK}">'
            f"{escape(bar.label)}</text>",
            f'<rect x="{label_width}" y="{y}" width="{bar_space}" height="{row}" fill="{TONES["none"]}" rx="2"/>',
            f'<rect x="{label_width}" y="{y}" width="{length}" height="{row}" fill="{TONES.get(bar.tone, bar.tone)}" '
            f'rx="2"/>',
            f'<text x="{label_width + bar_space + 8}" y="{y + 15}" font-size="10.5" font-weight="700" fill="{INK}">'
            f'{bar.count}<tspan font-weight="400" fill="{MUTED}"> · {share}</tspan></text>',
        ]
    return _close(parts)


def _star_points(cx: float, cy: float, outer: float) -> str:
    inner = outer * 0.45
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = -pi / 2 + i * pi / 5
        points.append(f"{cx + radius * cos(angle):.1f},{cy + radius * sin(angle):.1f}")
    return " ".join(points)


def star_grid(*, chart_id: str, title: str, desc: str, starred: int, total: int, caption: str, width=330):
    """One star per item, the first `starred` filled: the starred count at a glance."""
    size, per_row, top = 18, 14, 24
    rows = max(1, -(-total // per_row))
    height = top + rows * (size + 4) + 22
    parts = _open(chart_id, title, desc, width, height)
    for index in range(total):
        cx = size / 2 + (index % per_row) * (size + 3)
        cy = top + size / 2 + (index // per_row) * (size + 4)
        filled = index < starred
        parts.append(
            f'<polygon points="{_star_points(cx, cy, size / 2)}" fill="{TONES["star"] if filled else "#fff"}" '
            f'stroke="{TONES["star"] if filled else LINE}" stroke-width="1.2"/>'
        )
    parts.append(
        f'<text x="0" y="{height - 5}" font-size="10.5" fill="{MUTED}"><tspan font-weight="700" fill="{INK}">'
        f"{starred} / {total}</tspan> {escape(caption)}</text>"
    )
    return _close(parts)
