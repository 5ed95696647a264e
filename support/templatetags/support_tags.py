"""Panels the support app adds to the pages of members and commitments, each in a fixed number of queries."""

from django import template

from support import selectors
from support.eligibility import may_request

register = template.Library()


@register.inclusion_tag("support/includes/_member_support.html", takes_context=True)
def support_member_panel(context, member):
    """Support received (delivered requests marked public) and partners' engagements with the member."""
    user = context.get("user")
    return {
        "member": member,
        "received": selectors.member_support_received(member=member),
        "engagements": selectors.member_engagements(member=member),
        "may_request": user is not None and may_request(user, member),
    }


@register.inclusion_tag("support/includes/_commitment_support.html")
def support_commitment_panel(commitment):
    return {"commitment": commitment, "engagements": selectors.commitment_engagements(commitment=commitment)}
