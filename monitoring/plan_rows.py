"""The commitments and open disputes of a plan's monitoring page, written in Python: the markup of
monitoring/includes/_plan_commitment_row.html and _plan_dispute.html, byte for byte, without the template engine.

A plan's 33 commitments through the template cost about 4 ms (lookups, translations, truncations and a link per
row). The templates stay the reference: tests/monitoring/test_plan_rows.py renders both on the same plans, in every
language, and compares them.
"""

from django.utils.safestring import SafeString
from django.utils.text import Truncator
from django.utils.translation import gettext, ngettext

from commitments.models import Commitment
from common.addresses import url_parts
from common.choices import choice_display
from common.html import SharedParts, address_parts, joined
from common.html import template_value as _value
from common.templatetags.markup import lang_attr
from common.translations import page_language, shown_row_texts
from monitoring.selectors import CommitmentState

_COMPLETION = Commitment._meta.get_field("completion")

_ROW = (
    "<tr>\n    <td>{commitment}{lead}</td>\n    <td>{government}</td>\n    <td>{civil_society}</td>\n"
    "    <td>{overdue}</td>\n    <td>{evidence}</td>\n  </tr>"
)
_DISPUTE = "<li>{commitment} — {government} {completion}, {civil_society} {status}</li>"


class _Page:
    """What the rows of one page share: the plan's language, the page's, the commitment's address around its id,
    labels and badges."""

    def __init__(self, source: str):
        self.source, self.language = source, page_language()
        self.detail = address_parts(url_parts("commitments:commitment-detail"))
        self.report = address_parts(url_parts("monitoring:report-detail"))
        self.shared = SharedParts(disputed=f' <span class="badge badge-disputed">{gettext("Disputed")}</span>')

    def _shown(self, translations: dict) -> tuple[dict, str]:
        """The texts shown in place of the original (none: the original), and their language mark."""
        texts, _machine = shown_row_texts(self.source, self.language, translations)
        return texts, lang_attr(self.language if texts else self.source)

    def commitment(self, commitment) -> str:
        texts, lang = self._shown(commitment.translations)
        title = Truncator(texts.get("title") or commitment.title).chars(80)
        url = str(commitment.pk).join(self.detail)
        return f'<a href="{url}"{lang}>{_value(commitment.number)}. {_value(title)}</a>'

    def completion(self, completion: str) -> str:
        return self.shared.keep(("completion", completion), lambda: _value(choice_display(_COMPLETION, completion)))

    def government(self, state: CommitmentState) -> str:
        completion = state.commitment.completion
        badge = f'<span class="badge badge-{_value(completion)}">{self.completion(completion)}</span>'
        progress = state.government_progress
        return (badge if completion else "—") + ("" if progress is None else f" {_value(progress)}%")

    def civil_society(self, state: CommitmentState) -> str:
        status, progress = state.civil_society_status, state.civil_society_progress
        badge = f'<span class="badge badge-{_value(status)}">{_value(state.civil_society_label)}</span>'
        return (
            (badge if status else "—")
            + ("" if progress is None else f" {_value(progress)}%")
            + (self.shared.labels["disputed"] if state.disputed else "")
        )

    def milestone(self, milestone) -> str:
        texts, lang = self._shown(milestone.translations)
        description = Truncator(texts.get("description") or milestone.description).chars(50)
        due = _value(milestone.due_date)
        return f'<li><span{lang}>{_value(description)}</span> <small class="muted">{due}</small></li>'

    def overdue(self, state: CommitmentState) -> str:
        overdue = state.overdue
        if not overdue:
            return "—"
        return f'<ul class="plain-list">{"".join(self.milestone(m) for m in overdue)}</ul>'

    def evidence(self, state: CommitmentState) -> str:
        report = state.latest_report
        if not report:
            return "—"
        files = ""
        if report.files:
            files = " · " + ngettext("%(counter)s file", "%(counter)s files", report.files) % {
                "counter": _value(report.files)
            }
        return f'<a href="{str(report.pk).join(self.report)}">{_value(report.observed_on)}</a>{files}'

    def row(self, state: CommitmentState) -> str:
        commitment = state.commitment
        name = commitment.lead_institution_name
        return _ROW.format(
            commitment=self.commitment(commitment),
            lead=f'<br><small class="muted">{_value(name)}</small>' if commitment.lead_institution_id else "",
            government=self.government(state),
            civil_society=self.civil_society(state),
            overdue=self.overdue(state),
            evidence=self.evidence(state),
        )

    def dispute(self, state: CommitmentState) -> str:
        completion = state.commitment.completion
        return _DISPUTE.format(
            commitment=self.commitment(state.commitment),
            government=gettext("government:"),
            completion=self.completion(completion) if completion else "—",
            civil_society=gettext("civil society:"),
            status=_value(state.civil_society_label) if state.civil_society_label else "—",
        )


def commitment_rows(states: list[CommitmentState], plan) -> SafeString:
    """The table's rows of a plan's monitoring page (states of monitoring.plan_page.plan_monitoring), joined."""
    page = _Page(plan.language)
    return joined(page.row(state) for state in states)


def dispute_items(states: list[CommitmentState], plan) -> SafeString:
    """The open disputes' items of a plan's monitoring page, joined."""
    page = _Page(plan.language)
    return joined(page.dispute(state) for state in states)
