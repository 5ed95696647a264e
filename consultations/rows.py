"""The rows of the HTML proposal lists, written in Python: the markup of
templates/consultations/includes/_proposal_row.html, byte for byte, without the template engine.

A list page renders 25 rows; through the include each costs about 0.3 ms of variable lookups, filters and
translation tags, more than the page's queries. The template stays the reference: a test renders both on the
same rows, in every language, and compares them (tests/consultations/test_proposal_rows.py).
"""

from django.template.defaultfilters import date, striptags, truncatewords
from django.utils.safestring import SafeString
from django.utils.timezone import template_localtime
from django.utils.translation import gettext, ngettext

from common.html import joined
from common.html import template_value as _value
from common.markdown import render_markdown
from common.templatetags.markup import lang_attr, localized
from common.translations import shown_in
from consultations.models import Proposal

_ROW = (
    '\n<li class="card proposal-card" id="proposal-{pk}">\n  <div class="proposal-card-main">\n'
    '    <a class="card-title" href="{url}"{lang}>{title}</a>{machine}\n    <p class="muted">\n'
    '      <span class="badge badge-{status}">{status_label}</span>\n      {consultation}\n      · {author}\n'
    "      {submitted}\n      {area}\n    </p>\n    {response}\n  </div>\n"
    '  <p class="proposal-counts" aria-label="{participation}">\n'
    "    <span><strong>{supports}</strong> {supports_label}</span>\n"
    "    <span><strong>{comments}</strong> {comments_label}</span>\n  </p>\n</li>\n"
)


class _Batch:
    """What the rows of one list share, written once: the texts, each status's badge, each count's word, each
    consultation's link and each policy area's name (a consultation's list shows them on row after row)."""

    def __init__(self):
        self.labels = {
            "deleted": gettext("deleted account"),
            "machine": f' <span class="badge badge-machine">{gettext("Machine translation")}</span>',
            "response": gettext("Response:"),
            "awaiting": f'\n    <p class="muted response-summary">{gettext("Awaiting a reasoned response.")}</p>\n    ',
            "participation": gettext("Participation"),
        }
        self.kept = {}

    def keep(self, key, build):
        if key not in self.kept:
            self.kept[key] = build()
        return self.kept[key]


def _author(proposal: Proposal, batch: _Batch) -> str:
    if proposal.organisation_id:
        return _value(proposal.organisation.name)
    name = proposal.author.public_name if proposal.author is not None else ""
    return _value(name) if name else batch.labels["deleted"]


def _submitted(proposal: Proposal) -> str:
    if not proposal.submitted_at:
        return ""
    at = template_localtime(proposal.submitted_at)
    return f' · <time datetime="{_value(date(at, "c"))}">{_value(date(at, "j M Y"))}</time>'


def _machine(shown, batch: _Batch) -> str:
    return batch.labels["machine"] if shown.machine_translated else ""


def _response(proposal: Proposal, batch: _Batch) -> str:
    response = proposal.published_response
    if response:
        shown = shown_in(response)
        reasons = truncatewords(striptags(render_markdown(shown.reasons)), 30)
        outcome = batch.keep(("outcome", response.outcome), response.get_outcome_display)
        return (
            f'\n    <p class="response-summary"><strong>{batch.labels["response"]}</strong> '
            f'<span class="badge badge-{_value(response.outcome)}">{_value(outcome)}</span> '
            f"<span{lang_attr(shown)}>{_value(reasons)}</span>{_machine(shown, batch)}</p>\n    "
        )
    if proposal.status != "withdrawn":
        return batch.labels["awaiting"]
    return ""


def _consultation(consultation) -> str:
    parent = shown_in(consultation)
    url = _value(consultation.get_absolute_url())
    return f' · <a href="{url}"{lang_attr(parent)}>{_value(parent.title)}</a>'


def proposal_row(proposal: Proposal, *, show_consultation: bool = False, batch: _Batch | None = None) -> str:
    """One row, as the template renders it (the active language); `batch`: what the rows of its list share."""
    batch = batch or _Batch()
    consultation = ""
    if show_consultation:
        consultation = batch.keep(
            ("consultation", proposal.consultation_id), lambda: _consultation(proposal.consultation)
        )
    area = proposal.policy_area
    supports, comments = proposal.support_count, proposal.comment_count
    shown = shown_in(proposal)
    return _ROW.format(
        pk=_value(proposal.pk),
        url=_value(proposal.get_absolute_url()),
        lang=lang_attr(shown),
        title=_value(shown.title),
        machine=_machine(shown, batch),
        status=_value(proposal.status),
        status_label=_value(batch.keep(("status", proposal.status), proposal.get_status_display)),
        consultation=consultation,
        author=_author(proposal, batch),
        submitted=_submitted(proposal),
        area=batch.keep(("area", area.pk), lambda: f" · {_value(localized(area))}") if area else "",
        response=_response(proposal, batch),
        participation=batch.labels["participation"],
        supports=_value(supports),
        supports_label=batch.keep(("supports", supports), lambda: ngettext("support", "supports", supports)),
        comments=_value(comments),
        comments_label=batch.keep(("comments", comments), lambda: ngettext("comment", "comments", comments)),
    )


def proposal_rows(proposals, *, show_consultation: bool = False) -> SafeString:
    """The rows of a list page, joined."""
    batch = _Batch()
    return joined(proposal_row(p, show_consultation=show_consultation, batch=batch) for p in proposals)
