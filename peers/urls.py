from django.urls import path

from peers import views

app_name = "peers"

urlpatterns = [
    path("exchanges/", views.ExchangeListView.as_view(), name="exchange-list"),
    path("exchanges/<int:pk>/", views.ExchangeDetailView.as_view(), name="exchange-detail"),
    path("commitments/<int:pk>/exchange/", views.ExchangeRequestCreateView.as_view(), name="exchange-create"),
]
