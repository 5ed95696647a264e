from django.urls import path

from commitments.views import follows, institutions, translations, workspace

# The point-of-contact workspace. The project URLconf serves these with the public pages of partnership/urls.py
# in one namespace, "commitments".

urlpatterns = [
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
        "workspace/members/<slug:slug>/institution-contacts/",
        institutions.InstitutionContactsView.as_view(),
        name="workspace-institution-contacts",
    ),
    path(
        "workspace/institution-contacts/<int:pk>/remove/",
        institutions.InstitutionContactRemoveView.as_view(),
        name="workspace-institution-contact-remove",
    ),
    path(
        "workspace/milestones/<int:pk>/edit/",
        workspace.MilestoneUpdateView.as_view(),
        name="workspace-milestone-update",
    ),
    path(
        "commitments/<int:pk>/translations/",
        translations.CommitmentTranslationView.as_view(),
        name="commitment-translation",
    ),
    path("commitments/<int:pk>/follow/", follows.CommitmentFollowView.as_view(), name="commitment-follow"),
    path("commitments/<int:pk>/unfollow/", follows.CommitmentUnfollowView.as_view(), name="commitment-unfollow"),
    path("commitments/stop-following/<str:token>/", follows.CommitmentOptOutView.as_view(), name="commitment-optout"),
]
