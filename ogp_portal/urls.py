from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.views import SpectacularAPIView

import commitments.urls
import partnership.urls
from accounts import views as account_views
from common import pages
from common.api.docs import ApiReferenceView
from partnership.views.public import HomeView

admin.site.site_header = _("OGP portal — support unit")
admin.site.site_title = _("OGP portal admin")
admin.site.index_title = _("Administration")

# Members, plans and commitments: the public pages (partnership) and the workspace (commitments), one namespace.
commitment_routes = ([*partnership.urls.urlpatterns, *commitments.urls.urlpatterns], "commitments")

# Patterns are tried in order, each app's include one by one: the API (one prefix, passed over at once by every other
# address) and the public pages most requests ask for come first (tests/common/test_route_order.py checks that no
# route is then shadowed by another).
urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("api/v1/", include(("ogp_portal.api_router", "api"), namespace="api")),
    path("", include(commitment_routes)),
    path("", include("consultations.urls")),
    path("healthz/", pages.healthz, name="healthz"),
    path("i18n/setlang/", account_views.language_set, name="set_language"),
    path("accounts/profile/", account_views.ProfileView.as_view(), name="profile"),
    path(
        "accounts/profile/organisation/",
        account_views.MembershipRequestListView.as_view(),
        name="profile-organisation",
    ),
    path(
        "accounts/profile/organisation/<int:pk>/decide/",
        account_views.MembershipDecideView.as_view(),
        name="profile-organisation-decide",
    ),
    path("accounts/profile/my-data.json", account_views.DataDownloadView.as_view(), name="profile-data"),
    path("accounts/profile/api-token/", account_views.ApiTokenView.as_view(), name="profile-api-token"),
    path(
        "accounts/profile/api-token/revoke/",
        account_views.ApiTokenRevokeView.as_view(),
        name="profile-api-token-revoke",
    ),
    path("accounts/profile/delete/", account_views.AccountDeleteView.as_view(), name="profile-delete"),
    path("", include("notifications.urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", ApiReferenceView.as_view(), name="api-docs"),
    path("", include("irm_reports.urls")),
    path("", include("grants.urls")),
    path("", include("support.urls")),
    path("", include("cycle.urls")),
    path("", include("monitoring.urls")),
    path("", include("drafting.urls")),
    path("", include("peers.urls")),
    path("", include("analytics.urls")),
]

handler400 = "common.pages.bad_request"
handler404 = "common.pages.page_not_found"
