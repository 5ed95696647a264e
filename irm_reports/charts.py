"""Small SVG charts for the report, drawn on the server (no JavaScript, nothing fetched).

The markup is built from numbers and escaped labels only, and embedded inline in the report HTML,
where WeasyPrint draws it with the report's fonts.
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


SVG_ATTRIBUTES = 'xmlns="http://www.w3.org/2000/svg" class="chart" role="img" font-family="Source Sans 3"'


@dataclass
class Bar:
    label: str
    count: int
    tone: str = "good"


def bar_chart(*, title: str, bars: list[Bar], total: int, width: int = 330) -> SafeString:
    """Horizontal bars, one per category, with the count and share of `total` at the end of each."""
    row, gap, label_width, top = 18, 6, 120, 24
    bar_space = width - label_width - 70
    height = top + len(bars) * (row + gap) + 4
    largest = max([b.count for b in bars] + [1])
    parts = [
        f'<svg {SVG_ATTRIBUTES} width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" aria-label="{escape(title)}">',
        f'<text x="0" y="14" font-size="12" font-weight="700" fill="{INK}">{escape(title)}</text>',
    ]
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
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 (numbers and escaped labels only)  # nosec


def _star_points(cx: float, cy: float, outer: float) -> str:
    inner = outer * 0.45
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = -pi / 2 + i * pi / 5
        points.append(f"{cx + radius * cos(angle):.1f},{cy + radius * sin(angle):.1f}")
    return " ".join(points)


def star_chart(*, title: str, starred: int, total: int, caption: str, width: int = 330) -> SafeString:
    """One star per commitment, the starred ones filled: the starred count at a glance."""
    size, per_row, top = 18, 14, 24
    rows = max(1, -(-total // per_row))
    height = top + rows * (size + 4) + 22
    parts = [
        f'<svg {SVG_ATTRIBUTES} width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" aria-label="{escape(title)}: {starred} / {total}">',
        f'<text x="0" y="14" font-size="12" font-weight="700" fill="{INK}">{escape(title)}</text>',
    ]
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
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 (numbers and escaped labels only)  # nosec
