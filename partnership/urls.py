"""The public pages of members, plans and commitments and the open data (named in the "commitments" namespace
with the workspace's routes: see ogp_portal/urls.py)."""

from django.urls import path

from partnership.views import open_data, public, reasoned_responses, search

urlpatterns = [
    path("members/", public.MemberListView.as_view(), name="member-list"),
    path("members/<slug:slug>/", public.MemberDetailView.as_view(), name="member-detail"),
    path("action-plans/<int:pk>/", public.ActionPlanDetailView.as_view(), name="actionplan-detail"),
    path("commitments/", public.CommitmentListView.as_view(), name="commitment-list"),
    path("commitments/<int:pk>/", public.CommitmentDetailView.as_view(), name="commitment-detail"),
    path("search/", search.SearchView.as_view(), name="search"),
    path(
        "consultations/<int:pk>/reasoned-responses.csv",
        reasoned_responses.response_report_csv,
        name="consultation-responses-csv",
    ),
    path(
        "consultations/<int:pk>/reasoned-responses.pdf",
        reasoned_responses.response_report_pdf,
        name="consultation-responses-pdf",
    ),
    path("open-data/", open_data.OpenDataView.as_view(), name="open-data"),
    path("open-data/commitments.csv", open_data.commitments_download, {"fmt": "csv"}, name="open-data-csv"),
    path("open-data/portal-open-data.zip", open_data.archive_download, name="open-data-archive"),
    path("open-data/build/", open_data.OpenDataBuildView.as_view(), name="open-data-build"),
    path("open-data/commitments.json", open_data.commitments_download, {"fmt": "json"}, name="open-data-json"),
]
