"""Public pages of monitoring: a report with its answer, its evidence files, and the monitoring view of a plan."""

from django.http import Http404
from django.views.generic import DetailView, TemplateView, View

from common.files import private_file_response
from monitoring import plan_page, selectors
from monitoring.forms import PlanFilterForm
from monitoring.status import PROGRESS_RULE

MAP_WIDTH, MAP_HEIGHT = 720, 360


class ReportDetailView(DetailView):
    """A report and its answer: public once submitted; a draft or a hidden report to its author (and staff)."""

    template_name = "monitoring/report_detail.html"
    context_object_name = "report"

    def get_object(self, queryset=None):
        report = selectors.report_get(pk=self.kwargs["pk"])
        if not self.request.user.has_perm("monitoring.read_monitoringreport", report):
            raise Http404
        return report

    def get_context_data(self, **kwargs):
        return super().get_context_data(commitment=self.object.commitment, **kwargs)


class EvidenceView(View):
    """An evidence file, for whoever may see its report; others get a 404, as for a file that does not exist."""

    def get(self, request, pk: int):
        evidence = selectors.evidence_get(pk=pk)
        if not request.user.has_perm("monitoring.read_reportevidence", evidence):
            raise Http404
        return private_file_response(evidence.file, content_type=evidence.content_type, filename=evidence.original_name)


def map_points(reports) -> list[dict]:
    """Equirectangular projection of the findings' places onto the map's box, the box fitted to the points."""
    if not reports:
        return []
    lats = [float(r.latitude) for r in reports]
    lons = [float(r.longitude) for r in reports]
    pad = 0.02
    south, north = min(lats) - pad, max(lats) + pad
    west, east = min(lons) - pad, max(lons) + pad
    # Keep the scale the same on both axes so distances look true.
    span = max(north - south, (east - west) * MAP_HEIGHT / MAP_WIDTH)
    mid_lat, mid_lon = (north + south) / 2, (east + west) / 2
    scale = MAP_HEIGHT / span
    return [
        {
            "report": report,
            "x": round(MAP_WIDTH / 2 + (lon - mid_lon) * scale, 1),
            "y": round(MAP_HEIGHT / 2 - (lat - mid_lat) * scale, 1),
        }
        for report, lat, lon in zip(reports, lats, lons, strict=True)
    ]


class PlanMonitoringView(TemplateView):
    """Every commitment of a plan with the government's and civil society's statuses, overdue milestones, open
    disputes, the latest evidence and a map of the findings' places; filtered by policy area, institution,
    dispute."""

    template_name = "monitoring/plan_monitoring.html"

    def get_context_data(self, **kwargs):
        plan = selectors.plan_get(pk=self.kwargs["pk"])
        commitments = plan_page.plan_commitments(plan=plan)
        form = PlanFilterForm(self.request.GET or None, **plan_page.plan_filter_choices(commitments=commitments))
        filters = form.cleaned_data if form.is_valid() else {}
        data = plan_page.plan_monitoring(plan=plan, commitments=commitments, filters=filters)
        return super().get_context_data(
            plan=plan,
            form=form,
            rule=PROGRESS_RULE,
            map_points=map_points(data.pop("points")),
            map_width=MAP_WIDTH,
            map_height=MAP_HEIGHT,
            **data,
            **kwargs,
        )
