"""Compliance: the daily check that finds each instance of a cycle rule not met, and staff's decisions."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, F, Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from commitments.models import ActionPlan, Member, StandardRequirement
from commitments.services.members import member_status_change
from common.cache import bump_content_version
from consultations.checklist import NOT_MET, plan_checklist
from consultations.models import Consultation, Forum, ForumSeat, Sector
from cycle.models import ComplianceFinding, CycleStep
from cycle.schedule import PLAN_DUE, contrary_to_process_on

Kind = ComplianceFinding.Kind
FORUM_MONTHS_DAYS = 183
FIRST_PLAN_YEARS = 3  # "meets at least every six months" (minimum requirement 1.1)
CHECKED_PLAN_STATUSES = (ActionPlan.Status.SUBMITTED, ActionPlan.Status.IMPLEMENTATION)
CO_CREATION_PHASES = (StandardRequirement.Phase.CO_CREATION, StandardRequirement.Phase.BOTH)
NOT_FOLLOWED = (Member.Status.WITHDRAWN, Member.Status.SUSPENDED)


def _late_plans(today: date):
    steps = (
        CycleStep.objects.filter(kind=PLAN_DUE, done=False, due_on__lt=today)
        .exclude(member__status__in=NOT_FOLLOWED)
        # A member without any plan recorded is followed for its first plan in the years after it joined only:
        # an older member without plans here lacks its history in the portal, not (as far as we know) a plan.
        .exclude(plan_number=1, action_plan__isnull=True, member__joined_year__lt=today.year - FIRST_PLAN_YEARS)
        .select_related("member")
    )
    for step in steps:
        contrary_on = contrary_to_process_on(step.due_on)
        facts = {
            "plan_number": step.plan_number,
            "due_on": step.due_on.isoformat(),
            "rule": "" if step.corrected else step.rule,
            "checked_on": today.isoformat(),
            "days_late": (today - step.due_on).days,
            "contrary_to_process": today >= contrary_on,
            "contrary_on": contrary_on.isoformat(),
        }
        yield step.member_id, step.action_plan_id, Kind.LATE_PLAN, f"due:{step.member_id}:{step.plan_number}", facts


def _min_requirements(today: date):
    plans = ActionPlan.objects.filter(status__in=CHECKED_PLAN_STATUSES).select_related("member").order_by("pk")
    for plan in plans:
        not_met = [
            {"code": item.requirement.code, "explanation": item.explanation}
            for item in plan_checklist(plan)
            if item.status == NOT_MET and item.requirement.phase in CO_CREATION_PHASES
        ]
        if not_met:
            facts = {"plan": plan.title, "submitted_on": plan.submitted_on and plan.submitted_on.isoformat()}
            yield plan.member_id, plan.pk, Kind.MIN_REQUIREMENTS, f"plan:{plan.pk}", {**facts, "not_met": not_met}


def _forums(today: date):
    forums = (
        Forum.objects.exclude(member__status__in=NOT_FOLLOWED)
        .annotate(last_meeting=Max("meetings__held_on", filter=Q(meetings__held_on__lte=today)))
        .order_by("pk")
    )
    seats = {
        row["forum"]: row
        for row in ForumSeat.objects.current(today)
        .values("forum")
        .annotate(
            government=Count("pk", filter=Q(sector=Sector.GOVERNMENT)),
            others=Count("pk", filter=~Q(sector=Sector.GOVERNMENT)),
        )
    }
    for forum in forums:
        started = forum.last_meeting or forum.established_on or forum.created_at.date()
        if started < today - timedelta(days=FORUM_MONTHS_DAYS):
            last = forum.last_meeting and forum.last_meeting.isoformat()
            facts = {"forum": forum.name, "last_meeting": last}
            yield forum.member_id, None, Kind.FORUM_INACTIVE, f"forum:{forum.pk}", facts
        counts = seats.get(forum.pk, {"government": 0, "others": 0})
        if counts["government"] and counts["others"] < counts["government"]:
            facts = {"forum": forum.name, "government": counts["government"], "others": counts["others"]}
            yield forum.member_id, None, Kind.FORUM_PARITY, f"forum:{forum.pk}", facts


def _unanswered(today: date):
    consultations = (
        Consultation.objects.exclude(status=Consultation.Status.CANCELLED)
        .filter(response_due_on__lt=today, proposal_count__gt=F("answered_count"))
        .select_related("action_plan")
        .order_by("pk")
    )
    for consultation in consultations:
        facts = {
            "title": consultation.title,
            "due_on": consultation.response_due_on.isoformat(),
            "total": consultation.proposal_count,
            "unanswered": consultation.proposal_count - consultation.answered_count,
        }
        plan = consultation.action_plan
        yield plan.member_id, plan.pk, Kind.UNANSWERED, f"consultation:{consultation.pk}", facts


CHECKS = (_late_plans, _min_requirements, _forums, _unanswered)


@transaction.atomic
def compliance_check(*, today: date | None = None) -> dict:
    """Find every instance of a rule not met today; record the new ones, refresh the evidence of those
    found again and resolve those no longer found. Returns the counts {"found", "new", "resolved"}."""
    today = today or timezone.localdate()
    open_findings = {
        (f.kind, f.subject): f for f in ComplianceFinding.objects.select_for_update().filter(resolved_on__isnull=True)
    }
    found = {}
    for check in CHECKS:
        for member_id, plan_id, kind, subject, facts in check(today):
            found[(kind, subject)] = (member_id, plan_id, facts)
    new = 0
    for key, (member_id, plan_id, facts) in found.items():
        finding = open_findings.get(key)
        if finding is None:
            ComplianceFinding.objects.create(
                member_id=member_id, action_plan_id=plan_id, kind=key[0], subject=key[1], evidence=facts, found_on=today
            )
            new += 1
        elif finding.evidence != facts:
            finding.evidence = facts
            finding.save(update_fields=["evidence", "updated_at"])
    resolved = [f.pk for key, f in open_findings.items() if key not in found]
    ComplianceFinding.objects.filter(pk__in=resolved).update(resolved_on=today)
    if new or resolved:
        bump_content_version()
    return {"found": len(found), "new": new, "resolved": len(resolved)}


@transaction.atomic
def finding_decide(
    *, finding: ComplianceFinding, decision: str, reason: str, decided_by: User, today: date | None = None
) -> ComplianceFinding:
    """Staff's decision on a finding, with its reason; placing the member under procedural review records
    the member's status event (shown on the member's page)."""
    today = today or timezone.localdate()
    finding = ComplianceFinding.objects.select_for_update(of=("self",)).select_related("member").get(pk=finding.pk)
    if finding.decision:
        raise ValidationError(_("This finding has already been decided."))
    if decision not in (ComplianceFinding.Decision.PROCEDURAL_REVIEW, ComplianceFinding.Decision.NO_ACTION):
        raise ValidationError({"decision": _("Choose a decision.")})
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for the decision.")})
    if decision == ComplianceFinding.Decision.PROCEDURAL_REVIEW:
        finding.status_event = member_status_change(
            member=finding.member,
            status=Member.Status.UNDER_REVIEW,
            effective_on=today,
            reason=ComplianceFinding.REASONS[finding.kind],
            notes=reason.strip(),
            recorded_by=decided_by,
        )
    finding.decision, finding.decision_reason = decision, reason.strip()
    finding.decided_by, finding.decided_on = decided_by, today
    finding.save()
    return finding
