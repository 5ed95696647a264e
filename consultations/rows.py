"""The rows of the HTML proposal and consultation lists, written in Python: the markup of
templates/consultations/includes/_proposal_row.html and _consultation_row.html, byte for byte, without the template
engine.

A list page renders 25 rows; through the include each costs about 0.3 ms of variable lookups, filters and
translation tags, more than the page's queries. The templates stay the reference: tests render both on the
same rows, in every language, and compare them (tests/consultations/test_proposal_rows.py, test_consultation_rows.py).
"""

from functools import lru_cache

from django.template.defaultfilters import striptags, truncatewords
from django.utils import translation
from django.utils.dates import MONTHS_3
from django.utils.safestring import SafeString
from django.utils.timezone import template_localtime
from django.utils.translation import get_language, gettext, ngettext

from accounts.models import User
from commitments.models import PolicyArea
from common.choices import choice_display
from common.html import SharedParts, joined
from common.html import template_value as _value
from common.markdown import render_markdown
from common.templatetags.markup import content_language, localized
from common.translations import shown_in, shown_row_texts
from consultations.models import Consultation, Proposal, ProposalResponse

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


_STATUS = Proposal._meta.get_field("status")
_OUTCOME = ProposalResponse._meta.get_field("outcome")


def _author(row: dict, shared: SharedParts) -> str:
    if row["organisation_id"]:
        return _value(row["organisation__name"])
    if not row["author_id"]:
        return shared.labels["deleted"]
    return _value(User.public_name_of(full_name=row["author__full_name"], deleted_at=row["author__deleted_at"]))


def _submitted(row: dict, shared: SharedParts) -> str:
    if not row["submitted_at"]:
        return ""
    at = shared.local(row["submitted_at"])
    # |date:"c" is the ISO 8601 form Python writes (django.utils.dateformat.DateFormat.c)
    return f' · <time datetime="{_value(at.isoformat())}">{_local_day(at, shared.language)}</time>'


def _machine(machine: bool, shared: SharedParts) -> str:
    return shared.labels["machine"] if machine else ""


def _response(row: dict, language: str, shared: SharedParts) -> str:
    if row["response__status"] == ProposalResponse.Status.PUBLISHED:
        source = row["response__language"]
        texts, machine = shown_row_texts(source, language, row["response_translations"])
        reasons = truncatewords(striptags(render_markdown(texts.get("reasons") or row["response__reasons"])), 30)
        outcome = row["response__outcome"]
        label = shared.keep(("outcome", outcome), lambda: choice_display(_OUTCOME, outcome))
        lang = shared.lang(language if texts else source)
        return (
            f'\n    <p class="response-summary"><strong>{shared.labels["response"]}</strong> '
            f'<span class="badge badge-{_value(outcome)}">{_value(label)}</span> '
            f"<span{lang}>{_value(reasons)}</span>{_machine(machine, shared)}</p>\n    "
        )
    if row["status"] != Proposal.Status.WITHDRAWN:
        return shared.labels["awaiting"]
    return ""


def _consultation(row: dict, shared: SharedParts) -> str:
    source, language = row["consultation__language"], shared.language
    texts, _machine_translated = shown_row_texts(source, language, row["consultation_translations"])
    url = _value(shared.url("consultations:consultation-detail", row["consultation_id"]))
    title = texts.get("title") or row["consultation__title"]
    return f' · <a href="{url}"{shared.lang(language if texts else source)}>{_value(title)}</a>'


def _area(row: dict) -> str:
    area = PolicyArea(
        id=row["policy_area_id"], slug=row["policy_area__slug"], name=row["policy_area__name"],
        name_fr=row["policy_area__name_fr"], name_es=row["policy_area__name_es"],
    )  # fmt: skip
    return f" · {_value(localized(area))}"


