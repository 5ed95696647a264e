"""Writes of the commitments app. Every state rule is enforced here, whoever the caller is."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import Organisation, User
from commitments.models import ActionPlan, Commitment, Member, MemberStatusEvent, Milestone, ProgressUpdate
from common.cache import bump_content_version

ACTION_PLAN_FIELDS = ("number", "title", "description", "start_date", "end_date", "document_url")
COMMITMENT_FIELDS = (
    "number",
    "title",
    "problem",
    "status_quo",
    "objective",
    "expected_results",
    "lead_institution",
    "access_to_information",
    "civic_participation",
    "public_accountability",
    "technology_innovation",
    "start_date",
    "end_date",
)
MILESTONE_PLAN_FIELDS = ("order", "description", "expected_output", "due_date")
MILESTONE_STATUS_FIELDS = ("status", "completed_on")


def _assign(instance, data: dict, allowed: tuple) -> None:
    unknown = set(data) - set(allowed)
    if unknown:
        raise ValueError(f"Fields not writable here: {', '.join(sorted(unknown))}")
    for field, value in data.items():
        setattr(instance, field, value)


@transaction.atomic
def member_status_change(
    *,
    member: Member,
    status: str,
    effective_on: date,
    reason: str = "",
    notes: str = "",
    recorded_by: User | None = None,
) -> MemberStatusEvent:
    """Record a dated status change; the member's current status is the latest event's."""
    event = MemberStatusEvent(
        member=member, status=status, effective_on=effective_on, reason=reason, notes=notes, recorded_by=recorded_by
    )
    event.full_clean()
    event.save()
    member_status_refresh(member=member)
    return event


def member_status_refresh(*, member: Member) -> str:
    """Set the member's current status from its latest status event."""
    latest = member.status_events.order_by("-effective_on", "-id").first()
    member.status = latest.status if latest else Member.Status.ACTIVE
    Member.objects.filter(pk=member.pk).update(status=member.status)
    bump_content_version()
    return member.status


@transaction.atomic
def action_plan_create(*, member: Member, **data) -> ActionPlan:
    """A new plan starts in co-creation."""
    plan = ActionPlan(member=member)
    _assign(plan, data, ACTION_PLAN_FIELDS)
    plan.full_clean()
    plan.save()
    return plan


@transaction.atomic
def action_plan_update(*, plan: ActionPlan, **data) -> ActionPlan:
    plan = ActionPlan.objects.select_for_update().get(pk=plan.pk)
    if not plan.accepts_commitment_changes:
        raise ValidationError(_("This action plan is no longer in co-creation; it cannot be edited."))
    _assign(plan, data, ACTION_PLAN_FIELDS)
    plan.full_clean()
    plan.save()
    return plan


@transaction.atomic
def action_plan_transition(*, plan: ActionPlan, to_status: str) -> ActionPlan:
    """Move a plan along its lifecycle; only the transitions of ActionPlan.TRANSITIONS are possible."""
    plan = ActionPlan.objects.select_for_update().get(pk=plan.pk)
    if to_status not in plan.allowed_transitions():
        raise ValidationError(
            _("An action plan cannot go from “%(from)s” to “%(to)s”.")
            % {"from": plan.get_status_display(), "to": ActionPlan.Status(to_status).label}
        )
    if to_status == ActionPlan.Status.SUBMITTED and not plan.commitments.exists():
        raise ValidationError(_("An action plan needs at least one commitment before it is submitted."))
    plan.status = to_status
    if to_status == ActionPlan.Status.SUBMITTED:
        plan.submitted_on = date.today()
    plan.save(update_fields=["status", "submitted_on", "updated_at"])
    return plan


def _lock_plan(plan_id: int) -> ActionPlan:
    """The plan's current row, locked: a status change cannot slip in while its content is written."""
    return ActionPlan.objects.select_for_update().select_related("member").get(pk=plan_id)


def _require_co_creation(plan: ActionPlan) -> None:
    if not plan.accepts_commitment_changes:
        raise ValidationError(
            _("Commitments can only be written while the action plan is in co-creation (it is now “%(status)s”).")
            % {"status": plan.get_status_display()}
        )


