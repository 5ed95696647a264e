from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeersConfig(AppConfig):
    name = "peers"
    verbose_name = _("Peer exchange")

    def ready(self):
        from django.db.models.signals import post_migrate, post_save

        from accounts.privacy import register
        from commitments.models import Commitment
        from peers import privacy
        from peers.services import commitment_changed

        register(
            "peers",
            export=privacy.user_export,
            covers=privacy.COVERS,
            keeps=privacy.KEEPS,
        )
        post_save.connect(commitment_changed, sender=Commitment, dispatch_uid="peers-similar-commitments")
        post_migrate.connect(_grant_support_unit, sender=self, dispatch_uid="peers-support-unit")


def _grant_support_unit(sender, app_config, using, **kwargs):
    """The support unit group holds this app's permissions too (as accounts.signals does for the lower apps)."""
    from django.contrib.auth.models import Group, Permission

    from accounts.services import SUPPORT_UNIT_GROUP

    group, _created = Group.objects.using(using).get_or_create(name=SUPPORT_UNIT_GROUP)
    group.permissions.add(*Permission.objects.using(using).filter(content_type__app_label=app_config.label))
