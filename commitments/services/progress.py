"""Writes of milestones and progress: rewritten in co-creation, their status and progress during implementation."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import User
from commitments.models import Commitment, Milestone, ProgressUpdate
from commitments.services.follows import commitment_followers_notify
from commitments.services.plans import _lock_plan, _require_co_creation
from common.cache import bump_content_version
from common.content_translations import texts_before, texts_written
from common.db import UNCHANGED, set_fields


@transaction.atomic
def milestone_create(
    *,
    commitment: Commitment,
    description: str,
    order: int = 0,
    expected_output: str = "",
    due_date: date | None = None,
) -> Milestone:
    commitment.action_plan = _lock_plan(commitment.action_plan_id)
    _require_co_creation(commitment.action_plan)
    milestone = Milestone(commitment=commitment)
    set_fields(milestone, order=order, description=description, expected_output=expected_output, due_date=due_date)
    milestone.full_clean()
    milestone.save()
    texts_written(milestone, before=None)
    return milestone


@transaction.atomic
def milestone_update(
    *,
    milestone: Milestone,
    order: int = UNCHANGED,
    description: str = UNCHANGED,
    expected_output: str = UNCHANGED,
    due_date: date | None = UNCHANGED,
    status: str = UNCHANGED,
    completed_on: date | None = UNCHANGED,
) -> Milestone:
    """In co-creation a milestone is rewritten freely; during implementation only its status moves."""
    plan = milestone.commitment.action_plan = _lock_plan(milestone.commitment.action_plan_id)
    planned = {"order": order, "description": description, "expected_output": expected_output, "due_date": due_date}
    if any(value is not UNCHANGED and getattr(milestone, name) != value for name, value in planned.items()):
        _require_co_creation(plan)
    if not (plan.accepts_commitment_changes or plan.accepts_progress):
        raise ValidationError(_("This action plan is closed; its milestones can no longer change."))
    before = texts_before(milestone)
    set_fields(milestone, **planned, status=status, completed_on=completed_on)
    if milestone.status != Milestone.Status.COMPLETED:
        milestone.completed_on = None
    elif milestone.completed_on is None:
        milestone.completed_on = date.today()
    milestone.full_clean()
    milestone.save()
    texts_written(milestone, before=before)
    return milestone


@transaction.atomic
def progress_update_create(
    *,
    commitment: Commitment,
    author: User,
    text: str,
    completion: str,
    evidence_url: str = "",
    reported_on: date | None = None,
) -> ProgressUpdate:
    """Append a progress update; the commitment's completion follows its most recent update."""
    commitment.action_plan = _lock_plan(commitment.action_plan_id)
    if not commitment.action_plan.accepts_progress:
        raise ValidationError(_("Progress is reported while the action plan is being implemented."))
    update = ProgressUpdate(
        commitment=commitment,
        author=author,
        text=text,
        completion=completion,
        evidence_url=evidence_url,
        reported_on=reported_on or date.today(),
    )
    update.full_clean()
    update.save()
    commitment_completion_refresh(commitment=commitment)
    commitment_followers_notify(
        commitment=commitment,
        template="commitments/emails/followed_progress",
        subject=gettext_lazy("Commitment %(number)s: a progress update"),
        context={"update": update},
        link=commitment.get_absolute_url(),
        exclude=[author],
    )
    return update


def commitment_completion_refresh(*, commitment: Commitment) -> str:
    """Set the commitment's completion from its most recent progress update."""
    latest = commitment.progress_updates.order_by("-reported_on", "-id").first()
    commitment.completion = latest.completion if latest else ""
    Commitment.objects.filter(pk=commitment.pk).update(completion=commitment.completion)
    bump_content_version()
    return commitment.completion
