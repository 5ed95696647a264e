from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommitmentsConfig(AppConfig):
    name = "commitments"
    verbose_name = _("Members, action plans and commitments")

    def ready(self):
        from accounts.models import Organisation
        from accounts.privacy import register
        from commitments import privacy
        from commitments.models import (
            ActionPlan,
            Commitment,
            CommitmentTranslation,
            Member,
            MemberStatusEvent,
            Milestone,
            MilestoneTranslation,
            PolicyArea,
            ProgressUpdate,
        )
        from common.cache import register_content_models

        # Cached pages and API responses (common.cache) follow every change of these.
        register_content_models(
            Member, MemberStatusEvent, ActionPlan, Commitment, Milestone, ProgressUpdate, PolicyArea, Organisation
        )
        register_content_models(CommitmentTranslation, MilestoneTranslation)
        # The stored key figures of the home page follow the writes that change them.
        from django.db.models.signals import post_delete, post_save

        from commitments.services.figures import headline_figures_changed

        for model in (Member, ActionPlan, Commitment, Milestone):
            name = model._meta.label
            post_save.connect(headline_figures_changed, sender=model, dispatch_uid=f"figures-save-{name}")
            post_delete.connect(headline_figures_changed, sender=model, dispatch_uid=f"figures-delete-{name}")
        register(
            "commitments",
            export=privacy.user_export,
            erase=privacy.user_erase,
            covers=privacy.COVERS,
            keeps=privacy.KEEPS,
        )
        from notifications import kinds

        kinds.register("commitments.followed_commitment", _("News of a commitment you follow"))
