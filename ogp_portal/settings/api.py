"""The REST API: Django REST framework, tokens (knox) and the OpenAPI schema (drf-spectacular)."""

from datetime import timedelta

from .environment import env

# REST FRAMEWORK -----------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Token first: an anonymous write then gets 401 with a WWW-Authenticate header, not 403.
        "knox.auth.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    # A read-only token is refused every write first (accounts/api_scopes.py), on every endpoint: a view that
    # sets its own permission_classes starts from these.
    "DEFAULT_PERMISSION_CLASSES": [
        "accounts.api_scopes.TokenScopePermission",
        "rest_framework.permissions.IsAuthenticatedOrReadOnly",
    ],
    # orjson for compact JSON (same bytes as DRF's renderer); the browsable API stays for people.
    "DEFAULT_RENDERER_CLASSES": [
        "common.api.renderers.FastJSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PARSER_CLASSES": [
        "common.api.parsers.StrictJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "common.api.pagination.PageNumberPagination",
    "PAGE_SIZE": 25,
    "DEFAULT_THROTTLE_CLASSES": ["common.api.throttling.AnonThrottle", "common.api.throttling.UserThrottle"],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env("API_THROTTLE_ANON", default="120/minute"),
        "user": env("API_THROTTLE_USER", default="600/minute"),
        "auth": env("API_THROTTLE_AUTH", default="10/minute"),
    },
    "EXCEPTION_HANDLER": "common.api.exceptions.exception_handler",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
# API tokens (django-rest-knox, accounts/tokens.py): stored as a digest, sent as `Authorization: Token <key>`,
# valid API_TOKEN_TTL_DAYS from their issue, one per account, read-only unless asked read-write.
REST_KNOX = {
    "TOKEN_TTL": timedelta(days=env.int("API_TOKEN_TTL_DAYS", default=30)),
    "AUTH_HEADER_PREFIX": "Token",
    "AUTO_REFRESH": False,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "OGP portal API",
    "DESCRIPTION": (
        "Open data of the Open Government Partnership portal: members, action plans, commitments, "
        "consultations and IRM reports. Reading is open to everyone; writing needs a session or a token "
        "(`POST /api/v1/auth/token/`) and follows the same rules as the web forms."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "MonitoringFindingEnum": "monitoring.models.report.Finding",
        "MonitoringAnswerKindEnum": "monitoring.models.response.ReportAnswer.Kind",
        "DraftVersionStateEnum": "drafting.models.version.DraftVersion.State",
        "DraftParagraphSectionEnum": "drafting.models.version.DraftParagraph.Section",
        "AmendmentStateEnum": "drafting.models.participation.Amendment.State",
        "AmendmentKindEnum": "drafting.models.participation.Amendment.Kind",
        "AmendmentDecisionEnum": "drafting.models.participation.DECISION_CHOICES",
        "PartnerKindEnum": "support.models.partners.Partner.Kind",
        "GrantCallKindEnum": "grants.models.calls.GrantCall.Kind",
        "MemberKindEnum": "commitments.models.Member.Kind",
        "MemberStatusEnum": "commitments.models.Member.Status",
        "ActionPlanStatusEnum": "commitments.models.ActionPlan.Status",
        "MilestoneStatusEnum": "commitments.models.Milestone.Status",
        "OrganisationKindEnum": "accounts.models.Organisation.Kind",
        "PolicyAreaKindEnum": "commitments.models.PolicyArea.Kind",
        "SelfReportedCompletionEnum": "commitments.models.Completion",
        "IrmCompletionEnum": "irm_reports.scales.Completion",
        "IrmAnswerEnum": "irm_reports.scales.Answer",
        "DidItOpenGovernmentEnum": "irm_reports.scales.DidItOpenGovernment",
        "ReportStatusEnum": "irm_reports.models.Report.Status",
        "WithdrawalReasonEnum": "consultations.models.Proposal.WithdrawalReason",
        "CycleStepKindEnum": "cycle.models.calendar.CycleStep.Kind",
        "ComplianceFindingKindEnum": "cycle.models.compliance.ComplianceFinding.Kind",
        "ComplianceDecisionEnum": "cycle.models.compliance.ComplianceFinding.Decision",
        "SupportRequestStatusEnum": "support.models.requests.SupportRequest.Status",
        "SupportServiceLevelEnum": "support.models.catalogue.ServiceOffer.Level",
        "SupportServiceCycleStepEnum": "support.models.catalogue.ServiceOffer.CycleStep",
        "GrantApplicationStatusEnum": "grants.models.applications.GrantApplication.Status",
        "ExchangeRequestStatusEnum": "peers.models.ExchangeRequest.Status",
        "ConsultationKindEnum": "consultations.models.Consultation.Kind",
        "ApiTokenScopeEnum": "accounts.models.ApiTokenScope.Scope",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "common.api.schema.add_error_responses",
    ],
}
