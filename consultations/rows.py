"""The rows of the HTML proposal and consultation lists, written in Python: the markup of
templates/consultations/includes/_proposal_row.html and _consultation_row.html, byte for byte, without the template
engine.

A list page renders 25 rows; through the include each costs about 0.3 ms of variable lookups, filters and
translation tags, more than the page's queries. The templates stay the reference: tests render both on the
same rows, in every language, and compare them (tests/consultations/test_proposal_rows.py, test_consultation_rows.py).
"""

from django.template.defaultfilters import date, striptags, truncatewords
from django.utils.safestring import SafeString
from django.utils.timezone import template_localtime
from django.utils.translation import gettext, ngettext

from common.html import SharedParts, joined
from common.html import template_value as _value
from common.markdown import render_markdown
from common.templatetags.markup import lang_attr, localized
from common.translations import shown_in
from consultations.models import Consultation, Proposal

_ROW = (
    '\n<li class="card proposal-card" id="proposal-{pk}">\n  <div class="proposal-card-main">\n'
    '    <a class="card-title" href="{url}"{lang}>{title}</a>{machine}\n    <p class="muted">\n'
    '      <span class="badge badge-{status}">{status_label}</span>\n      {consultation}\n      · {author}\n'
    "      {submitted}\n      {area}\n    </p>\n    {response}\n  </div>\n"
    '  <p class="proposal-counts" aria-label="{participation}">\n'
    "    <span><strong>{supports}</strong> {supports_label}</span>\n"
    "    <span><strong>{comments}</strong> {comments_label}</span>\n  </p>\n</li>\n"
)


def _shared() -> SharedParts:
    """What the rows of one list share: the texts, each status's badge, each count's word, each consultation's link
    and each policy area's name (a consultation's list shows them on row after row)."""
    return SharedParts(
        deleted=gettext("deleted account"),
        machine=f' <span class="badge badge-machine">{gettext("Machine translation")}</span>',
        response=gettext("Response:"),
        awaiting=f'\n    <p class="muted response-summary">{gettext("Awaiting a reasoned response.")}</p>\n    ',
        participation=gettext("Participation"),
    )


def _author(proposal: Proposal, shared: SharedParts) -> str:
    if proposal.organisation_id:
        return _value(proposal.organisation.name)
    name = proposal.author.public_name if proposal.author is not None else ""
    return _value(name) if name else shared.labels["deleted"]


def _submitted(proposal: Proposal, shared: SharedParts) -> str:
    if not proposal.submitted_at:
        return ""
    at = template_localtime(proposal.submitted_at)
    # |date:"c" is the ISO 8601 form Python writes (django.utils.dateformat.DateFormat.c)
    return f' · <time datetime="{_value(at.isoformat())}">{_day(at, shared)}</time>'


def _machine(shown, shared: SharedParts) -> str:
    return shared.labels["machine"] if shown.machine_translated else ""


def _response(proposal: Proposal, shared: SharedParts) -> str:
    response = proposal.published_response
    if response:
        shown = shown_in(response)
        reasons = truncatewords(striptags(render_markdown(shown.reasons)), 30)
        outcome = shared.keep(("outcome", response.outcome), response.get_outcome_display)
        return (
            f'\n    <p class="response-summary"><strong>{shared.labels["response"]}</strong> '
            f'<span class="badge badge-{_value(response.outcome)}">{_value(outcome)}</span> '
            f"<span{lang_attr(shown)}>{_value(reasons)}</span>{_machine(shown, shared)}</p>\n    "
        )
    if proposal.status != "withdrawn":
        return shared.labels["awaiting"]
    return ""


def _consultation(consultation) -> str:
    parent = shown_in(consultation)
    url = _value(consultation.get_absolute_url())
    return f' · <a href="{url}"{lang_attr(parent)}>{_value(parent.title)}</a>'


