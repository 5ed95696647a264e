"""What the cycle's pages show, each read in a fixed number of queries."""

from datetime import date

from django.db.models import Count, F, Q, QuerySet

from commitments.models import Commitment, Completion, Member, Milestone
from common.compiled_models import CompiledModels
from common.db import FixedQuery, PageQuery, database_today
from common.hints import RowHint
from cycle.models import ChallengeArea, ComplianceFinding, CycleStep, MemberChallenge, SDGTarget


def steps_between(*, start: date, end: date) -> QuerySet:
    """The partnership's steps due in a period, in date order, with member and plan."""
    return CycleStep.objects.between(start, end).order_by("due_on", "member__name", "plan_number", "kind")


def member_steps(*, member: Member) -> QuerySet:
    return (
        CycleStep.objects.filter(member=member)
        .select_related("member", "action_plan")
        .order_by("due_on", "plan_number", "kind")
    )


def member_upcoming_steps(*, member: Member) -> list[CycleStep]:
    """The member's next five steps, from today (by the database's clock, in the time zone of TIME_ZONE); no query
    when its page's row says it has no step at all."""
    return [] if MEMBER_STEPS.known_empty(member) else _UPCOMING_STEPS(member.pk)


# Today read by the statement (database_today()), not in Python: the statement is the same every day, and kept.
_UPCOMING_STEPS = CompiledModels(
    lambda pk: CycleStep.objects.filter(member_id=pk, due_on__gte=database_today()).order_by(
        "due_on", "plan_number", "kind"
    )[:5]
)


def member_challenges(*, member: Member) -> list[MemberChallenge]:
    """The challenge areas the member took up, in the areas' order."""
    return [] if MEMBER_CHALLENGES.known_empty(member) else _MEMBER_CHALLENGES(member.pk)


_MEMBER_CHALLENGES = CompiledModels(
    lambda pk: MemberChallenge.objects.filter(member_id=pk).select_related("area").order_by("area__order")
)
# Whether the member has steps (any day: the statement reads today), took up challenges (common.hints), read with
# its page.
MEMBER_STEPS = RowHint("cycle_steps", lambda member: CycleStep.objects.filter(member_id=member))
MEMBER_CHALLENGES = RowHint("challenges", lambda member: MemberChallenge.objects.filter(member_id=member))


# The states of a finding the support unit reads: (condition, order of the list).
FINDING_STATES = {
    "open": (Q(resolved_on__isnull=True, decision=""), ("kind", "member__name", "pk")),
    "decided": (~Q(decision=""), ("-decided_on", "-pk")),
    "resolved": (Q(resolved_on__isnull=False), ("-resolved_on", "-pk")),
}


def findings(*, state: str | None = "open") -> QuerySet:
    """Compliance findings for the support unit: open ones awaiting a decision first, or decided, or resolved
    (every one, the latest found first, without a state)."""
    rows = ComplianceFinding.objects.select_related("member", "action_plan", "decided_by")
    if state is None:
        return rows.order_by("-found_on", "-pk")
    condition, order = FINDING_STATES[state]
    return rows.filter(condition).order_by(*order)


def finding_counts() -> dict:
    """Open findings awaiting a decision, by kind."""
    rows = ComplianceFinding.objects.filter(resolved_on__isnull=True, decision="")
    return {row["kind"]: row["n"] for row in rows.values("kind").annotate(n=Count("pk")).order_by()}


# Challenge areas ------------------------------------------------------------------------------------
HIGH_COMPLETION = (Completion.SUBSTANTIAL, Completion.COMPLETE)


def commitment_tags(*, commitment: Commitment) -> tuple[list[ChallengeArea], list[SDGTarget]]:
    """The challenge areas and SDG targets a commitment is tagged with (two queries, fewer when the page's row
    says it has none)."""
    areas = [] if TAGGED_AREAS.known_empty(commitment) else _AREAS_OF(commitment.pk)
    return areas, [] if TAGGED_TARGETS.known_empty(commitment) else _TARGETS_OF(commitment.pk)


_AREAS_OF = CompiledModels(lambda pk: ChallengeArea.objects.filter(commitments=pk).order_by("order"))
_TARGETS_OF = CompiledModels(lambda pk: SDGTarget.objects.filter(commitments=pk).order_by("goal", "order"))
# Whether the commitment is tagged with an area, a target (common.hints), read with the commitment's page.
TAGGED_AREAS = RowHint("challenge_areas", lambda commitment: ChallengeArea.objects.filter(commitments=commitment))
TAGGED_TARGETS = RowHint("sdg_targets", lambda commitment: SDGTarget.objects.filter(commitments=commitment))


