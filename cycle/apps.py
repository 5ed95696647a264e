from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CycleConfig(AppConfig):
    name = "cycle"
    verbose_name = _("Action-plan cycle and compliance")

    def ready(self):
        from accounts.privacy import register
        from common.awaiting import register_staff
        from common.cache import register_content_models
        from cycle import privacy, signals  # noqa: F401 (signals: connects the recomputation on plan changes)
        from cycle.awaiting import findings_to_decide
        from cycle.models import ChallengeArea, CycleStep, MemberChallenge, SDGTarget
        from notifications import kinds

        # The calendar and the challenge's pages and API reads are cached per content version: staff's
        # corrections in the admin show at once.
        register_content_models(CycleStep, ChallengeArea, SDGTarget, MemberChallenge)
        register("cycle", covers=privacy.COVERS, keeps=privacy.KEEPS)
        register_staff("cycle.findings_to_decide", findings_to_decide)
        kinds.register("cycle.step_reminder", _("Reminders of the action-plan cycle's due dates"))
