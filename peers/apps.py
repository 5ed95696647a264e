from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeersConfig(AppConfig):
    name = "peers"
    verbose_name = _("Peer exchange")

    def ready(self):
        from django.db.models.signals import m2m_changed, post_save

        from accounts.privacy import register
        from commitments.models import Commitment
        from notifications import kinds
        from peers import privacy
        from peers.services import commitment_changed, policy_areas_changed

        register(
            "peers",
            export=privacy.user_export,
            covers=privacy.COVERS,
            keeps=privacy.KEEPS,
        )
        post_save.connect(commitment_changed, sender=Commitment, dispatch_uid="peers-similar-commitments")
        m2m_changed.connect(
            policy_areas_changed, sender=Commitment.policy_areas.through, dispatch_uid="peers-similar-policy-areas"
        )
        kinds.register("peers.exchange", _("Peer exchanges with other members"))
