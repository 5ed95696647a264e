"""The rows of the HTML commitment lists (an action plan's page, the commitment list), written in Python: the
markup of templates/commitments/includes/_commitment_row.html and includes/_progress.html, byte for byte.

An action plan shows all its commitments (dozens) on one page; through the two includes each row cost more than
the page's queries. The templates stay the reference: tests/commitments/test_commitment_rows.py renders both
on the same rows, in every language, and compares them.
"""

from django.utils.safestring import SafeString
from django.utils.translation import gettext

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


def progress(done, total) -> str:
    """includes/_progress.html (its output, final line break included): the share of milestones completed."""
    if not total:
        return f'\n<p class="progress-none muted">{gettext("No milestones recorded")}</p>\n'
    values = {"done": _value(done), "total": _value(total)}
    return _PROGRESS.format(
        title=gettext("%(done)s of %(total)s milestones completed") % values,
        pct=_value(percent(done, total)),
        label=gettext("Milestones completed"),
        short=gettext("%(done)s/%(total)s milestones") % values,
    )


def _tags(commitment) -> str:
    areas = commitment.policy_areas.all()
    if not areas:
        return ""
    items = "".join(
        f'<li><a class="tag" href="{_value(area.get_absolute_url())}">{_value(localized(area))}</a></li>'
        for area in areas
    )
    return f'<ul class="tags">{items}</ul>'


def commitment_row(commitment, *, show_plan: bool = False) -> str:
    """One row, as the template renders it (the active language)."""
    plan = ""
    if show_plan:
        action_plan = commitment.action_plan
        label = f"{_value(localized(action_plan.member))} · {_value(action_plan.period_label)}"
        plan = f'<a href="{_value(action_plan.get_absolute_url())}">{label}</a> · '
    lead = commitment.lead_institution
    completion = ""
    if commitment.completion:
        completion = (
            f' · <span class="badge badge-{_value(commitment.completion)}">'
            f"{_value(commitment.get_completion_display())}</span>"
        )
    shown = shown_in(commitment)
    machine = f' <span class="badge badge-machine">{gettext("Machine translation")}</span>'
    return _ROW.format(
        pk=_value(commitment.pk),
        number=_value(commitment.number),
        url=_value(commitment.get_absolute_url()),
        lang=lang_attr(shown),
        title=_value(shown.title),
        machine=machine if shown.machine_translated else "",
        plan=plan,
        lead=_value(lead.name) if lead else "",
        completion=completion,
        tags=_tags(commitment),
        progress=progress(commitment.milestones_completed, commitment.milestone_count),
    )


def commitment_rows(commitments, *, show_plan: bool = False) -> SafeString:
    """The rows of a list page, joined."""
    return joined(commitment_row(c, show_plan=show_plan) for c in commitments)
