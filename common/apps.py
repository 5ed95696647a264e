from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommonConfig(AppConfig):
    name = "common"
    verbose_name = _("Portal infrastructure")

    def ready(self):
        from . import checks  # noqa: F401
        from .awaiting import emails_failed, register_staff
        from .choices import install_cached_displays

        install_cached_displays()
        register_staff("common.emails_failed", emails_failed)
