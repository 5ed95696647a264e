"""Reads of the commitments app: what each page and API endpoint shows, with its related rows."""

from django.db.models import Count, Prefetch, Q, QuerySet

from accounts.models import Organisation
from commitments.models import (
    ActionPlan,
    Commitment,
    CommitmentFollow,
    CommitmentTranslation,
    HeadlineFigures,
    InstitutionContact,
    Member,
    MemberStatusEvent,
    Milestone,
    MilestoneTranslation,
    PolicyArea,
    ProgressUpdate,
)
from common import hints
from common.compiled_models import CompiledModels
from common.db import CompiledOnce, PageQuery
from common.hints import RowHint
from common.translations import SHOWN_TRANSLATIONS, page_translations


def member_page(slug: str) -> QuerySet:
    """The member of its page, with whether it has status changes and local members (common.hints; the page's app
    adds what its panels need, partnership.selectors.member_get)."""
    return hints.annotate(Member.objects.select_related("parent").filter(slug=slug), MEMBER_LISTS).order_by()


def member_status_events(*, member: Member) -> list:
    """The member's latest 20 status changes, newest first (no query when its page's row says it has none)."""
    return [] if STATUS_EVENTS.known_empty(member) else _STATUS_EVENTS(member.pk)


def member_local_members(*, member: Member) -> list[Member]:
    return [] if LOCAL_MEMBERS.known_empty(member) else _LOCAL_MEMBERS(member.pk)


# Whether the member's page lists have anything (common.hints), read with the member.
STATUS_EVENTS = RowHint("status_events", lambda member: MemberStatusEvent.objects.filter(member_id=member))
LOCAL_MEMBERS = RowHint("local_members", lambda member: Member.objects.filter(parent_id=member))
MEMBER_LISTS = (STATUS_EVENTS, LOCAL_MEMBERS)


# Lists of instances without their member set: a template reading event.member or local.parent reads it again.
_STATUS_EVENTS = CompiledModels(
    lambda pk: MemberStatusEvent.objects.filter(member_id=pk).order_by("-effective_on", "-id")[:20]
)
_LOCAL_MEMBERS = CompiledModels(lambda pk: Member.objects.filter(parent_id=pk).order_by("name"))


PLAN_ROW_FIELDS = ("member_id", "title", "language", "start_date", "end_date", "status")
# A row of a list of every plan's commitments (the commitment list, home): its plan's member and period too.
LISTED_COMMITMENT_FIELDS = (
    "number",
    "title",
    "completion",
    "action_plan__language",
    "action_plan__start_date",
    "action_plan__end_date",
    "action_plan__member__name",
    "action_plan__member__name_fr",
    "action_plan__member__name_es",
    "lead_institution__name",
)


def member_action_plans(*, member: Member) -> list[ActionPlan]:
    """A member's plans as their rows show them (title, period, status, counts)."""
    return _MEMBER_PLANS(member.pk)


_MEMBER_PLANS = CompiledModels(
    lambda pk: ActionPlan.objects.filter(member_id=pk).only(*PLAN_ROW_FIELDS).with_counts().order_by("-start_date")
)


def plan_page(pk: int) -> QuerySet:
    """The plan of its page, with its counts (the page's app adds what its panels need,
    partnership.selectors.action_plan_get)."""
    return ActionPlan.objects.select_related("member").with_counts().filter(pk=pk).order_by()


def commitment_page(pk: int) -> QuerySet:
    """The commitment of its page, with its translation and its milestones' into the page's language, and whether
    anyone follows it (common.hints; the page's app adds what its panels need, partnership.selectors.commitment_get)."""
    milestones = Milestone.objects.order_by(*Milestone.ORDER).prefetch_related(page_translations(Milestone))
    queryset = Commitment.objects.select_related("action_plan__member", "lead_institution").prefetch_related(
        "policy_areas",
        "supporting_organisations",
        Prefetch("milestones", queryset=milestones),
        # The authors joined: one query, and as many whether or not the commitment has updates.
        Prefetch("progress_updates", queryset=ProgressUpdate.objects.select_related("author")),
        page_translations(Commitment),
    )
    # One row: not the plans' ordering get() left out too.
    return hints.annotate(queryset.filter(pk=pk), [FOLLOWED, *PAGE_LISTS]).order_by()


