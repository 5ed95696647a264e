"""The content of a report's PDF: its rows, the "at a glance" figures and the charts.

`report_document()` reads everything in a fixed number of queries; the figures are computed in
Python from the rows it read, so the cost does not grow with the number of commitments.
Labels are translated when this runs: call it inside `translation.override(language)`.
"""

from collections import Counter
from dataclasses import dataclass

from django.db.models import Count
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from commitments.models import PolicyArea
from common import charts
from irm_reports import fieldsets, selectors
from irm_reports.models import Report
from irm_reports.provenance import plan_provenance
from irm_reports.scales import (
    Answer,
    DidItOpenGovernment,
    EarlyResults,
    Methodology,
    PotentialForResults,
    PotentialImpact,
    ReportType,
)

COMPLETION_TONES = {"complete": "strong", "substantial": "good", "limited": "mid", "not_started": "weak"}


def _count(assessments, field: str) -> Counter:
    return Counter(getattr(a, field) for a in assessments if getattr(a, field))


def _bars(counter: Counter, values) -> list[charts.Bar]:
    tones = ["strong", "good", "mid", "weak", "none", "none", "none"]
    return [charts.Bar(label=str(v.label), count=counter.get(v.value, 0), tone=tones[i]) for i, v in enumerate(values)]


@dataclass
class ReportChart:
    """A chart of the report: its SVG (title and description inside) and its numbers, shown as a table."""

    title: str
    svg: SafeString
    rows: list[tuple[str, int, str]]  # (category, commitments, share of the total)


def _count_chart(chart_id: str, title: str, bars: list[charts.Bar], total: int) -> ReportChart:
    rows = [(bar.label, bar.count, f"{_pct(bar.count, total)} %" if total else "—") for bar in bars]
    desc = _("%(counts)s (of %(total)s commitments).") % {
        "counts": "; ".join(f"{label}: {count}" for label, count, _share in rows),
        "total": total,
    }
    svg = charts.count_bars(chart_id=f"report-{chart_id}", title=title, desc=desc, bars=bars, total=total)
    return ReportChart(title=title, svg=svg, rows=rows)


