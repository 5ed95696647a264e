"""The public analytics page, its CSV download, and the support unit's dashboard."""

import csv
import io

from django.core.exceptions import BadRequest
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from analytics import pages, selectors
from commitments.models import Member
from common.cache import versioned


def parse_by(value: str | None) -> str:
    """The breakdown asked for (`?by=`), the default without one; an unknown one is a bad request."""
    if not value:
        return pages.DEFAULT_BY
    if value not in selectors.BREAKDOWNS:
        raise BadRequest(f"by: one of {', '.join(selectors.BREAKDOWNS)}")
    return value


def parse_member(value: str | None) -> Member | None:
    return (
        get_object_or_404(Member.objects.only("pk", "slug", "name", "name_fr", "name_es"), slug=value)
        if value
        else None
    )


class AnalyticsView(TemplateView):
    """The partnership's figures by a breakdown, the trend, and a member's figures beside the partnership's."""

    template_name = "analytics/analytics.html"

    def get_context_data(self, **kwargs):
        by = parse_by(self.request.GET.get("by"))
        member = parse_member(self.request.GET.get("member"))
        context = super().get_context_data(**kwargs)
        # Computed only when the page's cached fragment is stale (per content version, language, choice).
        context["figures"] = SimpleLazyObject(lambda: pages.analytics_page(by=by, member=member))
        context["members"] = SimpleLazyObject(pages.members_to_choose)
        context["fragment_key"] = versioned(f"{get_language()}:{by}:{member.slug if member else ''}")
        context.update(by=by, by_label=pages.BY_LABELS[by], member=member, breakdowns=pages.BY_LABELS)
        return context


def analytics_csv(request):
    """The rows of a breakdown as CSV: the same keys as the API."""
    by = parse_by(request.GET.get("by"))
    member = parse_member(request.GET.get("member"))
    rows = pages.rows_cached(by=by, member=member, language=get_language())
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=selectors.KEYS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(row.as_dict() for row in rows)
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    stem = f"ogp-analytics-{by}" + (f"-{member.slug}" if member else "")
    response["Content-Disposition"] = f'attachment; filename="{stem}.csv"'
    return response


class DashboardView(PermissionRequiredMixin, TemplateView):
    """The support unit's figures; the cycle's compliance list and calendar take their place beside them."""

    template_name = "analytics/dashboard.html"
    permission_required = "analytics.view_dashboard"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["figures"] = SimpleLazyObject(pages.dashboard_page)
        context["fragment_key"] = versioned(f"dashboard:{get_language()}")
        return context
