from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from commitments.views.public import HomeView
from ogp_portal import views

admin.site.site_header = _("OGP portal — support unit")
admin.site.site_title = _("OGP portal admin")
admin.site.index_title = _("Administration")

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("healthz/", views.healthz, name="healthz"),
    path("i18n/setlang/", views.language_set, name="set_language"),
    path("accounts/profile/", views.ProfileView.as_view(), name="profile"),
    path("accounts/profile/organisation/", views.MembershipRequestListView.as_view(), name="profile-organisation"),
    path(
        "accounts/profile/organisation/<int:pk>/decide/",
        views.MembershipDecideView.as_view(),
        name="profile-organisation-decide",
    ),
    path("accounts/profile/my-data.json", views.DataDownloadView.as_view(), name="profile-data"),
    path("accounts/profile/delete/", views.AccountDeleteView.as_view(), name="profile-delete"),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    path("", include("consultations.urls")),
    path("api/v1/", include(("ogp_portal.api_router", "api"), namespace="api")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    path("", include("irm_reports.urls")),
    path("", include("commitments.urls")),
]

handler400 = "ogp_portal.views.bad_request"
handler404 = "ogp_portal.views.page_not_found"
