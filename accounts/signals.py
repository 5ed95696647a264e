from django.db.models.signals import post_migrate
from django.dispatch import receiver

SUPPORT_UNIT_APPS = (
    "accounts",
    "common",
    "notifications",
    "commitments",
    "consultations",
    "irm_reports",
    "account",
    "sites",
    "axes",
)


@receiver(post_migrate)
def grant_support_unit_permissions(sender, app_config, using, **kwargs):
    """The support unit group holds every permission of the portal's apps (kept up to date)."""
    if app_config.label not in SUPPORT_UNIT_APPS:
        return
    from django.contrib.auth.models import Group, Permission

    from accounts.services import SUPPORT_UNIT_GROUP

    group, _created = Group.objects.using(using).get_or_create(name=SUPPORT_UNIT_GROUP)
    # auth's own post_migrate receiver, connected earlier, has just created this app's permissions.
    perms = Permission.objects.using(using).filter(content_type__app_label=app_config.label)
    group.permissions.add(*perms)


@receiver(post_migrate)
def keep_the_site_row_in_step(sender, app_config, using, **kwargs):
    """The Site row (read by allauth and by the admin's "view on site") says what SITE_URL and SITE_NAME say.

    django.contrib.sites creates it as example.com; every migrate writes the settings' values over it.
    """
    if app_config.label != "sites":
        return
    from django.conf import settings
    from django.contrib.sites.models import Site

    from common.site import current_site

    site = current_site()
    Site.objects.using(using).update_or_create(
        pk=settings.SITE_ID, defaults={"domain": site.domain[:100], "name": site.name[:50]}
    )