def challenge_areas() -> QuerySet:
    """The areas with how many members took each up and how many commitments are tagged (one query)."""
    return ChallengeArea.objects.annotate(
        member_count=Count("declarations", distinct=True), commitment_count=Count("commitments", distinct=True)
    ).order_by("order", "name", "slug")


def challenge_declarations() -> QuerySet:
    """The members' declarations of the areas, in the order the API lists them (the members' names)."""
    return MemberChallenge.objects.order_by("member__name", "member_id")


NAMES = ("name", "name_fr", "name_es")
# What challenge_sdg_alignment reads, compiled once per process: nothing in them depends on a request.
_SDG_TARGETS = FixedQuery(lambda: SDGTarget.objects.order_by().values("id", "code", "goal", "order", *NAMES))
_ALIGNED = FixedQuery(
    lambda: (
        ChallengeArea.commitments.through.objects.filter(commitment__sdg_targets__isnull=False)
        .values("challengearea_id", target=F("commitment__sdg_targets"))
        .annotate(n=Count("commitment_id", distinct=True))
        .order_by()
    ),
    annotations=True,
)


def challenge_sdg_alignment() -> dict[int, list[dict]]:
    """For each area, the SDG targets its tagged commitments are aligned with and how many (two queries)."""
    targets = {target["id"]: target for target in _SDG_TARGETS()}
    aligned: dict[int, list[dict]] = {}
    for row in _ALIGNED():
        target = targets[row["target"]]
        aligned.setdefault(row["challengearea_id"], []).append(
            {
                "code": target["code"],
                "goal": target["goal"],
                "order": (target["goal"], target["order"]),
                **{name: target[name] for name in NAMES},
                "commitments": row["n"],
            }
        )
    for rows in aligned.values():
        rows.sort(key=lambda row: row["order"])
    return aligned


def challenge_area_members(*, area: ChallengeArea) -> list[dict]:
    """Members that took up the area or have commitments tagged with it, each with the collective progress
    of those commitments: self-reported completion and milestones (four queries at any size)."""
    by_member = {row["action_plan__member"]: dict(row) for row in _AREA_COMMITMENT_COUNTS([area.pk])}
    for row in _AREA_MILESTONE_COUNTS([area.pk]):
        by_member.setdefault(row["commitment__action_plan__member"], {}).update(
            milestones=row["total"], milestones_completed=row["completed"]
        )
    declared = {d.member_id: d for d in _AREA_DECLARATIONS(area.pk)}
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


# An area's page, keyed by the area's id (PageQuery's stand-in, CompiledModels' key): written in SQL once per process.
_AREA_COMMITMENT_COUNTS = PageQuery(
    lambda area_ids: (
        Commitment.objects.filter(challenge_areas=area_ids[0])
        .values("action_plan__member")
        .annotate(
            commitments=Count("pk", distinct=True),
            high_completion=Count("pk", filter=Q(completion__in=HIGH_COMPLETION), distinct=True),
        )
        .order_by()
    ),
    up_to=1,
    annotations=True,
)
_AREA_MILESTONE_COUNTS = PageQuery(
    lambda area_ids: (
        Milestone.objects.filter(commitment__challenge_areas=area_ids[0])
        .values("commitment__action_plan__member")
        .annotate(total=Count("pk"), completed=Count("pk", filter=Q(status=Milestone.Status.COMPLETED)))
        .order_by()
    ),
    up_to=1,
    annotations=True,
)
_AREA_DECLARATIONS = CompiledModels(lambda pk: MemberChallenge.objects.filter(area_id=pk).order_by("pk"))


def challenge_area_commitments(*, area: ChallengeArea) -> list[Commitment]:
    """The area's first AREA_COMMITMENTS commitments, by member, plan and number, with their milestones' progress."""
    return _AREA_COMMITMENTS(area.pk)


AREA_COMMITMENTS = 100
_AREA_COMMITMENTS = CompiledModels(
    lambda pk: (
        Commitment.objects.filter(challenge_areas=pk)
        .select_related("action_plan__member")
        .with_milestone_progress()
        .order_by("action_plan__member__name", "action_plan__number", "sort_key")[:AREA_COMMITMENTS]
    )
)
