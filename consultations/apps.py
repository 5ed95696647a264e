from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    name = "consultations"
    verbose_name = _("Consultations and co-creation")

    def ready(self):
        from accounts.privacy import register
        from common import awaiting as common_awaiting
        from consultations import awaiting, privacy

        register(
            "consultations",
            export=privacy.user_export,
            erase=privacy.user_erase,
            organisations=privacy.user_organisations,
            covers=privacy.COVERS,
            keeps=privacy.KEEPS,
        )
        common_awaiting.register("consultations.proposals_to_answer", awaiting.proposals_to_answer)
        common_awaiting.register_staff("consultations.flags_to_review", awaiting.flags_to_review)
