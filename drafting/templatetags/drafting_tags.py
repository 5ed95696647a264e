from django import template

from drafting import page_rows, selectors

register = template.Library()


@register.inclusion_tag("drafting/includes/commitment_panel.html")
def drafting_commitment_panel(commitment):
    """What shaped the commitment in its draft: the amendments accepted (with their reasons) and the number of
    comments on its paragraphs, with a link to the latest version."""
    return {"commitment": commitment, **selectors.commitment_provenance(commitment=commitment)}


@register.simple_tag(takes_context=True)
def draft_paragraphs(context, paragraphs, opened):
    """A draft version's paragraphs: drafting/includes/_paragraph.html for each, written by drafting.page_rows; the
    opened one's thread through its template, in the page's context (as the reference's include)."""

    def thread(paragraph):
        template = context.template.engine.get_template("drafting/includes/_thread.html")
        with context.push(paragraph=paragraph):
            return template.render(context)

    return page_rows.paragraphs(paragraphs, opened, thread)
