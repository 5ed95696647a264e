"""The rows of a researcher's report page, written in Python: the markup of
templates/irm_reports/workspace/includes/_assessment_row.html (a commitment and its assessment's state) and
_missing_item.html (what the PDF still needs), byte for byte, without the template engine.

A plan's 30-odd commitments appear in both lists of a new report; through the template each row's lookups, tags and
filters cost more than the page's queries. The templates stay the reference: tests/irm_reports/test_page_rows.py
renders both on the same reports, in every language, and compares them.
"""

from django.utils.html import conditional_escape
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from common.addresses import last_key_parts
from common.html import address_parts, joined
from common.html import template_value as _value
from irm_reports.models import Report
from irm_reports.selectors import CommitmentRow, MissingItem

_ROW = (
    '<tr id="commitment-{pk}">\n      <td>{number}</td>\n      <td>{title}</td>\n      <td>{state}</td>\n'
    "      <td>{starred}</td>\n      <td>{action}</td>\n    </tr>"
)


def _labels() -> dict:
    return {
        "not_started": f'<span class="badge badge-not_started">{gettext("Not started")}</span>',
        "incomplete": f'<span class="badge badge-delayed">{gettext("Incomplete")}</span> ',
        "complete": f'<span class="badge badge-complete">{gettext("Complete")}</span>',
        True: gettext("Yes"),
        False: gettext("No"),
        None: "—",
        "edit": gettext("Edit"),
        "assess": gettext("Assess"),
    }


def _state(row: CommitmentRow, labels: dict) -> str:
    if not row.assessment:
        return labels["not_started"]
    if row.missing:
        return f'{labels["incomplete"]}<small class="muted">{_joined(row.missing_labels)}</small>'
    return labels["complete"]


def _joined(values) -> str:
    """{{ values|join:", " }}: each value escaped."""
    return ", ".join(conditional_escape(value) for value in values)


def assessment_rows(rows: list[CommitmentRow], report: Report, can_change: bool) -> SafeString:
    """The report page's commitments (irm_reports.selectors.commitment_rows), each with the state of its
    assessment, and a link to it when the report can be changed."""
    labels = _labels()
    before, after = address_parts(last_key_parts("irm_reports:assessment-edit", report.pk))
    parts = []
    for row in rows:
        commitment, assessment = row.commitment, row.assessment
        starred = assessment.starred if assessment else None
        action = ""
        if can_change:
            action = f'<a href="{before}{commitment.pk}{after}">{labels["edit" if assessment else "assess"]}</a>'
        parts.append(
            _ROW.format(
                pk=_value(commitment.pk),
                number=_value(commitment.number),
                title=_value(commitment.title),
                state=_state(row, labels),
                starred=labels[starred],
                action=action,
            )
        )
    return joined(parts)


def missing_items(items: list[MissingItem]) -> SafeString:
    """What the report still needs (irm_reports.selectors.report_missing), each item linking to where to fill it."""
    return joined(
        f'<li><a href="{_value(item.url)}">{_value(item.label)}</a>: {_joined(item.fields)}</li>' for item in items
    )
