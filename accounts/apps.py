from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# The kinds of notification accounts sends (notifications.kinds).
MEMBERSHIP_REQUEST = "accounts.membership_request"
MEMBERSHIP_DECISION = "accounts.membership_decision"


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts and organisations")

    def ready(self):
        from accounts.awaiting import memberships_to_confirm
        from accounts.privacy import register
        from common.awaiting import register_staff
        from notifications import kinds
        from notifications import privacy as notification_privacy

        from . import signals  # noqa: F401

        register_staff("accounts.memberships_to_confirm", memberships_to_confirm)
        kinds.register(MEMBERSHIP_REQUEST, _("A membership of your organisation to confirm"))
        kinds.register(MEMBERSHIP_DECISION, _("A decision on your organisation membership"))
        # The notification centre sits below accounts: its personal data is registered from here.
        register(
            "notifications",
            export=notification_privacy.user_export,
            erase=notification_privacy.user_erase,
            covers=notification_privacy.COVERS,
        )
