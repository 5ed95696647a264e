from django.urls import path

from notifications import views

urlpatterns = [
    path("notifications/", views.NotificationListView.as_view(), name="notifications"),
    path("notifications/read-all/", views.NotificationsReadAllView.as_view(), name="notifications-read-all"),
    path("notifications/<int:pk>/", views.NotificationOpenView.as_view(), name="notification-open"),
    path("profile/notifications/", views.PreferencesView.as_view(), name="notification-preferences"),
]
