"""The cycle follows the plans: a plan saved or deleted queues its member's recomputation after commit.

Also gives the support unit's group this app's permissions after each migrate (as accounts does for the
apps it knows).
"""

from django.db.models.signals import post_delete, post_migrate, post_save
from django.dispatch import receiver

from commitments.models import ActionPlan
from common.queue import enqueue_on_commit


@receiver(post_save, sender=ActionPlan, dispatch_uid="cycle_plan_saved")
@receiver(post_delete, sender=ActionPlan, dispatch_uid="cycle_plan_deleted")
def plan_changed(sender, instance: ActionPlan, raw: bool = False, **kwargs):
    if not raw:
        enqueue_on_commit("cycle.tasks.member_cycle_refresh_task", instance.member_id)


@receiver(post_migrate, dispatch_uid="cycle_support_unit_permissions")
def grant_support_unit_permissions(sender, app_config, using, **kwargs):
    if app_config.label != "cycle":
        return
    from django.contrib.auth.models import Group, Permission

    from accounts.services import SUPPORT_UNIT_GROUP

    group, _created = Group.objects.using(using).get_or_create(name=SUPPORT_UNIT_GROUP)
    group.permissions.add(*Permission.objects.using(using).filter(content_type__app_label="cycle"))
