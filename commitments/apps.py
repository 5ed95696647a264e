from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommitmentsConfig(AppConfig):
    name = "commitments"
    verbose_name = _("Members, action plans and commitments")

    def ready(self):
        from commitments import privacy
        from commitments.models import (
            ActionPlan,
            Commitment,
            Member,
            MemberStatusEvent,
            Milestone,
            PolicyArea,
            ProgressUpdate,
        )
        from ogp_portal.common.cache import register_content_models
        from ogp_portal.models import Organisation
        from ogp_portal.privacy import register

        # Cached pages and API responses (ogp_portal.common.cache) follow every change of these.
        register_content_models(
            Member, MemberStatusEvent, ActionPlan, Commitment, Milestone, ProgressUpdate, PolicyArea, Organisation
        )
        register("commitments", export=privacy.user_export, covers=privacy.COVERS, keeps=privacy.KEEPS)
