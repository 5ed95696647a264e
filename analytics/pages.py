"""What the analytics pages show: the figures of a breakdown, the trend, a member beside the partnership, charts.

Each function runs a fixed number of queries (one per breakdown or total), whatever the data.
"""

from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from analytics import selectors
from analytics.figures import FigureRow, breakdown_rows, total_row
from analytics.selectors import without_jit
from commitments.models import Member
from common import charts
from common.cache import cached

DEFAULT_BY = "region"
CSS_CLASS = "chart analytics-chart"
BY_LABELS = {
    "region": gettext_lazy("Region"),
    "policy_area": gettext_lazy("Policy area"),
    "kind": gettext_lazy("National or local"),
    "start_year": gettext_lazy("Year the action plan started"),
    "member": gettext_lazy("Member"),
    "challenge_area": gettext_lazy("Challenge area"),
}


def rows_cached(*, by: str, member: Member | None, language: str) -> list[FigureRow]:
    """The rows of a breakdown, kept per content version (common.cache) for the CSV and signed-in API reads."""
    key = f"analytics:rows:{language}:{by}:{member.pk if member else ''}"

    def compute():
        with without_jit():
            return breakdown_rows(by=by, member=member)

    return cached(key, compute)


def members_to_choose() -> list[dict]:
    """The members with assessed commitments (the page's choice of member) as values() rows, read once per content
    version: the same on every analytics page."""
    rows = selectors.members_with_figures().values("slug", "name", "name_fr", "name_es")
    return cached("analytics:members", lambda: list(rows))


def _share_chart(chart_id: str, title: str, rows: list[FigureRow], measure: str) -> str:
    share, part, whole = {
        "completed": ("completed_share", "completed", "completion_assessed"),
        "transformative": ("transformative_share", "transformative", "impact_assessed"),
    }[measure]
    bars = [(row.label, getattr(row, share), f"{getattr(row, part)} / {getattr(row, whole)}") for row in rows]
    desc = "; ".join(f"{label}: {counts}" for label, _share, counts in bars) or _("No data.")
    return charts.share_bars(chart_id=chart_id, title=title, desc=desc, bars=bars, css_class=CSS_CLASS)


def _trend_chart(chart_id: str, rows: list[FigureRow], title: str) -> str:
    series = [
        (_("Completed"), [row.completed_share for row in rows]),
        (_("Potentially transformative"), [row.transformative_share for row in rows]),
        (_("Starred"), [row.starred_share for row in rows]),
    ]
    desc = "; ".join(
        _("%(year)s: %(completed)s completed, %(transformative)s transformative, %(starred)s starred")
        % {
            "year": row.label,
            "completed": _percent(row.completed_share),
            "transformative": _percent(row.transformative_share),
            "starred": _percent(row.starred_share),
        }
        for row in rows
    )
    return charts.trend_lines(
        chart_id=chart_id,
        title=title,
        desc=desc or _("No data."),
        years=[r.label for r in rows],
        series=series,
        css_class=CSS_CLASS,
    )


def _percent(value) -> str:
    return "—" if value is None else f"{value:g} %"


def measures_of(row: FigureRow) -> list[tuple[str, float | None]]:
    return [
        (_("Completed"), row.completed_share),
        (_("Potentially transformative"), row.transformative_share),
        (_("Starred"), row.starred_share),
        (_("Opened government"), row.opened_share),
    ]


def comparison_chart(member_row: FigureRow, partnership: FigureRow) -> str:
    pairs = [
        (name, share, other)
        for (name, share), (_name, other) in zip(measures_of(member_row), measures_of(partnership), strict=True)
    ]
    desc = "; ".join(
        _("%(measure)s: %(member)s for %(name)s, %(all)s for the partnership")
        % {"measure": name, "member": _percent(share), "name": member_row.label, "all": _percent(other)}
        for name, share, other in pairs
    )
    title = _("%(name)s beside the partnership") % {"name": member_row.label}
    names = (member_row.label, _("All members"))
    return charts.paired_bars(chart_id="compare", title=title, desc=desc, names=names, pairs=pairs, css_class=CSS_CLASS)


def analytics_page(*, by: str, member: Member | None) -> dict:
    """Everything the public page shows: 3 queries, 5 with a member (and, where JIT is on, without_jit's SET LOCAL)."""
    with without_jit():
        return _analytics_page(by=by, member=member)


def _rows(*, by: str, member: Member | None) -> list[FigureRow]:
    """A member's rows, or the partnership's: the same on every member's page, kept per content version."""
    if member is None:
        return rows_cached(by=by, member=None, language=get_language())
    return breakdown_rows(by=by, member=member)


def _analytics_page(*, by: str, member: Member | None) -> dict:
    partnership = total_row(label=_("All members"))
    rows = _rows(by=by, member=member)
    trend = _rows(by="start_year", member=member)
    context = {"partnership": partnership, "glance": [partnership], "rows": rows, "trend": trend}
    if member is not None:
        context["member_row"] = mine = total_row(label=member.display_name, member=member)
        context["glance"] = [mine, partnership]
        context["comparison_chart"] = comparison_chart(mine, partnership)
        context["partnership_trend"] = partnership_trend = _rows(by="start_year", member=None)
        trend_title = _("Trend of %(name)s over action-plan cycles") % {"name": member.display_name}
        context["partnership_trend_chart"] = _trend_chart(
            "trend-all", partnership_trend, _("Trend of the partnership over action-plan cycles")
        )
    else:
        trend_title = _("Trend over action-plan cycles")
    label = BY_LABELS[by]
    context["completed_chart"] = _share_chart(
        "completed", _("Share completed, by %(by)s") % {"by": str(label).lower()}, rows, "completed"
    )
    context["transformative_chart"] = _share_chart(
        "transformative", _("Share potentially transformative, by %(by)s") % {"by": str(label).lower()}, rows,
        "transformative",
    )  # fmt: skip
    context["trend_chart"] = _trend_chart("trend", trend, trend_title)
    return context


def dashboard_page() -> dict:
    """The support unit's figures: the partnership's totals, by region and national or local (3 queries)."""
    with without_jit():
        return _dashboard_page()


def _dashboard_page() -> dict:
    partnership = total_row(label=_("All members"))
    regions = breakdown_rows(by="region")
    kinds = breakdown_rows(by="kind")
    return {
        "glance": [partnership],
        "regions": regions,
        "kinds": kinds,
        "completed_chart": _share_chart("completed", _("Share completed, by region"), regions, "completed"),
    }
