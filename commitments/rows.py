"""The rows of the HTML commitment lists (an action plan's page, the commitment list), written in Python: the
markup of templates/commitments/includes/_commitment_row.html and includes/_progress.html, byte for byte.

An action plan shows all its commitments (dozens) on one page; through the two includes each row cost more than
the page's queries. The templates stay the reference: tests/commitments/test_commitment_rows.py renders both
on the same rows, in every language, and compares them.
"""

from django.utils.safestring import SafeString
from django.utils.translation import gettext

from commitments import selectors
from common.cache import cached_fragments
from common.html import SharedParts, joined
from common.html import template_value as _value
from common.templatetags.markup import lang_attr, localized
from common.templatetags.portal import percent
from common.translations import shown_in

_ROW = (
    '\n<li class="card commitment-card" id="commitment-{pk}">\n  <div class="card-heading">\n'
    '    <span class="commitment-number">{number}</span>\n'
    '    <a href="{url}" class="card-title"{lang}>{title}</a>{machine}\n  </div>\n  <p class="muted">\n'
    "    {plan}\n    {lead}\n    {completion}\n  </p>\n  {tags}\n  {progress}\n</li>\n"
)
_PROGRESS = (
    '\n<div class="progress" title="{title}">\n'
    '  <div class="progress-bar" role="progressbar" aria-valuenow="{pct}" aria-valuemin="0" aria-valuemax="100" '
    'aria-label="{label}"><span style="width: {pct}%"></span></div>\n'
    '  <span class="progress-label">{short}</span>\n</div>\n'
)


def progress(done, total, labels: dict | None = None) -> str:
    """includes/_progress.html (its output, final line break included): the share of milestones completed.
    `labels`: its texts in the active language, when a list passes them once for all its rows (_labels())."""
    labels = labels or _labels()
    if not total:
        return labels["none"]
    values = {"done": _value(done), "total": _value(total)}
    return _PROGRESS.format(
        title=labels["title"] % values, pct=_value(percent(done, total)), label=labels["label"],
        short=labels["short"] % values,
    )  # fmt: skip


def _labels() -> dict:
    return {
        "none": f'\n<p class="progress-none muted">{gettext("No milestones recorded")}</p>\n',
        "title": gettext("%(done)s of %(total)s milestones completed"),
        "label": gettext("Milestones completed"),
        "short": gettext("%(done)s/%(total)s milestones"),
        "machine": f' <span class="badge badge-machine">{gettext("Machine translation")}</span>',
    }


def _shared() -> SharedParts:
    """What the rows of one list share (a list shows the same plan, areas and completions on many rows)."""
    return SharedParts(**_labels())


def _plan(action_plan) -> str:
    label = f"{_value(localized(action_plan.member))} · {_value(action_plan.period_label)}"
    return f'<a href="{_value(action_plan.get_absolute_url())}">{label}</a> · '


def _tag(area) -> str:
    return f'<li><a class="tag" href="{_value(area.get_absolute_url())}">{_value(localized(area))}</a></li>'


def _completion(commitment) -> str:
    return (
        f' · <span class="badge badge-{_value(commitment.completion)}">'
        f"{_value(commitment.get_completion_display())}</span>"
    )


def _tags(commitment, shared: SharedParts) -> str:
    areas = commitment.listed_areas  # selectors.with_listed_areas
    if not areas:
        return ""
    return f'<ul class="tags">{"".join(shared.keep(("area", area.pk), lambda a=area: _tag(a)) for area in areas)}</ul>'


def commitment_row(commitment, *, show_plan: bool = False, shared: SharedParts | None = None) -> str:
    """One row, as the template renders it (the active language); `shared`: what the rows of its list share."""
    shared = shared or _shared()
    lead = commitment.lead_institution
    shown = shown_in(commitment)
    plan = commitment.action_plan if show_plan else None
    completion = commitment.completion
    return _ROW.format(
        pk=_value(commitment.pk),
        number=_value(commitment.number),
        url=_value(commitment.get_absolute_url()),
        lang=lang_attr(shown),
        title=_value(shown.title),
        machine=shared.labels["machine"] if shown.machine_translated else "",
        plan=shared.keep(("plan", plan.pk), lambda: _plan(plan)) if plan else "",
        lead=_value(lead.name) if lead else "",
        completion=shared.keep(("completion", completion), lambda: _completion(commitment)) if completion else "",
        tags=_tags(commitment, shared),
        progress=progress(commitment.milestones_completed, commitment.milestone_count, shared.labels),
    )


def listed_rows(ids: list[int]) -> SafeString:
    """The commitment list's rows (with their plan) of these commitments, in this order. Each row is kept in the
    cache (per language and content version, common.cache.cached_fragments): another filter or page that lists it
    reads it with the others in one call; only the rows not found are read from the database and written."""

    def render(missing: list[int]) -> dict:
        shared = _shared()
        rows = selectors.with_listed_areas(list(selectors.listed_commitments(ids=missing)))
        return {c.pk: commitment_row(c, show_plan=True, shared=shared) for c in rows}

    return joined(cached_fragments("listed-commitment", ids, render))


def commitment_rows(commitments, *, show_plan: bool = False) -> SafeString:
    """The rows of a list page, joined (`commitments`: a queryset of the selectors above, read here)."""
    shared = _shared()
    rows = selectors.with_listed_areas(list(commitments))
    return joined(commitment_row(c, show_plan=show_plan, shared=shared) for c in rows)
