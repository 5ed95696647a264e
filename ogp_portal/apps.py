from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OgpPortalConfig(AppConfig):
    name = "ogp_portal"
    verbose_name = _("Accounts and organisations")

    def ready(self):
        from . import checks, signals  # noqa: F401
