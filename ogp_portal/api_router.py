"""The API's routes under /api/v1/: each app registers its viewsets here."""

from django.urls import include, path
from rest_framework.routers import DefaultRouter

from accounts.api import TokenView
from analytics.api.views import AnalyticsViewSet
from consultations.api.views import ConsultationViewSet, ProposalViewSet
from grants.api.views import GrantCallViewSet
from irm_reports.api.views import ReportViewSet
from monitoring.api.views import MonitoringReportViewSet
from notifications.api import NotificationViewSet
from partnership.api.views import ActionPlanViewSet, CommitmentViewSet, MemberViewSet
from partnership.api.writes import MilestoneViewSet
from support.api.views import PartnerViewSet

router = DefaultRouter()
router.register("members", MemberViewSet, basename="member")
router.register("action-plans", ActionPlanViewSet, basename="actionplan")
router.register("commitments", CommitmentViewSet, basename="commitment")
router.register("consultations", ConsultationViewSet, basename="consultation")
router.register("proposals", ProposalViewSet, basename="proposal")
router.register("reports", ReportViewSet, basename="report")
router.register("grant-calls", GrantCallViewSet, basename="grantcall")
router.register("partners", PartnerViewSet, basename="partner")
router.register("monitoring-reports", MonitoringReportViewSet, basename="monitoringreport")
router.register("notifications", NotificationViewSet, basename="notification")
router.register("analytics", AnalyticsViewSet, basename="analytics")
router.register("milestones", MilestoneViewSet, basename="milestone")

urlpatterns = [
    path("auth/token/", TokenView.as_view(), name="auth-token"),
    path("", include(router.urls)),
]
