"""What the cycle's pages show, each read in a fixed number of queries."""

from datetime import date

from django.db.models import Count, QuerySet

from commitments.models import Member
from cycle.models import ComplianceFinding, CycleStep


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