def proposal_row(proposal: Proposal, *, show_consultation: bool = False, shared: SharedParts | None = None) -> str:
    """One row, as the template renders it (the active language); `shared`: what the rows of its list share."""
    shared = shared or _shared()
    consultation = ""
    if show_consultation:
        consultation = shared.keep(
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
        machine=_machine(shown, shared),
        status=_value(proposal.status),
        status_label=_value(shared.keep(("status", proposal.status), proposal.get_status_display)),
        consultation=consultation,
        author=_author(proposal, shared),
        submitted=_submitted(proposal, shared),
        area=shared.keep(("area", area.pk), lambda: f" · {_value(localized(area))}") if area else "",
        response=_response(proposal, shared),
        participation=shared.labels["participation"],
        supports=_value(supports),
        supports_label=shared.keep(("supports", supports), lambda: ngettext("support", "supports", supports)),
        comments=_value(comments),
        comments_label=shared.keep(("comments", comments), lambda: ngettext("comment", "comments", comments)),
    )


def proposal_rows(proposals, *, show_consultation: bool = False) -> SafeString:
    """The rows of a list page, joined."""
    shared = _shared()
    return joined(proposal_row(p, show_consultation=show_consultation, shared=shared) for p in proposals)


_CONSULTATION_ROW = (
    '\n<li class="card consultation-card">\n  <div class="card-heading"><a class="card-title" href="{url}"{lang}>'
    '{title}</a>{machine}</div>\n  <p class="muted">{plan}{kind} · <span class="badge badge-{state}">{state_label}'
    '</span></p>\n  <p class="muted">{period} · {proposals}{answered}</p>\n  {unanswered}\n</li>\n'
)


def _consultation_shared() -> SharedParts:
    return SharedParts(
        machine=f' <span class="badge badge-machine">{gettext("Machine translation")}</span>',
        unanswered=(
            f'<p><span class="badge badge-unanswered">{gettext("Closed with proposals still unanswered")}</span></p>'
        ),
    )


def _member_link(member) -> str:
    return f'<a href="{_value(member.get_absolute_url())}">{_value(localized(member))}</a> · '


def _day(value, shared: SharedParts) -> str:
    """{{ value|date:"j M Y" }} in the page's time zone and language, written once per day a list shows."""
    local = template_localtime(value)
    return shared.keep(("day", local.date()), lambda: _value(date(local, "j M Y")))


def consultation_row(consultation: Consultation, *, show_plan: bool = False, shared: SharedParts | None = None) -> str:
    """One row, as the template renders it (the active language); `shared`: what the rows of its list share."""
    shared = shared or _consultation_shared()
    shown = shown_in(consultation)
    state, proposals, answered = consultation.state, consultation.proposal_count, consultation.answered_count
    plan = ""
    if show_plan:
        member = consultation.action_plan.member
        plan = shared.keep(("member", member.pk), lambda: _member_link(member))
    return _CONSULTATION_ROW.format(
        url=_value(consultation.get_absolute_url()),
        lang=lang_attr(shown),
        title=_value(shown.title),
        machine=_machine(shown, shared),
        plan=plan,
        kind=_value(shared.keep(("kind", consultation.kind), consultation.get_kind_display)),
        state=_value(state),
        state_label=_value(shared.keep(("state", state), consultation.get_state_display)),
        period=gettext("%(opens)s to %(closes)s")
        % {"opens": _day(consultation.opens_at, shared), "closes": _day(consultation.ended_at, shared)},
        proposals=ngettext("%(counter)s proposal", "%(counter)s proposals", proposals) % {"counter": _value(proposals)},
        answered=" · " + gettext("%(answered)s answered") % {"answered": _value(answered)} if proposals else "",
        unanswered=shared.labels["unanswered"] if state == Consultation.State.CLOSED and answered < proposals else "",
    )


def consultation_rows(consultations, *, show_plan: bool = False) -> SafeString:
    """The rows of a consultation list, joined."""
    shared = _consultation_shared()
    return joined(consultation_row(c, show_plan=show_plan, shared=shared) for c in consultations)
