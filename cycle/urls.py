from django.urls import path

from cycle.views import calendar, challenges, compliance

app_name = "cycle"

urlpatterns = [
    path("calendar/", calendar.CalendarView.as_view(), name="calendar"),
    path("members/<slug:slug>/calendar.ics", calendar.MemberCalendarFeedView.as_view(), name="member-ics"),
    path("compliance/", compliance.ComplianceListView.as_view(), name="compliance"),
    path("compliance/<int:pk>/", compliance.FindingDecideView.as_view(), name="finding-detail"),
    path("challenges/", challenges.ChallengeListView.as_view(), name="challenge-list"),
    path("challenges/<slug:slug>/", challenges.ChallengeDetailView.as_view(), name="challenge-detail"),
    path("members/<slug:slug>/challenge/", challenges.ChallengeDeclareView.as_view(), name="challenge-declare"),
    path("commitments/<int:pk>/challenge/", challenges.CommitmentTagView.as_view(), name="commitment-tag"),
]
