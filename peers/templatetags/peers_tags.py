"""The "similar commitments elsewhere" panel of the commitment page: two queries, whatever it shows."""

from django import template

from peers import selectors

register = template.Library()


@register.inclusion_tag("peers/includes/_similar_panel.html", takes_context=True)
def peers_similar_panel(context, commitment):
    user = getattr(context.get("request"), "user", None)
    rows = selectors.similar_of(commitment=commitment)
    for row in rows:
        latest = row.similar.latest_assessments
        row.assessment = latest[0] if latest else None
        row.can_ask = bool(user and user.has_perm("peers.add_exchangerequest", row.similar))
    can_ask = bool(user and user.has_perm("peers.add_exchangerequest", commitment))
    return {"commitment": commitment, "rows": rows, "can_ask": can_ask, "user": user}
