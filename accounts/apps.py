from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts and organisations")

    def ready(self):
        from accounts.awaiting import memberships_to_confirm
        from common.awaiting import register_staff

        from . import signals  # noqa: F401

        register_staff("accounts.memberships_to_confirm", memberships_to_confirm)
