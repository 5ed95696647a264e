from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GrantsConfig(AppConfig):
    name = "grants"
    verbose_name = _("Micro-grants and Trust Fund calls")

    def ready(self):
        from accounts.privacy import register
        from common import uploads
        from grants import privacy, rules  # noqa: F401  (rules registers the permissions)
        from notifications import kinds

        register(
            "grants",
            export=privacy.user_export,
            erase=privacy.user_erase,
            covers=privacy.COVERS,
            keeps=privacy.KEEPS,
        )
        uploads.register("grants.ApplicationAttachment", owner="uploaded_by")
        kinds.register("grants.application", _("Your grant applications"))
