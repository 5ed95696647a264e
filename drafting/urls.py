from django.urls import path

from drafting.views import participation, public, workspace

app_name = "drafting"

urlpatterns = [
    path("drafts/<int:pk>/", public.VersionDetailView.as_view(), name="version-detail"),
    path("drafts/<int:pk>/diff/<int:other>/", public.VersionDiffView.as_view(), name="version-diff"),
    path("drafts/<int:pk>/reviewers/", workspace.ReviewerInviteView.as_view(), name="version-reviewers"),
    path("drafts/<int:pk>/publish/", workspace.VersionPublishView.as_view(), name="version-publish"),
    path("workspace/consultations/<int:pk>/drafts/new/", workspace.VersionCreateView.as_view(), name="version-create"),
    path("draft-paragraphs/<int:pk>/comment/", participation.CommentCreateView.as_view(), name="comment-create"),
    path("draft-paragraphs/<int:pk>/amend/", participation.ParagraphAmendView.as_view(), name="paragraph-amend"),
    path("draft-commitments/<int:pk>/milestone/", participation.MilestoneAmendView.as_view(), name="milestone-amend"),
    path("draft-comments/<int:pk>/support/", participation.CommentSupportView.as_view(), name="comment-support"),
    path("draft-comments/<int:pk>/flag/", participation.CommentFlagView.as_view(), name="comment-flag"),
    path("amendments/<int:pk>/", public.AmendmentDetailView.as_view(), name="amendment-detail"),
    path("amendments/<int:pk>/support/", participation.AmendmentSupportView.as_view(), name="amendment-support"),
    path("amendments/<int:pk>/decide/", workspace.AmendmentDecideView.as_view(), name="amendment-decide"),
]
