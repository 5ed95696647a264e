from django.urls import path

from irm_reports.views import assessments, downloads, public, workspace

app_name = "irm_reports"

urlpatterns = [
    path("irm-reports/", public.PublishedReportListView.as_view(), name="report-list"),
    path(
        "irm-reports/<int:pk>/v<int:version>.pdf",
        downloads.PublishedVersionPdfView.as_view(),
        name="report-version-pdf",
    ),
    # IRM researcher's workspace
    path("irm-reports/workspace/", workspace.WorkspaceHomeView.as_view(), name="workspace"),
    path("irm-reports/workspace/plans/<int:pk>/new/", workspace.ReportCreateView.as_view(), name="report-create"),
    path("irm-reports/<int:pk>/", workspace.ReportDetailView.as_view(), name="report-detail"),
    path("irm-reports/<int:pk>/status/", workspace.ReportStatusView.as_view(), name="report-status"),
    path("irm-reports/<int:pk>/preview/", workspace.ReportPreviewView.as_view(), name="report-preview"),
    path("irm-reports/<int:pk>/edit/", workspace.ReportEditView.as_view(), name="report-edit"),
    path(
        "irm-reports/<int:pk>/commitments/<int:commitment_pk>/",
        assessments.AssessmentEditView.as_view(),
        name="assessment-edit",
    ),
    path("irm-reports/<int:pk>/requirements/", assessments.RequirementsEditView.as_view(), name="requirements-edit"),
    path(
        "irm-reports/<int:pk>/recommendations/",
        assessments.RecommendationsEditView.as_view(),
        name="recommendations-edit",
    ),
    path("irm-reports/<int:pk>/render/", workspace.ReportRenderView.as_view(), name="report-render"),
    path("irm-reports/<int:pk>/publish/", workspace.ReportPublishView.as_view(), name="report-publish"),
    path("irm-reports/<int:pk>/new-version/", workspace.ReportReopenView.as_view(), name="report-reopen"),
    path("irm-reports/<int:pk>/pdf/", downloads.ReportPdfView.as_view(), name="report-pdf"),
]
