from django.urls import path

from support.views import public, requests

app_name = "support"

urlpatterns = [
    path("support/", public.ServiceMenuView.as_view(), name="service-list"),
    path("support/members/<slug:slug>/request/", requests.SupportRequestCreateView.as_view(), name="request-create"),
    path("support/requests/", requests.MyRequestsView.as_view(), name="request-mine"),
    path("support/requests/<int:pk>/", requests.SupportRequestDetailView.as_view(), name="request-detail"),
    path("support/requests/<int:pk>/note/", requests.SupportNoteCreateView.as_view(), name="request-note"),
    path(
        "support/requests/<int:pk>/transition/",
        requests.SupportRequestTransitionView.as_view(),
        name="request-transition",
    ),
    path("support/attachments/<int:pk>/", requests.SupportAttachmentView.as_view(), name="attachment"),
    path("support/queue/", requests.SupportQueueView.as_view(), name="queue"),
    path("partners/", public.PartnerListView.as_view(), name="partner-list"),
    path("partners/<slug:slug>/", public.PartnerDetailView.as_view(), name="partner-detail"),
]
