"""The member page's IRM figures beside the partnership's (one include, kept per content version)."""

from django import template
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from analytics.figures import total_row
from analytics.selectors import without_jit
from common.cache import cached

register = template.Library()


@register.inclusion_tag("analytics/includes/_member_figures.html")
def analytics_member_figures(member):
    """Two queries when the figures of this member and language are not cached yet, none otherwise."""

    def rows():
        with without_jit():
            mine = total_row(label=member.display_name, member=member)
            partnership = total_row(label=_("All members"))
        return [mine, partnership] if mine.commitments else []

    return {"rows": cached(f"analytics:member:{get_language()}:{member.pk}", rows), "member": member}
