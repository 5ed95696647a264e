from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupportConfig(AppConfig):
    name = "support"
    verbose_name = _("Support unit services and partners")

    def ready(self):
        from accounts.privacy import register
        from common import uploads
        from common.cache import register_content_models
        from notifications import kinds
        from support import privacy, rules  # noqa: F401  (rules registers the permissions)
        from support.models import Engagement, Partner, ServiceOffer

        # Partners and their engagements show on the cached pages of members and commitments.
        register_content_models(Partner, Engagement, ServiceOffer)
        register(
            "support",
            export=privacy.user_export,
            erase=privacy.user_erase,
            covers=privacy.COVERS,
            keeps=privacy.KEEPS,
        )
        uploads.register("support.SupportAttachment", owner="uploaded_by")
        kinds.register("support.request", _("Your assistance requests"))
