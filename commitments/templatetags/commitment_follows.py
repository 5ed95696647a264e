"""{% commitment_follow_box commitment %}: the commitment page's followers count and its follow button."""

from django import template

from commitments import selectors

register = template.Library()


@register.inclusion_tag("commitments/includes/_follow_box.html", takes_context=True)
def commitment_follow_box(context, commitment):
    request = context["request"]
    return {
        "commitment": commitment,
        "followers": selectors.commitment_followers(commitment=commitment, user=request.user),
        "user": request.user,
        "request": request,
        "csrf_token": context.get("csrf_token"),
    }
