from django.urls import include, path

from bench import views

urlpatterns = [
    path("bench/b0/", views.b0),
    path("bench/b1/", views.b1),
    path("bench/b2/", views.b2),
    path("", include("ogp_portal.urls")),
]
