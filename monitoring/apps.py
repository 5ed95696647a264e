from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "monitoring"
    verbose_name = _("Civil society monitoring")

    def ready(self):
        from accounts.privacy import register
        from common import awaiting as common_awaiting
        from common import uploads
        from common.cache import register_content_models, register_unversioned_columns
        from monitoring import awaiting, privacy, rules  # noqa: F401  (rules registers the permissions)
        from monitoring.models import CommitmentMonitoring, MonitoringReport, ReportAnswer
        from notifications import kinds

        register(
            "monitoring",
            export=privacy.user_export,
            erase=privacy.user_erase,
            covers=privacy.COVERS,
            keeps=privacy.KEEPS,
        )
        register_content_models(MonitoringReport, ReportAnswer, CommitmentMonitoring)
        register_unversioned_columns(MonitoringReport, "reminder_step")  # moved by the reminders' UPDATE
        uploads.register("monitoring.ReportEvidence", owner="report__author")
        common_awaiting.register("monitoring.reports_to_answer", awaiting.reports_to_answer)
        kinds.register("monitoring.report_submitted", _("A monitoring report on your member's commitments"))
        kinds.register("monitoring.answer_published", _("An answer to your monitoring report"))
        kinds.register("monitoring.answer_reminder", _("Monitoring reports awaiting your answer"))
