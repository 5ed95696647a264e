from django.urls import path

from grants.views import applicant, public, staff

app_name = "grants"

urlpatterns = [
    path("grants/", public.CallListView.as_view(), name="call-list"),
    path("grants/calls/<int:pk>/", public.CallDetailView.as_view(), name="call-detail"),
    path("grants/calls/<int:pk>/apply/", applicant.ApplicationCreateView.as_view(), name="application-create"),
    path("grants/applications/mine/", applicant.MyApplicationsView.as_view(), name="application-mine"),
    path("grants/applications/<int:pk>/", applicant.ApplicationDetailView.as_view(), name="application-detail"),
    path("grants/applications/<int:pk>/edit/", applicant.ApplicationUpdateView.as_view(), name="application-update"),
    path("grants/applications/<int:pk>/submit/", applicant.ApplicationSubmitView.as_view(), name="application-submit"),
    path("grants/attachments/<int:pk>/", public.AttachmentView.as_view(), name="application-attachment"),
    path("grants/review/", staff.ReviewQueueView.as_view(), name="review-queue"),
    path("grants/applications/<int:pk>/review/", staff.ReviewView.as_view(), name="application-review"),
    path("grants/applications/<int:pk>/decide/", staff.DecideView.as_view(), name="application-decide"),
    path("grants/applications/<int:pk>/milestones/", staff.MilestoneAddView.as_view(), name="milestone-create"),
    path("grants/milestones/<int:pk>/received/", staff.MilestoneReceiveView.as_view(), name="milestone-receive"),
]