def proposal_row(row: dict, *, show_consultation: bool = False, shared: SharedParts | None = None) -> str:
    """One row (of consultations.row_selectors.proposal_rows), as the template renders the proposal (the active
    language); `shared`: what the rows of its list share."""
    shared = shared or _shared()
    language = shared.language
    consultation = ""
    if show_consultation:
        consultation = shared.keep(("consultation", row["consultation_id"]), lambda: _consultation(row, shared))
    area = row["policy_area_id"]
    supports, comments, status = row["support_count"], row["comment_count"], row["status"]
    source = row["language"]
    texts, machine = shown_row_texts(source, language, row["translations"])
    return _ROW.format(
        pk=_value(row["id"]),
        url=_value(shared.url("consultations:proposal-detail", row["id"])),
        lang=shared.lang(language if texts else source),
        title=_value(texts.get("title") or row["title"]),
        machine=_machine(machine, shared),
        status=_value(status),
        status_label=_value(shared.keep(("status", status), lambda: choice_display(_STATUS, status))),
        consultation=consultation,
        author=_author(row, shared),
        submitted=_submitted(row, shared),
        area=shared.keep(("area", area), lambda: _area(row)) if area else "",
        response=_response(row, language, shared),
        participation=shared.labels["participation"],
        supports=_value(supports),
        supports_label=shared.keep(("supports", supports), lambda: ngettext("support", "supports", supports)),
        comments=_value(comments),
        comments_label=shared.keep(("comments", comments), lambda: ngettext("comment", "comments", comments)),
    )


def proposal_rows(rows: list[dict], *, show_consultation: bool = False) -> SafeString:
    """The rows of a list page (of consultations.row_selectors.proposal_rows), joined."""
    shared = _shared()
    return joined(proposal_row(row, show_consultation=show_consultation, shared=shared) for row in rows)


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


def _day(value) -> str:
    """{{ value|date:"j M Y" }} in the page's time zone and language: the day, the month as `M` writes it, the year
    on four digits (django.utils.dateformat), without the formatter's work per character."""
    return _local_day(template_localtime(value), get_language())


def _day_of(value, shared: SharedParts) -> str:
    """_day with what the rows of a list share (the page's time zone and language, read once)."""
    return _local_day(shared.local(value), shared.language)


def _local_day(local, language: str | None) -> str:
    """_day of a value already in the page's time zone, in `language`."""
    return f"{local.day} {_months(language)[local.month]} {local.year:04d}"


@lru_cache(maxsize=16)
def _months(language: str | None) -> tuple[str, ...]:
    """The months as |date:"M" writes them in `language` (MONTHS_3, title-cased), escaped; from index 1."""
    with translation.override(language):
        return ("", *(_value(str(MONTHS_3[month]).title()) for month in range(1, 13)))


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
        url=_value(shared.url("consultations:consultation-detail", consultation.pk)),
        lang=shared.lang(content_language(shown)),
        title=_value(shown.title),
        machine=_machine(shown.machine_translated, shared),
        plan=plan,
        kind=_value(shared.keep(("kind", consultation.kind), consultation.get_kind_display)),
        state=_value(state),
        state_label=_value(shared.keep(("state", state), consultation.get_state_display)),
        period=gettext("%(opens)s to %(closes)s")
        % {"opens": _day_of(consultation.opens_at, shared), "closes": _day_of(consultation.ended_at, shared)},
        proposals=ngettext("%(counter)s proposal", "%(counter)s proposals", proposals) % {"counter": _value(proposals)},
        answered=" · " + gettext("%(answered)s answered") % {"answered": _value(answered)} if proposals else "",
        unanswered=shared.labels["unanswered"] if state == Consultation.State.CLOSED and answered < proposals else "",
    )


def consultation_rows(consultations, *, show_plan: bool = False) -> SafeString:
    """The rows of a consultation list, joined."""
    shared = _consultation_shared()
    return joined(consultation_row(c, show_plan=show_plan, shared=shared) for c in consultations)
