"""Action plans, their commitments and milestones, and progress: written in co-creation, then implemented."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import Organisation
from commitments.models import ActionPlan, Commitment, Member
from commitments.services.members import organisation_for_name
from commitments.services.translations import plan_translations_outdated
from commitments.submission import plan_submitted
from common.content_translations import texts_before, texts_written
from common.db import UNCHANGED, set_fields
from common.models import page_language


@transaction.atomic
def action_plan_create(
    *,
    member: Member,
    number: int,
    title: str,
    start_date: date,
    end_date: date,
    description: str = "",
    document_url: str = "",
    language: str = "",
) -> ActionPlan:
    """A new plan starts in co-creation; its texts are in `language` (the page's when not given)."""
    plan = ActionPlan(member=member)
    set_fields(
        plan,
        number=number,
        title=title,
        description=description,
        start_date=start_date,
        end_date=end_date,
        document_url=document_url,
        language=language or page_language(),
    )
    plan.full_clean()
    plan.save()
    return plan


@transaction.atomic
def action_plan_update(
    *,
    plan: ActionPlan,
    number: int = UNCHANGED,
    title: str = UNCHANGED,
    description: str = UNCHANGED,
    start_date: date = UNCHANGED,
    end_date: date = UNCHANGED,
    document_url: str = UNCHANGED,
    language: str = UNCHANGED,
) -> ActionPlan:
    plan = ActionPlan.objects.select_for_update().get(pk=plan.pk)
    if not plan.accepts_commitment_changes:
        raise ValidationError(_("This action plan is no longer in co-creation; it cannot be edited."))
    language_before = plan.language
    set_fields(
        plan,
        number=number,
        title=title,
        description=description,
        start_date=start_date,
        end_date=end_date,
        document_url=document_url,
        language=language,
    )
    plan.full_clean()
    plan.save()
    if plan.language != language_before:
        plan_translations_outdated(plan)
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
    if to_status == ActionPlan.Status.SUBMITTED:
        plan_submitted(plan)  # e.g. the final version of the draft becomes the commitments' text
    return plan


def _lock_plan(plan_id: int) -> ActionPlan:
    """The plan's current row, locked: a status change cannot slip in while its content is written."""
    return ActionPlan.objects.select_for_update(of=("self",)).select_related("member").get(pk=plan_id)


def _require_co_creation(plan: ActionPlan) -> None:
    if not plan.accepts_commitment_changes:
        raise ValidationError(
            _("Commitments can only be written while the action plan is in co-creation (it is now “%(status)s”).")
            % {"status": plan.get_status_display()}
        )


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
    number: str,
    title: str,
    problem: str = "",
    status_quo: str = "",
    objective: str = "",
    expected_results: str = "",
    access_to_information: bool = False,
    civic_participation: bool = False,
    public_accountability: bool = False,
    technology_innovation: bool = False,
    start_date: date | None = None,
    end_date: date | None = None,
    policy_areas=(),
    lead_institution_name: str | None = None,
    supporting_names: dict | None = None,
) -> Commitment:
    """Add a commitment to a plan in co-creation; actors named in free text are found or created."""
    return commitment_update(
        commitment=Commitment(action_plan=action_plan),
        number=number,
        title=title,
        problem=problem,
        status_quo=status_quo,
        objective=objective,
        expected_results=expected_results,
        access_to_information=access_to_information,
        civic_participation=civic_participation,
        public_accountability=public_accountability,
        technology_innovation=technology_innovation,
        start_date=start_date,
        end_date=end_date,
        policy_areas=policy_areas,
        lead_institution_name=lead_institution_name,
        supporting_names=supporting_names,
    )


@transaction.atomic
def commitment_update(
    *,
    commitment: Commitment,
    number: str = UNCHANGED,
    title: str = UNCHANGED,
    problem: str = UNCHANGED,
    status_quo: str = UNCHANGED,
    objective: str = UNCHANGED,
    expected_results: str = UNCHANGED,
    access_to_information: bool = UNCHANGED,
    civic_participation: bool = UNCHANGED,
    public_accountability: bool = UNCHANGED,
    technology_innovation: bool = UNCHANGED,
    start_date: date | None = UNCHANGED,
    end_date: date | None = UNCHANGED,
    budget: Decimal | None = UNCHANGED,
    budget_currency: str = UNCHANGED,
    funding_source: str = UNCHANGED,
    funding_gap: Decimal | None = UNCHANGED,
    policy_areas=None,
    lead_institution_name: str | None = None,
    supporting_names: dict | None = None,
) -> Commitment:
    """Rewrite a commitment (a new one too) while its plan is in co-creation; None leaves actors and areas as
    they are."""
    commitment.action_plan = _lock_plan(commitment.action_plan_id)
    _require_co_creation(commitment.action_plan)
    before = texts_before(commitment)
    set_fields(
        commitment,
        number=number,
        title=title,
        problem=problem,
        status_quo=status_quo,
        objective=objective,
        expected_results=expected_results,
        access_to_information=access_to_information,
        civic_participation=civic_participation,
        public_accountability=public_accountability,
        technology_innovation=technology_innovation,
        start_date=start_date,
        end_date=end_date,
        budget=budget,
        budget_currency=budget_currency.upper() if isinstance(budget_currency, str) else budget_currency,
        funding_source=funding_source,
        funding_gap=funding_gap,
    )
    member = commitment.action_plan.member
    if lead_institution_name is not None:
        commitment.lead_institution = _lead_institution(member, lead_institution_name)
    commitment.full_clean()
    commitment.save()
    texts_written(commitment, before=before)
    if policy_areas is not None:
        commitment.policy_areas.set(policy_areas)
    if supporting_names is not None:
        commitment.supporting_organisations.set(_supporting(member, supporting_names))
    return commitment
