"""Template helpers of the IRM app: ratings as labels, and the panels on member, plan and commitment pages.

Each panel tag costs a fixed number of queries (one or two), whatever the number of reports.
"""

from django import template

from irm_reports import page_rows, selectors

register = template.Library()


@register.filter
def rating(assessment, field: str) -> str:
    """The label of an assessment's rating, or an em dash when it is not rated."""
    if assessment is None or getattr(assessment, field, None) in (None, ""):
        return "—"
    return getattr(assessment, f"get_{field}_display")()


@register.filter
def field_label(model_or_instance, field: str) -> str:
    return str(model_or_instance._meta.get_field(field).verbose_name)


@register.filter
def roman(number: int) -> str:
    numerals = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    result, number = "", int(number)
    for value, numeral in numerals:
        while number >= value:
            result, number = result + numeral, number - value
    return result


@register.inclusion_tag("irm_reports/includes/_published_list.html", takes_context=True)
def irm_plan_reports(context, plan):
    """The plan's published reports; for its IRM team, a link to start a report."""
    user = getattr(context.get("request"), "user", None)
    can_add = bool(user and user.is_authenticated and user.has_perm("irm_reports.add_report", plan))
    return {
        "reports": selectors.public_reports_of_plan(plan=plan),
        "plan": plan,
        "show_plan": False,
        "can_add": can_add and plan.status != "co_creation",
    }


@register.inclusion_tag("irm_reports/includes/_published_list.html")
def irm_member_reports(member):
    return {"reports": selectors.public_reports_of_member(member=member), "show_plan": True}


@register.inclusion_tag("irm_reports/includes/_commitment_assessment.html")
def irm_commitment_assessment(commitment):
    return {"assessment": selectors.latest_published_assessment(commitment=commitment)}


@register.inclusion_tag("irm_reports/pdf/sections/_ratings.html")
def assessment_ratings(assessment, names: str, fields):
    """The ratings `names` (comma-separated) of an assessment, those its report type uses."""
    shown = [n for n in names.split(",") if n in fields]
    return {
        "ratings": [(field_label(assessment, n), rating(assessment, n)) for n in shown],
        "starred": assessment.starred,
    }


@register.simple_tag
def assessment_rows(rows, report, can_change):
    """The commitments of a researcher's report page: workspace/includes/_assessment_row.html for each row,
    written by irm_reports.page_rows."""
    return page_rows.assessment_rows(rows, report, bool(can_change))


@register.simple_tag
def missing_items(items):
    """What the report still needs: workspace/includes/_missing_item.html for each, written by
    irm_reports.page_rows."""
    return page_rows.missing_items(items)
