from django import template

from monitoring import plan_rows, selectors
from monitoring.services._common import commitment_accepts_monitoring, plan_accepts_monitoring
from monitoring.status import PROGRESS_RULE

register = template.Library()


@register.inclusion_tag("monitoring/includes/commitment_panel.html", takes_context=True)
def monitoring_commitment_panel(context, commitment):
    """The commitment page's monitoring panel: both statuses, the reports and their answers, the button."""
    state, reports = selectors.commitment_panel(commitment=commitment)
    user = context["request"].user
    accepts = commitment_accepts_monitoring(commitment)
    return {
        "commitment": commitment,
        "state": state,
        "reports": reports,
        "rule": PROGRESS_RULE,
        "accepts": accepts,
        "can_file": accepts and user.has_perm("monitoring.add_monitoringreport", commitment),
        "user": user,
        "request": context["request"],
    }


@register.inclusion_tag("monitoring/includes/plan_panel.html")
def monitoring_plan_panel(plan):
    """The plan page's counts: public reports, those awaiting an answer, commitments whose statuses disagree."""
    return {"plan": plan, "figures": selectors.plan_figures(plan=plan), "accepts": plan_accepts_monitoring(plan)}


@register.simple_tag
def plan_commitment_rows(states, plan):
    """The commitments of a plan's monitoring page: the markup of monitoring/includes/_plan_commitment_row.html,
    written by monitoring.plan_rows."""
    return plan_rows.commitment_rows(states, plan)


@register.simple_tag
def plan_dispute_items(states, plan):
    """The open disputes of a plan's monitoring page: the markup of monitoring/includes/_plan_dispute.html."""
    return plan_rows.dispute_items(states, plan)
