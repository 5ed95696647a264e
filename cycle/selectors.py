"""What the cycle's pages show, each read in a fixed number of queries."""

from datetime import date

from django.db.models import Count, Q, QuerySet

from commitments.models import Commitment, Completion, Member, Milestone
from cycle.models import ChallengeArea, ComplianceFinding, CycleStep


def steps_between(*, start: date, end: date) -> QuerySet:
    """The partnership's steps due in a period, in date order, with member and plan."""
    return CycleStep.objects.between(start, end).order_by("due_on", "member__name", "plan_number", "kind")


def member_steps(*, member: Member) -> QuerySet:
    return (
        CycleStep.objects.filter(member=member)
        .select_related("member", "action_plan")
        .order_by("due_on", "plan_number", "kind")
    )


def member_upcoming_steps(*, member: Member, today: date, limit: int = 5) -> list[CycleStep]:
    return list(
        CycleStep.objects.filter(member=member, due_on__gte=today).order_by("due_on", "plan_number", "kind")[:limit]
    )


def findings(*, state: str = "open") -> QuerySet:
    """Compliance findings for the support unit: open ones awaiting a decision first, or decided, or resolved."""
    rows = ComplianceFinding.objects.select_related("member", "action_plan", "decided_by")
    if state == "decided":
        return rows.exclude(decision="").order_by("-decided_on", "-pk")
    if state == "resolved":
        return rows.filter(resolved_on__isnull=False).order_by("-resolved_on", "-pk")
    return rows.filter(resolved_on__isnull=True, decision="").order_by("kind", "member__name", "pk")


def finding_counts() -> dict:
    """Open findings awaiting a decision, by kind."""
    rows = ComplianceFinding.objects.filter(resolved_on__isnull=True, decision="")
    return {row["kind"]: row["n"] for row in rows.values("kind").annotate(n=Count("pk")).order_by()}


# Challenge areas ------------------------------------------------------------------------------------
HIGH_COMPLETION = (Completion.SUBSTANTIAL, Completion.COMPLETE)


def challenge_areas() -> QuerySet:
    """The areas with how many members took each up and how many commitments are tagged (one query)."""
    return ChallengeArea.objects.annotate(
        member_count=Count("declarations", distinct=True), commitment_count=Count("commitments", distinct=True)
    ).order_by("order", "name")


def challenge_area_members(*, area: ChallengeArea) -> list[dict]:
    """Members that took up the area or have commitments tagged with it, each with the collective progress
    of those commitments: self-reported completion and milestones (three queries at any size)."""
    commitments = (
        Commitment.objects.filter(challenge_areas=area)
        .values("action_plan__member")
        .annotate(
            commitments=Count("pk", distinct=True),
            high_completion=Count("pk", filter=Q(completion__in=HIGH_COMPLETION), distinct=True),
        )
        .order_by()
    )
    milestones = (
        Milestone.objects.filter(commitment__challenge_areas=area)
        .values("commitment__action_plan__member")
        .annotate(total=Count("pk"), completed=Count("pk", filter=Q(status=Milestone.Status.COMPLETED)))
        .order_by()
    )
    by_member = {row["action_plan__member"]: dict(row) for row in commitments}
    for row in milestones:
        by_member.setdefault(row["commitment__action_plan__member"], {}).update(
            milestones=row["total"], milestones_completed=row["completed"]
        )
    declared = {d.member_id: d for d in area.declarations.all()}
    members = Member.objects.filter(pk__in=set(by_member) | set(declared)).order_by("name")
    return [
        {
            "member": member,
            "declaration": declared.get(member.pk),
            "commitments": by_member.get(member.pk, {}).get("commitments", 0),
            "high_completion": by_member.get(member.pk, {}).get("high_completion", 0),
            "milestones": by_member.get(member.pk, {}).get("milestones", 0),
            "milestones_completed": by_member.get(member.pk, {}).get("milestones_completed", 0),
        }
        for member in members
    ]


def challenge_area_commitments(*, area: ChallengeArea, limit: int = 100) -> list[Commitment]:
    return list(
        area.commitments.select_related("action_plan__member")
        .with_milestone_progress()
        .order_by("action_plan__member__name", "action_plan__number", "sort_key")[:limit]
    )
