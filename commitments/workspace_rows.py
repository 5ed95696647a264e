"""The commitments of an action plan's workspace page, written in Python: the markup of
templates/commitments/workspace/includes/_commitment_row.html, byte for byte, without the template engine.

A plan of 33 commitments and 130 milestones rendered through the template cost about a thousand variable lookups,
row_url tags and translation tags, several times the page's queries. The template stays the reference:
tests/commitments/test_workspace_rows.py renders both on the same plans, in every language and every status, and
compares them.
"""

from django.utils.safestring import SafeString
from django.utils.translation import gettext, pgettext

from commitments.models import ActionPlan, Commitment, Milestone
from common.addresses import url_parts
from common.choices import choice_display
from common.html import SharedParts, address_parts, joined
from common.html import template_value as _value
from common.templatetags.markup import lang_attr

_COMPLETION = Commitment._meta.get_field("completion")
_STATUS = Milestone._meta.get_field("status")

_ROW = (
    '  <li class="card" id="commitment-{pk}">\n'
    '    <div class="card-heading"><span class="commitment-number">{number}</span> <a class="card-title" '
    'href="{url}"{lang}>{title}</a></div>\n'
    '    <p class="muted">{lead}{completion}</p>\n'
    '    <div class="actions">\n      {actions}\n    </div>\n'
    "    {milestones}\n  </li>\n"
)
_TABLE = (
    '\n    <table class="data-table compact">\n'
    '      <thead><tr><th scope="col">#</th><th scope="col">{milestone}</th><th scope="col">{due}</th>'
    '<th scope="col">{status}</th><th scope="col"><span class="visually-hidden">{actions}</span></th></tr></thead>\n'
    "      <tbody>{rows}</tbody>\n    </table>\n    "
)
_MILESTONE = (
    "<tr>\n        <td>{order}</td><td{lang}>{description}</td><td>{due}</td>\n"
    '        <td><span class="badge badge-{status}">{status_label}</span></td>\n'
    "        <td>{action}</td>\n      </tr>"
)


_KEY = "\x00"  # where a row's id goes in the markup its rows share (no address or translation holds it)


def _link(name: str, label: str, attributes: str = "") -> str:
    """An action's link, with _KEY in place of the row's id."""
    before, after = address_parts(url_parts(f"commitments:{name}"))
    return f'<a{attributes} href="{before}{_KEY}{after}">{label}</a>'


class _Page:
    """What every row of one plan's page shares: the plan's language mark, the actions its rules allow (markup
    split where a row's id goes), the table's headings, and each completion's and status's badge."""

    def __init__(self, plan: ActionPlan, *, can_change: bool, can_report: bool, can_translate: bool):
        self.lang = lang_attr(plan)
        self.detail = address_parts(url_parts("commitments:commitment-detail"))
        self.shared = SharedParts(
            milestone=gettext("Milestone"), due=gettext("Due"), status=gettext("Status"), actions=gettext("Actions")
        )
        change = report = translate = milestone = ""
        if can_change:
            change = (
                f"{_link('workspace-commitment-update', gettext('Edit'))}\n      "
                f"{_link('workspace-milestone-create', gettext('Add a milestone'))}"
            )
        if can_report:
            report = _link(
                "workspace-progressupdate-create", gettext("Post a progress update"), ' class="button button-small"'
            )
        if can_translate:
            label = pgettext("open the translation page of a commitment", "Translate")
            translate = _link("commitment-translation", label)
        if plan.accepts_commitment_changes or plan.accepts_progress:
            label = gettext("Edit") if plan.accepts_commitment_changes else gettext("Update status")
            milestone = _link("workspace-milestone-update", label)
        self.actions = f"{change}\n      {report}\n      {translate}".split(_KEY)
        self.milestone_action = milestone.split(_KEY)

    def completion(self, completion: str) -> str:
        if not completion:
            return ""
        label = choice_display(_COMPLETION, completion)
        return f' · <span class="badge badge-{_value(completion)}">{_value(label)}</span>'

    def milestone(self, row: dict) -> str:
        status, due = row["status"], row["due_date"]
        return _MILESTONE.format(
            order=_value(row["order"]),
            lang=self.lang,
            description=_value(row["description"]),
            due=_value(due) if due else "—",
            status=_value(status),
            status_label=self.shared.keep(status, lambda: _value(choice_display(_STATUS, status))),
            action=str(row["id"]).join(self.milestone_action),
        )

    def milestones(self, milestones: list[dict]) -> str:
        if not milestones:
            return ""
        return _TABLE.format(rows="".join(self.milestone(m) for m in milestones), **self.shared.labels)

    def row(self, row: dict) -> str:
        pk = row["id"]
        return _ROW.format(
            pk=_value(pk),
            number=_value(row["number"]),
            url=str(pk).join(self.detail),
            lang=self.lang,
            title=_value(row["title"]),
            lead=_value(row["lead_institution__name"] or ""),
            completion=self.completion(row["completion"]),
            actions=str(pk).join(self.actions),
            milestones=self.milestones(row["milestones"]),
        )


def workspace_commitment_rows(
    rows: list[dict], plan: ActionPlan, *, can_change: bool, can_report: bool, can_translate: bool
) -> SafeString:
    """The rows (of commitments.selectors.workspace_plan_rows) of `plan`'s workspace page, joined; the actions
    as the view found them allowed (asked once, of a commitment of the plan: the same for every row)."""
    page = _Page(plan, can_change=can_change, can_report=can_report, can_translate=can_translate)
    return joined(page.row(row) for row in rows)
