"""Consultations: opened on an action plan by its point of contact, closed by their dates or early."""

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from commitments.models import ActionPlan
from common.content_translations import source_of, texts_written
from common.db import UNCHANGED, set_fields
from common.models import page_language
from consultations.models import Consultation, Proposal
from consultations.services._common import lock_consultation

CLOSED_PLAN_STATUSES = (ActionPlan.Status.COMPLETED, ActionPlan.Status.WITHDRAWN)


@transaction.atomic
def consultation_create(
    *,
    action_plan: ActionPlan,
    title: str,
    description: str,
    opens_at: datetime,
    closes_at: datetime,
    kind: str = Consultation.Kind.PROPOSALS,
    response_due_on: date | None = None,
    max_proposals_per_participant: int | None = None,
    policy_areas=(),
    created_by: User | None = None,
    language: str = "",
) -> Consultation:
    """Open a consultation on a plan that is still running; it must close in the future."""
    plan = ActionPlan.objects.select_for_update().get(pk=action_plan.pk)
    if plan.status in CLOSED_PLAN_STATUSES:
        raise ValidationError(
            _("The action plan is “%(status)s”: it cannot be consulted on any more.")
            % {"status": plan.get_status_display()}
        )
    consultation = Consultation(action_plan=plan, created_by=created_by)
    set_fields(
        consultation,
        title=title,
        description=description,
        kind=kind,
        opens_at=opens_at,
        closes_at=closes_at,
        response_due_on=response_due_on,
        max_proposals_per_participant=max_proposals_per_participant,
        language=language or page_language(),
    )
    if consultation.closes_at and consultation.closes_at <= timezone.now():
        raise ValidationError({"closes_at": _("The closing date must be in the future.")})
    if consultation.closes_at and not consultation.response_due_on:
        consultation.response_due_on = Consultation.default_response_due_on(consultation.closes_at)
    consultation.full_clean()
    consultation.save()
    consultation.policy_areas.set(policy_areas)
    texts_written(consultation, before=None)
    return consultation


@transaction.atomic
def consultation_update(
    *,
    consultation: Consultation,
    title: str = UNCHANGED,
    description: str = UNCHANGED,
    kind: str = UNCHANGED,
    opens_at: datetime = UNCHANGED,
    closes_at: datetime = UNCHANGED,
    response_due_on: date | None = UNCHANGED,
    max_proposals_per_participant: int | None = UNCHANGED,
    policy_areas=None,
    language: str = UNCHANGED,
) -> Consultation:
    """Edit a consultation; dates already passed stay as they are, and a cancelled one is frozen."""
    current = lock_consultation(consultation.pk)
    if current.status == Consultation.Status.CANCELLED:
        raise ValidationError(_("This consultation was cancelled; it can no longer be edited."))
    _check_dates(current, opens_at=opens_at, closes_at=closes_at)
    before = source_of(current)
    set_fields(
        current,
        title=title,
        description=description,
        kind=kind,
        opens_at=opens_at,
        closes_at=closes_at,
        response_due_on=response_due_on,
        max_proposals_per_participant=max_proposals_per_participant,
        language=language,
    )
    if not current.response_due_on:
        current.response_due_on = Consultation.default_response_due_on(current.closes_at)
    current.full_clean()
    current.save()
    if policy_areas is not None:
        current.policy_areas.set(policy_areas)
    texts_written(current, before=before)
    return current


def _check_dates(current: Consultation, *, opens_at, closes_at) -> None:
    """An opening date already passed, and the closing date of a consultation closed early, stay."""
    now = timezone.now()
    errors = {}
    if opens_at is not UNCHANGED and opens_at != current.opens_at and current.opens_at <= now:
        errors["opens_at"] = _("The consultation has opened: its opening date cannot change.")
    if closes_at is not UNCHANGED and closes_at != current.closes_at:
        if current.status == Consultation.Status.CLOSED_EARLY:
            errors["closes_at"] = _("The consultation was closed early: its closing date cannot change.")
        elif closes_at <= now:
            errors["closes_at"] = _("The closing date must be in the future. To close it now, use “Close early”.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def consultation_end(*, consultation: Consultation, reason: str, cancel: bool = False) -> Consultation:
    """Close an open consultation early, or cancel one that is open or not open yet; a reason is required."""
    current = lock_consultation(consultation.pk)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason; it is shown on the consultation's page.")})
    if not current.can_end_early:
        raise ValidationError(
            _("This consultation is already %(state)s.") % {"state": current.get_state_display().lower()}
        )
    if not cancel and current.state == Consultation.State.UPCOMING:
        raise ValidationError(_("This consultation has not opened yet: cancel it instead of closing it."))
    current.status = Consultation.Status.CANCELLED if cancel else Consultation.Status.CLOSED_EARLY
    current.status_reason = reason
    current.status_changed_at = timezone.now()
    current.full_clean()
    current.save(update_fields=["status", "status_reason", "status_changed_at", "updated_at"])
    return current


def consultation_counters_refresh(*, consultations=None) -> int:
    """Count again the proposals to answer and answered of the consultations (all by default), for rows written
    around Proposal.save (bulk loads such as the benchmark's COPY); returns how many consultations were set."""

    def counted(statuses):
        rows = Proposal.objects.filter(consultation=OuterRef("pk"), status__in=statuses, is_hidden=False)
        return Coalesce(Subquery(rows.order_by().values("consultation").annotate(n=Count("pk")).values("n")), 0)

    queryset = Consultation.objects.all() if consultations is None else consultations
    return queryset.update(proposal_count=counted(Proposal.TO_ANSWER), answered_count=counted(Proposal.ANSWERED))
