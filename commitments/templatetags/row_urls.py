"""{% row_url "route" key %}: {% url "route" key %} for a route with one argument, without a reverse() per row
(common.addresses); {% commitment_rows %}: the rows of a commitment list; {% listed_commitment_rows %}: the
commitment list's, through the row cache; {% workspace_commitment_rows %}: a plan's workspace page's;
{% member_rows %}: the member list's; {% progress done total %}:
includes/_progress.html (commitments.rows)."""

from django import template
from django.utils.safestring import mark_safe

from commitments import rows, workspace_rows
from common.addresses import url_for

register = template.Library()


@register.simple_tag
def row_url(name: str, key) -> str:
    return url_for(name, key)


@register.simple_tag
def commitment_rows(commitment_rows, show_plan=False):
    """The rows of a commitment list (rows of commitments.row_selectors.action_plan_commitment_rows): the markup of
    includes/_commitment_row.html, written by commitments.rows."""
    return rows.commitment_rows(commitment_rows, show_plan=show_plan)


@register.simple_tag
def listed_commitment_rows(commitments):
    """The rows of the commitment list (its commitments: their ids are enough), in its order, each read from the
    row cache where it is (commitments.rows.listed_rows)."""
    return rows.listed_rows([c.pk for c in commitments])


@register.simple_tag
def member_rows(members):
    """The rows of the member list: the markup of includes/_member_row.html, written by commitments.rows."""
    return rows.member_rows(members)


@register.simple_tag
def workspace_commitment_rows(commitment_rows, plan, *, can_change, can_report, can_translate):
    """The commitments of a plan's workspace page (rows of commitments.selectors.workspace_plan_rows): the markup
    of workspace/includes/_commitment_row.html, written by commitments.workspace_rows."""
    return workspace_rows.workspace_commitment_rows(
        commitment_rows, plan, can_change=can_change, can_report=can_report, can_translate=can_translate
    )


@register.simple_tag
def progress(done, total):
    """includes/_progress.html for a row of a loop, written by commitments.rows."""
    return mark_safe(rows.progress(done, total))  # noqa: S308 (values escaped as the template does)  # nosec B308 B703
