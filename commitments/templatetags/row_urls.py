"""{% row_url "route" key %}: {% url "route" key %} for a route with one argument, without a reverse() per row
(commitments.models.urls); {% commitment_rows %}: the rows of a commitment list (commitments.rows)."""

from django import template

from commitments import rows
from commitments.models.urls import url_for

register = template.Library()


@register.simple_tag
def row_url(name: str, key) -> str:
    return url_for(name, key)


@register.simple_tag
def commitment_rows(commitments, show_plan=False):
    """The rows of a commitment list: the markup of includes/_commitment_row.html, written by commitments.rows."""
    return rows.commitment_rows(commitments, show_plan=show_plan)
