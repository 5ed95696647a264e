from django.urls import path

from analytics import views

app_name = "analytics"

urlpatterns = [
    path("analytics/", views.AnalyticsView.as_view(), name="analytics"),
    path("analytics/figures.csv", views.analytics_csv, name="analytics-csv"),
    path("analytics/dashboard/", views.DashboardView.as_view(), name="dashboard"),
]
