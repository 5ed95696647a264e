from django.urls import path

from commitments.views import open_data, public, workspace

app_name = "commitments"

urlpatterns = [
    path("members/", public.MemberListView.as_view(), name="member-list"),
    path("members/<slug:slug>/", public.MemberDetailView.as_view(), name="member-detail"),
    path("action-plans/<int:pk>/", public.ActionPlanDetailView.as_view(), name="actionplan-detail"),
    path("commitments/", public.CommitmentListView.as_view(), name="commitment-list"),
    path("commitments/<int:pk>/", public.CommitmentDetailView.as_view(), name="commitment-detail"),
    path("open-data/", open_data.OpenDataView.as_view(), name="open-data"),
    path("open-data/commitments.csv", open_data.commitments_download, {"fmt": "csv"}, name="open-data-csv"),
    path("open-data/commitments.json", open_data.commitments_download, {"fmt": "json"}, name="open-data-json"),
    # Point-of-contact workspace
    path("workspace/", workspace.WorkspaceHomeView.as_view(), name="workspace"),
    path("workspace/members/<slug:slug>/", workspace.WorkspaceMemberView.as_view(), name="workspace-member"),
    path(
        "workspace/members/<slug:slug>/plans/new/",
        workspace.ActionPlanCreateView.as_view(),
        name="workspace-actionplan-create",
    ),
    path("workspace/plans/<int:pk>/", workspace.WorkspacePlanView.as_view(), name="workspace-plan"),
    path(
        "workspace/plans/<int:pk>/edit/", workspace.ActionPlanUpdateView.as_view(), name="workspace-actionplan-update"
    ),
    path(
        "workspace/plans/<int:pk>/status/",
        workspace.ActionPlanTransitionView.as_view(),
        name="workspace-actionplan-transition",
    ),
    path(
        "workspace/plans/<int:pk>/commitments/new/",
        workspace.CommitmentCreateView.as_view(),
        name="workspace-commitment-create",
    ),
    path(
        "workspace/commitments/<int:pk>/edit/",
        workspace.CommitmentUpdateView.as_view(),
        name="workspace-commitment-update",
    ),
    path(
        "workspace/commitments/<int:pk>/milestones/new/",
        workspace.MilestoneCreateView.as_view(),
        name="workspace-milestone-create",
    ),
    path(
        "workspace/commitments/<int:pk>/progress/new/",
        workspace.ProgressUpdateCreateView.as_view(),
        name="workspace-progressupdate-create",
    ),
    path(
        "workspace/milestones/<int:pk>/edit/",
        workspace.MilestoneUpdateView.as_view(),
        name="workspace-milestone-update",
    ),
]
