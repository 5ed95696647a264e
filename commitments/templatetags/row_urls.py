"""{% row_url "route" key %}: {% url "route" key %} for a route with one argument, without a reverse() per row
(commitments.models.urls)."""

from django import template

from commitments.models.urls import url_for

register = template.Library()


@register.simple_tag
def row_url(name: str, key) -> str:
    return url_for(name, key)
