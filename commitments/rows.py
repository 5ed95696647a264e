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
from common.html import joined
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


class _Batch:
    """What the rows of one list share, written once: the texts, each plan's link, each policy area's tag, each
    completion's badge (a list shows the same plan, areas and completions on many rows)."""

    def __init__(self):
        self.labels = _labels()
        self.plans, self.areas, self.completions = {}, {}, {}

    def plan(self, action_plan) -> str:
        link = self.plans.get(action_plan.pk)
        if link is None:
            label = f"{_value(localized(action_plan.member))} · {_value(action_plan.period_label)}"
            link = self.plans[action_plan.pk] = f'<a href="{_value(action_plan.get_absolute_url())}">{label}</a> · '
        return link

    def tags(self, commitment) -> str:
        areas = commitment.policy_areas.all()
        if not areas:
            return ""
        items = []
        for area in areas:
            tag = self.areas.get(area.pk)
            if tag is None:
                tag = self.areas[area.pk] = (
                    f'<li><a class="tag" href="{_value(area.get_absolute_url())}">{_value(localized(area))}</a></li>'
                )
            items.append(tag)
        return f'<ul class="tags">{"".join(items)}</ul>'

    def completion(self, commitment) -> str:
        if not commitment.completion:
            return ""
        badge = self.completions.get(commitment.completion)
        if badge is None:
            badge = self.completions[commitment.completion] = (
                f' · <span class="badge badge-{_value(commitment.completion)}">'
                f"{_value(commitment.get_completion_display())}</span>"
            )
        return badge


def commitment_row(commitment, *, show_plan: bool = False, batch: _Batch | None = None) -> str:
    """One row, as the template renders it (the active language); `batch`: what the rows of its list share."""
    batch = batch or _Batch()
    lead = commitment.lead_institution
    shown = shown_in(commitment)
    return _ROW.format(
        pk=_value(commitment.pk),
        number=_value(commitment.number),
        url=_value(commitment.get_absolute_url()),
        lang=lang_attr(shown),
        title=_value(shown.title),
        machine=batch.labels["machine"] if shown.machine_translated else "",
        plan=batch.plan(commitment.action_plan) if show_plan else "",
        lead=_value(lead.name) if lead else "",
        completion=batch.completion(commitment),
        tags=batch.tags(commitment),
        progress=progress(commitment.milestones_completed, commitment.milestone_count, batch.labels),
    )


def listed_rows(ids: list[int]) -> SafeString:
    """The commitment list's rows (with their plan) of these commitments, in this order. Each row is kept in the
    cache (per language and content version, common.cache.cached_fragments): another filter or page that lists it
    reads it with the others in one call; only the rows not found are read from the database and written."""

    def render(missing: list[int]) -> dict:
        batch = _Batch()
        return {c.pk: commitment_row(c, show_plan=True, batch=batch) for c in selectors.listed_commitments(ids=missing)}

    return joined(cached_fragments("listed-commitment", ids, render))


def commitment_rows(commitments, *, show_plan: bool = False) -> SafeString:
    """The rows of a list page, joined."""
    batch = _Batch()
    return joined(commitment_row(c, show_plan=show_plan, batch=batch) for c in commitments)
