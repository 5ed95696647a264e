"""The figures' tables and the analytics page's choice of member, written in Python (common.html): the markup of
analytics/_figures_table.html (with _share.html) and of the page's member options, which stay the reference
(tests/analytics/test_tables.py renders both on the same rows in every language). As templates they cost most of
an analytics page that no cache holds: four tables of includes, and an option per member."""

from django.template.defaultfilters import floatformat
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from analytics.figures import FigureRow
from common.html import joined, template_value
from common.models import in_page_language, page_language
from common.templatetags.markup import localized


def _share(share, part: int, whole: int) -> str:
    counts = _("%(part)s of %(whole)s") % {"part": template_value(part), "whole": template_value(whole)}
    if share is None:
        return f'<span class="muted">—</span> <span class="muted">({counts})</span>\n'
    return f'<strong>{template_value(floatformat(share, "-1"))} %</strong> <span class="muted">({counts})</span>\n'


def _row(row: FigureRow) -> str:
    return (
        f'\n    <tr>\n      <th scope="row">{template_value(localized(row))}</th>\n'
        f"      <td>{template_value(row.commitments)}</td>\n"
        f"      <td>{_share(row.completed_share, row.completed, row.completion_assessed)}</td>\n"
        f"      <td>{_share(row.transformative_share, row.transformative, row.impact_assessed)}</td>\n"
        f"      <td>{_share(row.starred_share, row.starred, row.commitments)}</td>\n"
        f"      <td>{_share(row.opened_share, row.opened_government, row.diog_assessed)}</td>\n"
        "    </tr>\n    "
    )


def figures_table(rows: list[FigureRow], caption, group_label) -> SafeString:
    """analytics/_figures_table.html with these rows, caption and header of the first column."""
    if rows:
        body = "".join(_row(row) for row in rows)
    else:
        empty = _("No commitment has a published IRM assessment yet.")
        body = f'\n    <tr><td colspan="6">{empty}</td></tr>\n    '
    return joined(
        [
            '\n<table class="data-table analytics-table">\n',
            f"  <caption>{template_value(caption)}</caption>\n  <thead>\n    <tr>\n",
            f'      <th scope="col">{template_value(group_label)}</th>\n',
            f'      <th scope="col">{_("Commitments assessed")}</th>\n',
            f'      <th scope="col">{_("Completed")}</th>\n',
            f'      <th scope="col">{_("Potentially transformative")}</th>\n',
            f'      <th scope="col">{_("Starred")}</th>\n',
            f'      <th scope="col">{_("Opened government")}</th>\n',
            "    </tr>\n  </thead>\n  <tbody>\n    ",
            body,
            "\n  </tbody>\n</table>\n",
        ]
    )


def member_options(members: list[dict], selected: str | None) -> SafeString:
    """The options of the analytics page's member select after "All members": `members` as values() rows (slug
    and the three names), `selected` the slug shown."""
    language = page_language()
    parts = []
    for member in members:
        name = in_page_language(member["name"], member["name_fr"], member["name_es"], language=language)[0]
        chosen = " selected" if member["slug"] == selected else ""
        parts.append(f'<option value="{template_value(member["slug"])}"{chosen}>{template_value(name)}</option>')
    return joined(parts)
