"""The IRM figures of a member's or a challenge area's page beside the partnership's (includes kept per content
version)."""

from django import template
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from analytics import tables
from analytics.figures import breakdown_rows, total_row
from analytics.selectors import without_jit
from common.cache import cached

register = template.Library()


@register.simple_tag
def figures_table(rows, caption, group_label):
    """{% figures_table rows caption group_label %}: analytics/_figures_table.html, written in Python."""
    return tables.figures_table(rows, caption, group_label)


@register.simple_tag
def member_options(members, selected):
    """{% member_options members slug %}: the options of the analytics page's member select (analytics.tables)."""
    return tables.member_options(members, selected)


@register.inclusion_tag("analytics/includes/_member_figures.html")
def analytics_member_figures(member):
    """Two queries when the figures of this member and language are not cached yet, none otherwise."""

    def rows():
        with without_jit():
            mine = total_row(label=member.display_name, member=member)
            partnership = total_row(label=_("All members"))
        return [mine, partnership] if mine.commitments else []

    return {"rows": cached(f"analytics:member:{get_language()}:{member.pk}", rows), "member": member}


@register.inclusion_tag("analytics/includes/_challenge_figures.html")
def analytics_challenge_figures(area):
    """The IRM figures of the commitments tagged with a challenge area, by member, beside the partnership's:
    three queries when not cached for this area and language, none otherwise."""

    def figures():
        with without_jit():
            tagged = total_row(label=area.display_name, challenge_area=area)
            if not tagged.commitments:
                return {}
            partnership = total_row(label=_("All members"))
            members = breakdown_rows(by="member", challenge_area=area)
        return {"glance": [tagged, partnership], "members": members}

    return {"figures": cached(f"analytics:challenge:{get_language()}:{area.pk}", figures), "area": area}