def _pct(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


def glance(report: Report, assessments: list, total: int) -> dict:
    """The "at a glance" figures of the report's type."""
    figures = {
        "total": total,
        "starred": sum(1 for a in assessments if a.starred),
        "high_completion": sum(1 for a in assessments if a.high_completion),
        "ambitious": sum(1 for a in assessments if a.ambitious),
        "strong_results": sum(1 for a in assessments if a.strong_results),
        "promising": sum(1 for a in assessments if a.promising == Answer.YES),
        "verifiable": sum(1 for a in assessments if a.verifiable == Answer.YES),
        "lens": sum(1 for a in assessments if a.open_gov_lens == Answer.YES),
        "specific": sum(1 for a in assessments if a.specificity in ("medium", "high")),
        "relevant": sum(1 for a in assessments if Answer.YES in (a.relevance_ati, a.relevance_cp, a.relevance_pa)),
    }
    figures["lens_pct"] = _pct(figures["lens"], total)
    figures["ambitious_pct"] = _pct(figures["ambitious"], total)
    figures["high_completion_pct"] = _pct(figures["high_completion"], total)
    early = _count(assessments, "early_results")
    figures["early_results"] = [
        (str(v.label), early.get(v.value, 0))
        for v in (EarlyResults.SIGNIFICANT, EarlyResults.MODERATE, EarlyResults.NO_NOTABLE)
    ]
    figures["early_results_assessed"] = sum(early.values())
    figures["completion_rows"] = _completion_rows(report, _count(assessments, "completion"))
    return figures


def _potential_chart(rtype: ReportType, assessments: list, total: int):
    """Commitments by potential for results (2021 methodology's reports) or by potential impact."""
    if rtype in (ReportType.ACTION_PLAN_REVIEW, ReportType.RESULTS_REPORT):
        values = (PotentialForResults.SUBSTANTIAL, PotentialForResults.MODEST, PotentialForResults.UNCLEAR)
        title, field = _("Commitments by potential for results"), "potential_for_results"
    else:
        values = (PotentialImpact.TRANSFORMATIVE, PotentialImpact.MODERATE, PotentialImpact.MINOR, PotentialImpact.NONE)
        title, field = _("Commitments by potential impact"), "potential_impact"
    return _count_chart("potential", title, _bars(_count(assessments, field), values), total)


def _results_chart(report: Report, rtype: ReportType, assessments: list, total: int, figures: dict):
    """Early results (results reports of the 2021 methodology) or "did it open government?" (end of term)."""
    if rtype == ReportType.RESULTS_REPORT and report.methodology == Methodology.REFRESH_2021:
        values = (EarlyResults.SIGNIFICANT, EarlyResults.MODERATE, EarlyResults.NO_NOTABLE)
        return _count_chart(
            "results",
            _("Early results of the commitments assessed"),
            _bars(_count(assessments, "early_results"), values),
            figures["early_results_assessed"],
        )
    if rtype in (ReportType.END_OF_TERM_REPORT, ReportType.RESULTS_REPORT):
        values = (
            DidItOpenGovernment.OUTSTANDING,
            DidItOpenGovernment.MAJOR,
            DidItOpenGovernment.MARGINAL,
            DidItOpenGovernment.DID_NOT_CHANGE,
            DidItOpenGovernment.WORSENED,
        )
        return _count_chart(
            "results", _("Did it open government?"), _bars(_count(assessments, "diog_overall"), values), total
        )
    return None


def report_charts(report: Report, assessments: list, total: int, figures: dict) -> list[ReportChart]:
    """The charts of the report's type: inline SVG, and their numbers."""
    rtype = ReportType(report.report_type)
    result = [_potential_chart(rtype, assessments, total)]
    if rtype != ReportType.ACTION_PLAN_REVIEW:
        completion = _count(assessments, "completion")
        bars = [
            charts.Bar(label=label, count=count, tone=COMPLETION_TONES.get(value, "none"))
            for value, label, count in _completion_rows(report, completion)
        ]
        result.append(_count_chart("completion", _("Commitments by completion"), bars, total))
    results = _results_chart(report, rtype, assessments, total, figures)
    if results is not None:
        result.append(results)
    if rtype != ReportType.ACTION_PLAN_REVIEW:
        result.append(_star_chart(figures["starred"], total))
    return result


def _star_chart(starred: int, total: int) -> ReportChart:
    title = _("Starred commitments")
    desc = _("%(starred)s of %(total)s commitments are starred.") % {"starred": starred, "total": total}
    svg = charts.star_grid(
        chart_id="report-starred",
        title=title,
        desc=desc,
        starred=starred,
        total=total,
        caption=_("commitments are starred"),
    )
    share = f"{_pct(starred, total)} %" if total else "—"
    return ReportChart(title=title, svg=svg, rows=[(_("Starred"), starred, share)])


def _completion_rows(report: Report, counter: Counter) -> list[tuple[str, str, int]]:
    order = ["complete", "substantial", "limited", "not_started", "no_evidence", "withdrawn", "unclear"]
    choices = dict(fieldsets.field_choices("completion", report.methodology) or [])
    return [(value, choices[value], counter.get(value, 0)) for value in order if value in choices]


def _section(key: str, title, children=()) -> dict:
    return {"id": key, "title": title, "template": f"irm_reports/pdf/sections/{key}.html", "children": list(children)}


def _entries(rows) -> list[dict]:
    return [
        {"id": f"commitment-{r.commitment.pk}", "title": f"{r.commitment.number}. {r.commitment.title}"} for r in rows
    ]


def outline(
    report: Report, promising_rows: list, analysed_rows: list, requirements_assessed: bool = True
) -> tuple[list[dict], list[dict]]:
    """The sections and annexes of the report's type (DOMAIN §8), in order, for the body and the contents."""
    rtype = ReportType(report.report_type)
    methodology = _section("methodology", _("Methodology and IRM indicators"))
    if rtype == ReportType.ACTION_PLAN_REVIEW:
        sections = [
            _section("overview", _("Overview of the action plan")),
            _section("promising", _("Promising commitments"), _entries(promising_rows)),
            _section("recommendations", _("Recommendations")),
            methodology,
        ]
        annexes = [
            _section("annex_commitments", _("Annex 1. Commitment-by-commitment data")),
            _section("annex_requirements", _("Annex 2. Minimum requirements")),
        ]
    elif rtype == ReportType.RESULTS_REPORT:
        sections = [
            _section("key_observations", _("Key observations")),
            _section("results", _("Results of promising commitments"), _entries(promising_rows)),
            _section("participation", _("Participation and co-creation during implementation")),
            _section("recommendations", _("Lessons and recommendations")),
            methodology,
        ]
        annexes = [_section("annex_commitments", _("Annex. Commitment data"))]
    else:
        sections = [
            _section("process", _("Participation and co-creation")),
            _section("analysis", _("Analysis of the commitments"), _entries(analysed_rows)),
            _section("recommendations", _("Recommendations")),
            methodology,
        ]
        annexes = [_section("annex_commitments", _("Annex 1. Commitment data"))]
        if requirements_assessed:  # the 2017 standards table is optional in legacy reports
            annexes.append(_section("annex_requirements", _("Annex 2. Participation and Co-Creation Standards")))
    return sections, annexes


def _provenance(plan, rows) -> list[tuple]:
    """(commitment, lines) for the commitments whose origin an app above records (irm_reports.provenance)."""
    lines = plan_provenance(plan)
    return [(row.commitment, lines[row.commitment.pk]) for row in rows if row.commitment.pk in lines]


def report_document(*, report: Report) -> dict:
    """Everything the PDF template shows (a fixed number of queries)."""
    report = selectors.report_get(pk=report.pk)
    plan = report.action_plan
    rows = selectors.commitment_rows(report=report)
    assessments = [row.assessment for row in rows if row.assessment]
    total = len(rows)
    figures = glance(report, assessments, total)
    policy_areas = list(
        PolicyArea.objects.filter(commitments__action_plan=plan)
        .annotate(commitment_count=Count("commitments"))
        .order_by("-commitment_count", "name")[:4]
    )
    promising_rows = [r for r in rows if r.assessment and r.assessment.promising == Answer.YES]
    # Every assessed commitment: its ratings at least (all an imported report holds), its analysis when written.
    analysed_rows = [r for r in rows if r.assessment]
    requirements = selectors.requirement_rows(report=report)
    requirements_assessed = any(a for _r, a in requirements)
    sections, annexes = outline(report, promising_rows, analysed_rows, requirements_assessed)
    return {
        "report": report,
        "sections": sections,
        "annexes": annexes,
        "plan": plan,
        "member": plan.member,
        "rows": rows,
        "promising_rows": promising_rows,
        "analysed_rows": analysed_rows,
        "requirements": requirements,
        "requirements_assessed": requirements_assessed,
        "recommendations": selectors.report_recommendations(report=report),
        "researchers": selectors.plan_researchers(plan=plan),
        "glance": figures,
        "charts": report_charts(report, assessments, total, figures),
        "policy_areas": policy_areas,
        "fields": set(fieldsets.assessment_fields(report.report_type, report.methodology)),
        "generated_at": timezone.now(),
        "imported": report.source == Report.Source.IMPORTED,
        "provenance": _provenance(plan, rows),
    }
