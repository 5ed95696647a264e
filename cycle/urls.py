from django.urls import path

from cycle.views import calendar, compliance

app_name = "cycle"

urlpatterns = [
    path("calendar/", calendar.CalendarView.as_view(), name="calendar"),
    path("members/<slug:slug>/calendar.ics", calendar.MemberCalendarFeedView.as_view(), name="member-ics"),
    path("compliance/", compliance.ComplianceListView.as_view(), name="compliance"),
    path("compliance/<int:pk>/", compliance.FindingDecideView.as_view(), name="finding-detail"),
]
