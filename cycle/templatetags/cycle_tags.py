from django import template
from django.utils import timezone

from cycle import selectors

register = template.Library()


@register.inclusion_tag("cycle/includes/_member_steps.html")
def cycle_member_steps(member):
    """The member's next steps (one query) and its calendar feed, on the member's page."""
    return {"member": member, "steps": selectors.member_upcoming_steps(member=member, today=timezone.localdate())}