# Whether the page's lists have anything (common.hints, named after their lookups: common.compiled_prefetches sends no
# statement for a list known to be empty). Most commitments have no supporting organisation, no progress update and
# no translation yet; their milestones, none either.
PAGE_LISTS = (
    RowHint(
        "supporting_organisations",
        lambda commitment: Commitment.supporting_organisations.through.objects.filter(commitment_id=commitment),
    ),
    RowHint("progress_updates", lambda commitment: ProgressUpdate.objects.filter(commitment_id=commitment)),
    RowHint(SHOWN_TRANSLATIONS, lambda commitment: CommitmentTranslation.objects.filter(master_id=commitment)),
    RowHint(
        "milestones__translations",
        lambda commitment: MilestoneTranslation.objects.filter(master__commitment=commitment),
    ),
)


FIGURE_FIELDS = (
    "members_national",
    "members_local",
    "countries",
    "action_plans",
    "action_plans_implementing",
    "commitments",
    "milestones",
    "milestones_completed",
)


def headline_figures_count() -> dict:
    """The key figures counted now over the whole tables (tens of milliseconds at national scale): for the
    refresh that stores them (commitments.services.figures), not for a page."""
    members = Member.objects.aggregate(
        members_national=Count("pk", filter=Q(kind=Member.Kind.NATIONAL)),
        members_local=Count("pk", filter=Q(kind=Member.Kind.LOCAL)),
        countries=Count("country", distinct=True, filter=~Q(country="")),
    )
    plans = ActionPlan.objects.aggregate(
        action_plans=Count("pk"),
        action_plans_implementing=Count("pk", filter=Q(status=ActionPlan.Status.IMPLEMENTATION)),
    )
    milestones = Milestone.objects.aggregate(
        milestones=Count("pk"), milestones_completed=Count("pk", filter=Q(status=Milestone.Status.COMPLETED))
    )
    return {**members, **plans, "commitments": Commitment.objects.count(), **milestones}


def headline_figures_stored() -> dict | None:
    """The key figures as last stored (one row), None before the first refresh."""
    return HeadlineFigures.objects.filter(pk=HeadlineFigures.SINGLETON_PK).values(*FIGURE_FIELDS).first()


def with_completed_share(figures: dict) -> dict:
    total, completed = figures["milestones"], figures["milestones_completed"]
    return {**figures, "milestones_completed_pct": round(100 * completed / total) if total else 0}


def headline_figures() -> dict:
    """The home page's figures as last stored, or counted now before the first refresh (a read: the home page
    goes through commitments.services.headline_figures_current, which stores them then)."""
    return with_completed_share(headline_figures_stored() or headline_figures_count())


def policy_areas_top_level() -> QuerySet:
    return PolicyArea.objects.filter(parent__isnull=True, kind=PolicyArea.Kind.POLICY_AREA).order_by("name")


def recent_action_plans(*, limit: int = 6) -> QuerySet:
    plans = ActionPlan.objects.select_related("member").only(
        *PLAN_ROW_FIELDS, "member__name", "member__name_fr", "member__name_es"
    )
    return plans.with_counts().order_by("-start_date", "-id")[:limit]


def workspace_plan_rows(*, plan: ActionPlan) -> list[dict]:
    """The workspace's rows (commitments.workspace_rows): each commitment's number, title, lead institution and
    completion, with its milestones under "milestones" (two queries)."""
    columns = ("id", "number", "title", "completion", "lead_institution__name")
    rows = list(plan.commitments.order_by("sort_key", "id").values(*columns))
    by_id = {}
    for row in rows:
        row["milestones"] = by_id[row["id"]] = []
    milestones = (
        Milestone.objects.filter(commitment__action_plan=plan)
        .order_by(*Milestone.ORDER)
        .values("id", "commitment_id", "order", "description", "due_date", "status")
    )
    for milestone in milestones:
        if (commitment := by_id.get(milestone["commitment_id"])) is not None:  # not one added since the first query
            commitment.append(milestone)
    return rows


