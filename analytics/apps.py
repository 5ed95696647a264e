from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnalyticsConfig(AppConfig):
    name = "analytics"
    verbose_name = _("Partnership analytics")

    def ready(self):
        from django.db.backends.signals import connection_created

        from analytics.selectors import remember_jit

        connection_created.connect(remember_jit, dispatch_uid="analytics-jit-of-a-new-connection")
