from django import template

from drafting import selectors

register = template.Library()


@register.inclusion_tag("drafting/includes/commitment_panel.html")
def drafting_commitment_panel(commitment):
    """What shaped the commitment in its draft: the amendments accepted (with their reasons) and the number of
    comments on its paragraphs, with a link to the latest version."""
    return {"commitment": commitment, **selectors.commitment_provenance(commitment=commitment)}