def organisation_for_name(*, member: Member, name: str, kind: str) -> Organisation:
    """The member's organisation of that name (any case), created when it is new."""
    name = " ".join(name.split())
    organisation = Organisation.objects.filter(member=member, name__iexact=name).first()
    if organisation is None:
        organisation = Organisation(member=member, name=name, kind=kind, country=member.country)
        organisation.full_clean()
        organisation.save()
    return organisation


def _lead_institution(member: Member, name: str) -> Organisation | None:
    return organisation_for_name(member=member, name=name, kind=Organisation.Kind.GOVERNMENT) if name else None


def _supporting(member: Member, supporting_names: dict) -> list[Organisation]:
    return [
        organisation_for_name(member=member, name=name, kind=kind)
        for kind, names in supporting_names.items()
        for name in names
        if name.strip()
    ]


@transaction.atomic
def commitment_create(
    *,
    action_plan: ActionPlan,
    policy_areas=(),
    lead_institution_name: str | None = None,
    supporting_names: dict | None = None,
    **data,
) -> Commitment:
    """Add a commitment to a plan in co-creation; actors named in free text are found or created."""
    action_plan = _lock_plan(action_plan.pk)
    _require_co_creation(action_plan)
    commitment = Commitment(action_plan=action_plan)
    _assign(commitment, data, COMMITMENT_FIELDS)
    if lead_institution_name is not None:
        commitment.lead_institution = _lead_institution(action_plan.member, lead_institution_name)
    commitment.full_clean()
    commitment.save()
    commitment.policy_areas.set(policy_areas)
    if supporting_names is not None:
        commitment.supporting_organisations.set(_supporting(action_plan.member, supporting_names))
    return commitment


@transaction.atomic
def commitment_update(
    *,
    commitment: Commitment,
    policy_areas=None,
    lead_institution_name: str | None = None,
    supporting_names: dict | None = None,
    **data,
) -> Commitment:
    commitment.action_plan = _lock_plan(commitment.action_plan_id)
    member = commitment.action_plan.member
    _require_co_creation(commitment.action_plan)
    _assign(commitment, data, COMMITMENT_FIELDS)
    if lead_institution_name is not None:
        commitment.lead_institution = _lead_institution(member, lead_institution_name)
    commitment.full_clean()
    commitment.save()
    if policy_areas is not None:
        commitment.policy_areas.set(policy_areas)
    if supporting_names is not None:
        commitment.supporting_organisations.set(_supporting(member, supporting_names))
    return commitment


@transaction.atomic
def milestone_create(*, commitment: Commitment, **data) -> Milestone:
    commitment.action_plan = _lock_plan(commitment.action_plan_id)
    _require_co_creation(commitment.action_plan)
    milestone = Milestone(commitment=commitment)
    _assign(milestone, data, MILESTONE_PLAN_FIELDS)
    milestone.full_clean()
    milestone.save()
    return milestone


@transaction.atomic
def milestone_update(*, milestone: Milestone, **data) -> Milestone:
    """In co-creation a milestone is rewritten freely; during implementation only its status moves."""
    plan = milestone.commitment.action_plan = _lock_plan(milestone.commitment.action_plan_id)
    planned = {f: v for f, v in data.items() if f in MILESTONE_PLAN_FIELDS and getattr(milestone, f) != v}
    if planned:
        _require_co_creation(plan)
    if not (plan.accepts_commitment_changes or plan.accepts_progress):
        raise ValidationError(_("This action plan is closed; its milestones can no longer change."))
    _assign(milestone, data, MILESTONE_PLAN_FIELDS + MILESTONE_STATUS_FIELDS)
    if milestone.status != Milestone.Status.COMPLETED:
        milestone.completed_on = None
    elif milestone.completed_on is None:
        milestone.completed_on = date.today()
    milestone.full_clean()
    milestone.save()
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
    return update


def commitment_completion_refresh(*, commitment: Commitment) -> str:
    """Set the commitment's completion from its most recent progress update."""
    latest = commitment.progress_updates.order_by("-reported_on", "-id").first()
    commitment.completion = latest.completion if latest else ""
    Commitment.objects.filter(pk=commitment.pk).update(completion=commitment.completion)
    bump_content_version()
    return commitment.completion