def member_institution_names(*, member: Member) -> list[str]:
    return list(
        Organisation.objects.filter(member=member, kind=Organisation.Kind.GOVERNMENT)
        .order_by("name")
        .values_list("name", flat=True)[:500]
    )


def member_api_queryset() -> QuerySet:
    return Member.objects.select_related("parent").with_counts()


def member_api_rows() -> QuerySet:
    """The API's member rows (partnership.api.rows): their counts come from member_counts(), not per row."""
    return Member.objects.select_related("parent")


def action_plan_api_queryset() -> QuerySet:
    return ActionPlan.objects.select_related("member").with_counts()


def commitment_api_queryset() -> QuerySet:
    return Commitment.objects.select_related("action_plan__member", "lead_institution").prefetch_related(
        "policy_areas__parent",
        "supporting_organisations",
        Prefetch("milestones", queryset=Milestone.objects.order_by(*Milestone.ORDER)),
    )


def commitment_followers(*, commitment: Commitment, user) -> dict:
    """How many follow the commitment, and whether `user` does (one query, none when the commitment's page read that
    nobody does)."""
    if FOLLOWED.known_empty(commitment):
        return {"count": 0, "following": 0}
    if not user.is_authenticated:
        return _FOLLOWERS(commitment.pk)
    rows = _FOLLOWERS_AND_USER([commitment.pk, user.pk])
    return {"count": rows[0]["count"], "following": rows[0]["following"]} if rows else {"count": 0, "following": 0}


# Keyed by [the commitment's id, the user's id] (common.db.PageQuery's stand-ins), written in SQL once per process:
# grouped by the commitment, so a commitment nobody follows has no row.
_FOLLOWERS_AND_USER = PageQuery(
    lambda keys: (
        CommitmentFollow.objects.filter(commitment_id=keys[0])
        .values("commitment_id")
        .annotate(count=Count("pk"), following=Count("pk", filter=Q(user_id=keys[1])))
        .order_by()
    ),
    up_to=2,
    annotations=True,
)


# Whether anyone follows the commitment (common.hints), read with the commitment's page.
FOLLOWED = RowHint("followers", lambda commitment: CommitmentFollow.objects.filter(commitment_id=commitment))
_FOLLOWERS = CompiledOnce(
    lambda pk: CommitmentFollow.objects.filter(commitment_id=pk).aggregate(
        count=Count("pk"), following=Count("pk", filter=Q(pk__in=[]))
    )
)


def followed_commitments(*, user, limit: int = 10) -> list:
    """The commitments `user` follows, newest follow first, with their plan and member, titles in the page's
    language (two queries)."""
    follows = CommitmentFollow.objects.filter(user=user).select_related("commitment__action_plan__member")
    follows = follows.prefetch_related(page_translations(Commitment, through="commitment"))
    return [f.commitment for f in follows.order_by("-created_at", "-id")[:limit]]


# Institution contacts ------------------------------------------------------------------------------------------


def member_institution_contacts(*, member: Member) -> QuerySet:
    """The contacts of the member's institutions, with their institution and account (the workspace page)."""
    return (
        InstitutionContact.objects.filter(institution__member=member)
        .select_related("institution", "user", "added_by")
        .order_by("institution__name", "user__email")
    )


def is_institution_contact(*, user, institution_ids) -> bool:
    """Whether `user` is, now, a contact of one of these institutions (one query; none for nobody)."""
    ids = [pk for pk in institution_ids if pk is not None]
    if not ids or not (user.is_authenticated and user.is_active):
        return False
    return InstitutionContact.objects.filter(user=user, institution_id__in=ids).exists()


def is_commitment_institution_contact(*, user, commitment: Commitment) -> bool:
    """A contact of the commitment's lead institution or of one of its supporting institutions."""
    if not (user.is_authenticated and user.is_active):
        return False
    supporting = Commitment.supporting_organisations.through.objects.filter(commitment_id=commitment.pk)
    return (
        InstitutionContact.objects.filter(user=user)
        .filter(
            Q(institution_id=commitment.lead_institution_id)
            | Q(institution_id__in=supporting.values("organisation_id"))
        )
        .exists()
    )
