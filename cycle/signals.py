"""The cycle follows the plans: a plan saved or deleted queues its member's recomputation after commit."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from commitments.models import ActionPlan
from common.queue import enqueue_on_commit


@receiver(post_save, sender=ActionPlan, dispatch_uid="cycle_plan_saved")
@receiver(post_delete, sender=ActionPlan, dispatch_uid="cycle_plan_deleted")
def plan_changed(sender, instance: ActionPlan, raw: bool = False, **kwargs):
    if not raw:
        enqueue_on_commit("cycle.tasks.member_cycle_refresh_task", instance.member_id)
