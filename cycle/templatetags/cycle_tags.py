from django import template

from cycle import selectors

register = template.Library()


@register.inclusion_tag("cycle/includes/_member_steps.html", takes_context=True)
def cycle_member_steps(context, member):
    """The member's next steps and the challenge it took up (two queries), and its calendar feed."""
    return {
        "member": member,
        "user": context.get("user"),
        "steps": selectors.member_upcoming_steps(member=member),
        "challenges": selectors.member_challenges(member=member),
    }


@register.inclusion_tag("cycle/includes/_commitment_tags.html", takes_context=True)
def cycle_commitment_tags(context, commitment):
    """The challenge areas and SDG targets of a commitment (two queries), and the link to set them."""
    areas, targets = selectors.commitment_tags(commitment=commitment)
    return {"commitment": commitment, "user": context.get("user"), "areas": areas, "targets": targets}
