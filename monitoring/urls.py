from django.urls import path

from monitoring.views import institutions, public, reports, workspace

app_name = "monitoring"

urlpatterns = [
    path("commitments/<int:pk>/monitoring/new/", reports.ReportCreateView.as_view(), name="report-create"),
    path("monitoring/reports/<int:pk>/", public.ReportDetailView.as_view(), name="report-detail"),
    path("monitoring/reports/<int:pk>/edit/", reports.ReportUpdateView.as_view(), name="report-update"),
    path("monitoring/reports/<int:pk>/submit/", reports.ReportSubmitView.as_view(), name="report-submit"),
    path("monitoring/reports/<int:pk>/delete/", reports.ReportDeleteView.as_view(), name="report-delete"),
    path("monitoring/reports/<int:pk>/withdraw/", reports.ReportWithdrawView.as_view(), name="report-withdraw"),
    path("monitoring/reports/<int:pk>/answer/", reports.ReportAnswerView.as_view(), name="report-answer"),
    path("monitoring/reports/<int:pk>/flag/", reports.ReportFlagView.as_view(), name="report-flag"),
    path("monitoring/evidence/<int:pk>/", public.EvidenceView.as_view(), name="evidence"),
    path("action-plans/<int:pk>/monitoring/", public.PlanMonitoringView.as_view(), name="plan"),
    path("workspace/plans/<int:pk>/monitoring/", workspace.WorkspaceReportsView.as_view(), name="workspace"),
    path("my-institutions/", institutions.InstitutionHomeView.as_view(), name="institution-home"),
]
