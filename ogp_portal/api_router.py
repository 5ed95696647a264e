"""The API's routes under /api/v1/: each app registers its viewsets here."""

from django.urls import include, path
from rest_framework.routers import DefaultRouter

from accounts.api import TokenView
from analytics.api.views import AnalyticsViewSet
from commitments.api.follows import CommitmentFollowViewSet
from consultations.api.views import ConsultationViewSet, ProposalViewSet
from cycle.api.views import ChallengeAreaViewSet, ComplianceFindingViewSet, CycleStepViewSet, SDGTargetViewSet
from drafting.api.views import AmendmentViewSet, DraftVersionViewSet
from grants.api.views import GrantApplicationViewSet, GrantCallViewSet
from irm_reports.api.views import ReportViewSet
from monitoring.api.views import MonitoringReportViewSet
from notifications.api import NotificationViewSet
from partnership.api.views import ActionPlanViewSet, CommitmentViewSet, MemberViewSet
from partnership.api.writes import MilestoneViewSet
from peers.api.views import ExchangeRequestViewSet
from support.api.views import PartnerViewSet, SupportRequestViewSet

router = DefaultRouter()
router.register("members", MemberViewSet, basename="member")
router.register("action-plans", ActionPlanViewSet, basename="actionplan")
router.register("commitments", CommitmentViewSet, basename="commitment")
router.register("consultations", ConsultationViewSet, basename="consultation")
router.register("proposals", ProposalViewSet, basename="proposal")
router.register("reports", ReportViewSet, basename="report")
router.register("grant-calls", GrantCallViewSet, basename="grantcall")
router.register("grant-applications", GrantApplicationViewSet, basename="grantapplication")
router.register("partners", PartnerViewSet, basename="partner")
router.register("assistance-requests", SupportRequestViewSet, basename="assistancerequest")
router.register("monitoring-reports", MonitoringReportViewSet, basename="monitoringreport")
router.register("commitment-follows", CommitmentFollowViewSet, basename="commitmentfollow")
router.register("draft-versions", DraftVersionViewSet, basename="draftversion")
router.register("amendments", AmendmentViewSet, basename="amendment")
router.register("exchanges", ExchangeRequestViewSet, basename="exchange")
router.register("notifications", NotificationViewSet, basename="notification")
router.register("analytics", AnalyticsViewSet, basename="analytics")
router.register("cycle-steps", CycleStepViewSet, basename="cyclestep")
router.register("compliance-findings", ComplianceFindingViewSet, basename="compliancefinding")
router.register("challenge-areas", ChallengeAreaViewSet, basename="challengearea")
router.register("sdg-targets", SDGTargetViewSet, basename="sdgtarget")
router.register("milestones", MilestoneViewSet, basename="milestone")

urlpatterns = [
    path("auth/token/", TokenView.as_view(), name="auth-token"),
    path("", include(router.urls)),
]
