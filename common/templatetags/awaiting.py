"""`{% staff_awaiting as items %}`: what awaits the support unit (common.awaiting), at the top of the admin."""

from django import template

from common.awaiting import awaiting_for_staff

register = template.Library()


@register.simple_tag
def staff_awaiting():
    return awaiting_for_staff()
