"""Panels the consultations app adds to the pages of members, action plans and commitments.

Each tag costs a fixed number of queries, whatever the number of consultations, proposals or meetings.
"""

from django import template
from django.contrib.auth.models import AnonymousUser

from consultations import comment_markup, panel_selectors, rows, selectors
from consultations.checklist import plan_checklist

register = template.Library()


@register.inclusion_tag("consultations/includes/_plan_consultations.html", takes_context=True)
def consultations_plan_panel(context, plan):
    """The plan's consultations and its co-creation standards checklist (which reads the same consultations)."""
    consultations = panel_selectors.plan_consultations(plan=plan)
    return {
        "plan": plan,
        "consultations": consultations,
        "checklist": plan_checklist(plan, consultations=consultations),
        "user": context.get("user"),
    }


@register.inclusion_tag("consultations/includes/_commitment_proposals.html")
def consultations_commitment_panel(commitment):
    """The proposals whose reasoned response says they fed this commitment."""
    return {"commitment": commitment, "proposals": panel_selectors.commitment_source_proposals(commitment=commitment)}


@register.inclusion_tag("consultations/includes/_member_forum.html", takes_context=True)
def consultations_member_panel(context, member):
    """The member's forum (balance, latest meetings) and its open consultations."""
    forum = selectors.forum_get(member=member)
    return {
        "member": member,
        "forum": forum,
        "balance": selectors.forum_balance(forum=forum) if forum else None,
        "meetings": list(selectors.forum_meetings(forum=forum)[:3]) if forum else [],
        "consultations": panel_selectors.member_open_consultations(member=member),
        "user": context.get("user"),
    }


@register.simple_tag
def proposal_status_class(status: str) -> str:
    return f"badge badge-proposal-{status}"


@register.simple_tag
def consultation_rows(consultations, show_plan=False):
    """The rows of a consultation list: the markup of includes/_consultation_row.html, written by consultations.rows."""
    return rows.consultation_rows(consultations, show_plan=show_plan)


@register.simple_tag
def proposal_rows(proposals, show_consultation=False):
    """The rows of a proposal list: the markup of includes/_proposal_row.html, written by consultations.rows."""
    return rows.proposal_rows(proposals, show_consultation=show_consultation)


@register.simple_tag(takes_context=True)
def proposal_comment(context, comment):
    """A comment of a proposal's discussion, with its actions for the signed-in user: the markup of
    includes/_comment.html, written by consultations.comment_markup (the texts shared by the page's comments)."""
    shared = context.render_context.get(comment_markup)
    if shared is None:
        shared = context.render_context[comment_markup] = comment_markup.shared_parts()
    return comment_markup.comment_html(comment, user=context.get("user") or AnonymousUser(), shared=shared)
