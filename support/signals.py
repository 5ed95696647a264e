from django.db.models.signals import post_migrate


def grant_support_unit_permissions(sender, app_config, using, **kwargs):
    """The support unit group holds every permission of this app too (as accounts.signals does for the others)."""
    if app_config.label != "support":
        return
    from django.contrib.auth.models import Group, Permission

    from accounts.services import SUPPORT_UNIT_GROUP

    group, _created = Group.objects.using(using).get_or_create(name=SUPPORT_UNIT_GROUP)
    group.permissions.add(*Permission.objects.using(using).filter(content_type__app_label="support"))


def connect() -> None:
    post_migrate.connect(grant_support_unit_permissions, dispatch_uid="support-grant-support-unit")
