from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# The kind of notification the IRM reports send (notifications.kinds).
REPORT_RENDERED = "irm_reports.report_rendered"


class IrmReportsConfig(AppConfig):
    name = "irm_reports"
    verbose_name = _("IRM assessments and reports")

    def ready(self):
        from accounts.privacy import register
        from common.cache import register_content_models
        from irm_reports import privacy
        from irm_reports.models import CommitmentAssessment, PublishedVersion
        from notifications import kinds

        # A commitment's latest assessment shows in cached commitment pages and API responses.
        register_content_models(CommitmentAssessment, PublishedVersion)
        register(
            "irm_reports",
            export=privacy.user_export,
            erase=privacy.user_erase,
            covers=privacy.COVERS,
            keeps=privacy.KEEPS,
        )
        kinds.register(REPORT_RENDERED, _("Your IRM report rendered, or failed to"))
