"""Reads of the commitments app: what each page and API endpoint shows, with its related rows."""

from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from accounts.models import Organisation
from commitments.models import ActionPlan, Commitment, Member, Milestone, PolicyArea


def member_get(*, slug: str) -> Member:
    return get_object_or_404(Member.objects.select_related("parent"), slug=slug)


def member_action_plans(*, member: Member) -> QuerySet:
    return member.action_plans.with_counts().order_by("-start_date")


def action_plan_get(*, pk: int) -> ActionPlan:
    return get_object_or_404(ActionPlan.objects.select_related("member").with_counts(), pk=pk)


def action_plan_commitments(*, plan: ActionPlan) -> QuerySet:
    return (
        plan.commitments.select_related("lead_institution")
        .prefetch_related("policy_areas")
        .with_milestone_progress()
        .order_by("sort_key")
    )


def commitment_get(*, pk: int) -> Commitment:
    queryset = Commitment.objects.select_related("action_plan__member", "lead_institution").prefetch_related(
        "policy_areas",
        "supporting_organisations",
        Prefetch("milestones", queryset=Milestone.objects.order_by("order", "due_date", "id")),
        "progress_updates__author",
    )
    return get_object_or_404(queryset, pk=pk)


def headline_figures() -> dict:
    members = Member.objects.aggregate(
        national=Count("pk", filter=Q(kind=Member.Kind.NATIONAL)),
        local=Count("pk", filter=Q(kind=Member.Kind.LOCAL)),
        countries=Count("country", distinct=True, filter=~Q(country="")),
    )
    plans = ActionPlan.objects.aggregate(
        total=Count("pk"), implementing=Count("pk", filter=Q(status=ActionPlan.Status.IMPLEMENTATION))
    )
    milestones = Milestone.objects.aggregate(
        total=Count("pk"), completed=Count("pk", filter=Q(status=Milestone.Status.COMPLETED))
    )
    return {
        "members_national": members["national"],
        "members_local": members["local"],
        "countries": members["countries"],
        "action_plans": plans["total"],
        "action_plans_implementing": plans["implementing"],
        "commitments": Commitment.objects.count(),
        "milestones": milestones["total"],
        "milestones_completed": milestones["completed"],
        "milestones_completed_pct": round(100 * milestones["completed"] / milestones["total"])
        if milestones["total"]
        else 0,
    }


def policy_areas_top_level() -> QuerySet:
    return PolicyArea.objects.filter(parent__isnull=True, kind=PolicyArea.Kind.POLICY_AREA).order_by("name")


def recent_action_plans(*, limit: int = 6) -> QuerySet:
    return ActionPlan.objects.select_related("member").with_counts().order_by("-start_date", "-id")[:limit]


def workspace_plan_commitments(*, plan: ActionPlan) -> QuerySet:
    return (
        plan.commitments.select_related("lead_institution")
        .prefetch_related(
            "policy_areas", Prefetch("milestones", queryset=Milestone.objects.order_by("order", "due_date", "id"))
        )
        .order_by("sort_key")
    )


def member_institution_names(*, member: Member) -> list[str]:
    return list(
        Organisation.objects.filter(member=member, kind=Organisation.Kind.GOVERNMENT)
        .order_by("name")
        .values_list("name", flat=True)[:500]
    )


def member_api_queryset() -> QuerySet:
    return Member.objects.select_related("parent").with_counts()


def action_plan_api_queryset() -> QuerySet:
    return ActionPlan.objects.select_related("member").with_counts()


def commitment_api_queryset() -> QuerySet:
    return Commitment.objects.select_related("action_plan__member", "lead_institution").prefetch_related(
        "policy_areas__parent",
        "supporting_organisations",
        Prefetch("milestones", queryset=Milestone.objects.order_by("order", "due_date", "id")),
    )
