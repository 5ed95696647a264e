from django.urls import path

from consultations.views import (
    forum,
    moderation,
    participation,
    public,
    referrals,
    response_templates,
    translations,
    workspace,
)

app_name = "consultations"

urlpatterns = [
    # Public pages
    path("consultations/", public.ConsultationListView.as_view(), name="consultation-list"),
    path("consultations/<int:pk>/", public.ConsultationDetailView.as_view(), name="consultation-detail"),
    path(
        "consultations/<int:pk>/translations/",
        translations.ConsultationTranslationView.as_view(),
        name="consultation-translation",
    ),
    path("consultations/<int:pk>/similar/", public.SimilarProposalsView.as_view(), name="proposal-similar"),
    path("proposals/", public.ProposalListView.as_view(), name="proposal-list"),
    path("proposals/mine/", public.MyProposalsView.as_view(), name="proposal-mine"),
    path("proposals/<int:pk>/", public.ProposalDetailView.as_view(), name="proposal-detail"),
    path("proposals/attachments/<int:pk>/", public.ProposalAttachmentView.as_view(), name="proposal-attachment"),
    path("members/<slug:slug>/forum/", public.ForumDetailView.as_view(), name="forum-detail"),
    path("forum-meetings/<int:pk>/", public.ForumMeetingDetailView.as_view(), name="forummeeting-detail"),
    # Participants
    path("consultations/<int:pk>/propose/", participation.ProposalCreateView.as_view(), name="proposal-create"),
    path("proposals/<int:pk>/edit/", participation.ProposalUpdateView.as_view(), name="proposal-update"),
    path(
        "proposals/<int:pk>/translations/", translations.ProposalTranslationView.as_view(), name="proposal-translation"
    ),
    path(
        "proposals/<int:pk>/response/translations/",
        translations.ResponseTranslationView.as_view(),
        name="response-translation",
    ),
    path("proposals/<int:pk>/submit/", participation.ProposalSubmitView.as_view(), name="proposal-submit"),
    path("proposals/<int:pk>/withdraw/", participation.ProposalWithdrawView.as_view(), name="proposal-withdraw"),
    path("proposals/<int:pk>/delete/", participation.ProposalDeleteView.as_view(), name="proposal-delete"),
    path("proposals/<int:pk>/support/", participation.ProposalSupportView.as_view(), name="proposal-support"),
    path("proposals/<int:pk>/unsupport/", participation.ProposalUnsupportView.as_view(), name="proposal-unsupport"),
    path("proposals/<int:pk>/follow/", participation.ProposalFollowView.as_view(), name="proposal-follow"),
    path("proposals/<int:pk>/unfollow/", participation.ProposalUnfollowView.as_view(), name="proposal-unfollow"),
    path("proposals/<int:pk>/flag/", participation.ProposalFlagView.as_view(), name="proposal-flag"),
    path("proposals/<int:pk>/comments/", participation.CommentCreateView.as_view(), name="comment-create"),
    path("comments/<int:pk>/edit/", participation.CommentUpdateView.as_view(), name="comment-update"),
    path("comments/<int:pk>/translations/", translations.CommentTranslationView.as_view(), name="comment-translation"),
    path("comments/<int:pk>/flag/", participation.CommentFlagView.as_view(), name="comment-flag"),
    # Support staff
    path("moderation/", moderation.ModerationQueueView.as_view(), name="moderation-queue"),
    path("moderation/proposals/<int:pk>/", moderation.ModerateProposalView.as_view(), name="moderation-proposal"),
    path("moderation/comments/<int:pk>/", moderation.ModerateCommentView.as_view(), name="moderation-comment"),
    # Point-of-contact workspace
    path(
        "workspace/members/<slug:slug>/co-creation/",
        workspace.CoCreationHomeView.as_view(),
        name="workspace-cocreation",
    ),
    path(
        "workspace/plans/<int:pk>/consultations/new/",
        workspace.ConsultationCreateView.as_view(),
        name="workspace-consultation-create",
    ),
    path(
        "workspace/consultations/<int:pk>/",
        workspace.WorkspaceConsultationView.as_view(),
        name="workspace-consultation",
    ),
    path(
        "workspace/consultations/<int:pk>/edit/",
        workspace.ConsultationUpdateView.as_view(),
        name="workspace-consultation-update",
    ),
    path(
        "workspace/consultations/<int:pk>/end/",
        workspace.ConsultationEndView.as_view(),
        name="workspace-consultation-end",
    ),
    path("workspace/proposals/<int:pk>/respond/", workspace.ResponseEditView.as_view(), name="workspace-response"),
    path(
        "workspace/proposals/<int:pk>/route/", workspace.ReferralCreateView.as_view(), name="workspace-referral-create"
    ),
    path("workspace/referrals/<int:pk>/", workspace.ReferralOpinionView.as_view(), name="workspace-referral-opinion"),
    # An institution's contact gives its opinion on a proposal referred to it
    path("referrals/<int:pk>/", referrals.ReferralAnswerView.as_view(), name="referral-answer"),
    path(
        "workspace/members/<slug:slug>/response-templates/",
        response_templates.ResponseTemplateListView.as_view(),
        name="workspace-responsetemplate-list",
    ),
    path(
        "workspace/members/<slug:slug>/response-templates/new/",
        response_templates.ResponseTemplateCreateView.as_view(),
        name="workspace-responsetemplate-create",
    ),
    path(
        "workspace/response-templates/<int:pk>/edit/",
        response_templates.ResponseTemplateUpdateView.as_view(),
        name="workspace-responsetemplate-update",
    ),
    path(
        "workspace/response-templates/<int:pk>/delete/",
        response_templates.ResponseTemplateDeleteView.as_view(),
        name="workspace-responsetemplate-delete",
    ),
    path("workspace/members/<slug:slug>/forum/", forum.ForumEditView.as_view(), name="workspace-forum"),
    path(
        "workspace/members/<slug:slug>/forum/seats/new/",
        forum.ForumSeatCreateView.as_view(),
        name="workspace-forumseat-create",
    ),
    path(
        "workspace/forum-seats/<int:pk>/edit/", forum.ForumSeatUpdateView.as_view(), name="workspace-forumseat-update"
    ),
    path(
        "workspace/forum-seats/<int:pk>/delete/", forum.ForumSeatDeleteView.as_view(), name="workspace-forumseat-delete"
    ),
    path(
        "workspace/members/<slug:slug>/forum/meetings/new/",
        forum.ForumMeetingCreateView.as_view(),
        name="workspace-forummeeting-create",
    ),
    path(
        "workspace/forum-meetings/<int:pk>/edit/",
        forum.ForumMeetingUpdateView.as_view(),
        name="workspace-forummeeting-update",
    ),
]
