"""Public pages: the list of published IRM reports."""

from django.conf import settings
from django.views.generic import ListView

from irm_reports import selectors


class PublishedReportListView(ListView):
    template_name = "irm_reports/report_list.html"
    context_object_name = "reports"
    paginate_by = settings.PAGE_SIZE

    def get_queryset(self):
        return selectors.published_report_list()
